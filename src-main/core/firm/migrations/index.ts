import { firmMigration0001 } from './0001-users-case-teams-mailboxes';
import { firmMigration0002 } from './0002-notices-entries-free-looks';
import { firmMigration0003 } from './0003-entry-changes';
import { firmMigration0004 } from './0004-entry-search';
import { firmMigration0005 } from './0005-shared-drafts';
import { firmMigration0006 } from './0006-store-notice';
import type { FirmMigration } from './firm-migration';

/** Every migration of the firm database this server knows, oldest first. */
export const firmMigrations: readonly FirmMigration[] = [
  firmMigration0001,
  firmMigration0002,
  firmMigration0003,
  firmMigration0004,
  firmMigration0005,
  firmMigration0006,
];
