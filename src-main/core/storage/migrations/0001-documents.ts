import type { Migration } from './migration';

/** The documents the user added: their facts, or the problem that makes one unusable. */
export const migration0001: Migration = {
  version: 1,
  name: 'documents',
  up(db) {
    // A readable PDF has a page count and no problem; an unusable one has a problem and no page count.
    // The problem codes are not listed in a CHECK: adding a code must not need a table rebuild.
    db.exec(`
      CREATE TABLE documents (
        id              TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
        name            TEXT NOT NULL,
        bytes           INTEGER NOT NULL CHECK (bytes >= 0),
        sha256          TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        pages           INTEGER CHECK (pages IS NULL OR pages > 0),
        problem_code    TEXT,
        problem_message TEXT,
        added_at        TEXT NOT NULL,
        removed_at      TEXT,
        CHECK ((pages IS NULL) <> (problem_code IS NULL)),
        CHECK ((problem_code IS NULL) = (problem_message IS NULL))
      ) STRICT;
      CREATE INDEX documents_added_at ON documents (added_at);
    `);
  },
};
