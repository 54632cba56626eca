import type { Migration } from './migration';

/**
 * The court screens a user has confirmed with a page map that is not tested end to end (one loaded from a file, set
 * by policy, or captured): a filing by such a map stops at the final text, before the commit, until every screen it
 * went through has been checked once with that map (docs/court-pages.md#confirming-screens). A map is known by its
 * SHA-256; a changed map starts again.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'page-map-screens',
  up(db) {
    db.exec(`
      CREATE TABLE page_map_screens (
        map_digest TEXT NOT NULL CHECK (length(map_digest) = 64),
        step TEXT NOT NULL CHECK (length(step) BETWEEN 1 AND 40),
        confirmed_at TEXT NOT NULL,
        login_id TEXT NOT NULL,
        PRIMARY KEY (map_digest, step)
      ) WITHOUT ROWID;
    `);
  },
};
