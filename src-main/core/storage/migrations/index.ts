import type Database from 'better-sqlite3';
import { AppError } from '../../errors';
import { migration0001 } from './0001-documents';
import { migration0002 } from './0002-preflight';
import { migration0003 } from './0003-document-versions';
import { migration0004 } from './0004-accounts';
import { migration0005 } from './0005-drafts';
import { migration0006 } from './0006-notices';
import { migration0007 } from './0007-inbox-search-order';
import { migration0008 } from './0008-filing-record';
import { migration0009 } from './0009-outbox-needs-attention';
import { migration0010 } from './0010-page-map-screens';
import { migration0011 } from './0011-firm-entries';
import { migration0012 } from './0012-shared-drafts';
import type { Migration } from './migration';

/** Every migration the app knows, oldest first. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
];

/**
 * Brings the database up to the newest schema this app knows, one migration per transaction, with
 * `PRAGMA user_version` recording how far it got. A database from a newer app is refused, not touched.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): void {
  checkNumbering(list);
  const known = list.length;
  const found = userVersion(db);
  if (found > known) {
    throw new AppError(
      'storage.newer-version',
      `This ECF Desk data was saved by a newer version of ECF Desk (database version ${found}; this version understands up to ${known}). ` +
        'To protect your drafts and filings, this version will not open it. Install the newer version of ECF Desk, or ask your IT team for help.',
    );
  }
  for (const migration of list.filter((candidate) => candidate.version > found)) {
    const apply = db.transaction(() => {
      // Read again inside the write lock: another process may have applied this step meanwhile.
      if (userVersion(db) >= migration.version) {
        return;
      }
      migration.up(db);
      // user_version lives in the database header, which the transaction covers, so a failed step leaves it unchanged.
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
  }
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkNumbering(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version} at position ${index + 1}; versions must count up from 1 with no gaps.`,
      );
    }
  });
}
