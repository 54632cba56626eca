import type { Migration } from './migration';

/**
 * Drafts and the outbox. A draft's editable fields are one JSON document, written in one statement on every change
 * (so a crash leaves the last saved version whole); the outbox state has columns of its own, because the outbox
 * finds, orders and recovers items by it. `submission` holds what the outbox must remember to never file twice:
 * the court's transaction id, the exact docket text and the docket's high-water mark taken just before the commit.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        package_id TEXT,
        package_step INTEGER,
        outbox_state TEXT CHECK (outbox_state IS NULL OR outbox_state IN ('ready', 'submitting', 'submitted', 'filed', 'failed', 'needs-verification')),
        outbox TEXT CHECK (outbox IS NULL OR json_valid(outbox)),
        submission TEXT CHECK (submission IS NULL OR json_valid(submission)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((outbox_state IS NULL) = (outbox IS NULL))
      );
      CREATE INDEX drafts_outbox_state ON drafts (outbox_state);
      CREATE INDEX drafts_package ON drafts (package_id, package_step);
    `);
  },
};
