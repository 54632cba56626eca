import type { Migration } from './migration';

/**
 * The outbox gains `needs-attention`: the driver met a court page it does not recognise, or a field it cannot fill,
 * and stopped before the final submit (docs/court-pages.md#when-a-page-is-not-recognised). SQLite cannot change a
 * CHECK constraint in place, so `drafts` is copied into a table with the new one, as its documentation describes
 * ("Making Other Kinds Of Table Schema Changes"); no other table refers to it.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'outbox-needs-attention',
  up(db) {
    db.exec(`
      CREATE TABLE drafts_next (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        package_id TEXT,
        package_step INTEGER,
        outbox_state TEXT CHECK (outbox_state IS NULL OR outbox_state IN ('ready', 'submitting', 'submitted', 'filed', 'failed', 'needs-verification', 'needs-attention')),
        outbox TEXT CHECK (outbox IS NULL OR json_valid(outbox)),
        submission TEXT CHECK (submission IS NULL OR json_valid(submission)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((outbox_state IS NULL) = (outbox IS NULL))
      );
      INSERT INTO drafts_next (id, data, package_id, package_step, outbox_state, outbox, submission, created_at, updated_at)
        SELECT id, data, package_id, package_step, outbox_state, outbox, submission, created_at, updated_at FROM drafts;
      DROP TABLE drafts;
      ALTER TABLE drafts_next RENAME TO drafts;
      CREATE INDEX drafts_outbox_state ON drafts (outbox_state);
      CREATE INDEX drafts_package ON drafts (package_id, package_step);
    `);
  },
};
