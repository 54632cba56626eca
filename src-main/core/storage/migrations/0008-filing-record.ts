import type { Migration } from './migration';

/**
 * Who signs and what happened to each filing.
 *
 * `accounts` gains the attorney's name and role, which a signature carries (FAQ 35: the PACER login is the
 * signature; the `/s/` line names the attorney). `filing_journal` is the tamper-evident record of every action on a
 * draft and in the outbox: rows are only ever appended, each holding its canonical JSON and the SHA-256 that chains it
 * to the entry before (docs/architecture.md#the-filing-record). Triggers refuse an update or a delete, so a bug cannot
 * rewrite history; a person editing the file can, which is what the chain is for.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'filing-record',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN name TEXT NOT NULL DEFAULT '';
      ALTER TABLE accounts ADD COLUMN role TEXT NOT NULL DEFAULT '';

      CREATE TABLE filing_journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        draft_id TEXT NOT NULL,
        entry TEXT NOT NULL CHECK (json_valid(entry)),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64)
      );
      CREATE INDEX filing_journal_draft ON filing_journal (draft_id, seq);
      CREATE TRIGGER filing_journal_no_update BEFORE UPDATE ON filing_journal
        BEGIN SELECT RAISE(ABORT, 'the filing record is append-only'); END;
      CREATE TRIGGER filing_journal_no_delete BEFORE DELETE ON filing_journal
        BEGIN SELECT RAISE(ABORT, 'the filing record is append-only'); END;
    `);
  },
};
