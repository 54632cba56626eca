import { addToCaseTeam } from '../core/firm/case-teams';
import { firmCourtTrust } from '../core/firm/firm-court';
import { openFirmDatabase } from '../core/firm/firm-database';
import { noticesPerTransaction, storeNotice, storeNotices } from '../core/firm/firm-notices';
import { addUser } from '../core/firm/firm-users';
import { migrateFirmDatabase } from '../core/firm/migrate-firm-database';
import { createEventStreamParser } from '../core/firm-connection/event-stream';
import { syntheticTemplate } from '../core/inbox/store/bench-entry';
import { createNoticeTable } from '../core/inbox/store/notice-table';
import { openDatabase } from '../core/storage/database';
import { startThrowawayPostgres } from './throwaway-postgres';

/**
 * What `npm run bench:server` (src-main/build/bench-server.mjs) runs, bundled: a throwaway PostgreSQL cluster, the firm
 * database as the server opens and migrates it, its users and case teams, the server's own `storeNotice` and `storeNotices`, the desktop's
 * event-stream parser, and the desktop's inbox (SQLite) for the search anchor, with a CIT NEF built in code to vary.
 */
export {
  addToCaseTeam,
  addUser,
  createEventStreamParser,
  createNoticeTable,
  firmCourtTrust,
  migrateFirmDatabase,
  openDatabase,
  openFirmDatabase,
  startThrowawayPostgres,
  noticesPerTransaction,
  storeNotice,
  storeNotices,
  syntheticTemplate,
};
