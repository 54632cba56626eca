import type { Migration } from './migration';

/**
 * Notices from the firm server (docs/firm-server.md#notices-on-desktops): an inbox entry the firm server gave keeps the
 * server's address (`firm_server`), and where this desktop is in each server's list of changes is kept per server and
 * user, with the cases that list covered (a case added to the user's teams later is read from the start).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'firm-entries',
  up(db) {
    db.exec(`
      ALTER TABLE inbox_items ADD COLUMN firm_server TEXT CHECK (firm_server IS NULL OR length(firm_server) <= 2048);
      CREATE TABLE firm_sync (
        origin TEXT NOT NULL CHECK (length(origin) BETWEEN 1 AND 2048),
        user_name TEXT NOT NULL CHECK (length(user_name) BETWEEN 1 AND 200),
        cursor TEXT NOT NULL CHECK (length(cursor) <= 60),
        cases TEXT NOT NULL,
        sees_every_case INTEGER NOT NULL CHECK (sees_every_case IN (0, 1)),
        synced_at TEXT NOT NULL,
        PRIMARY KEY (origin, user_name)
      ) WITHOUT ROWID;
    `);
  },
};
