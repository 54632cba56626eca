import type { Migration } from './migration';

/**
 * The NEF inbox (docs/court-rules.md#re-sent-notices). `inbox_items` holds one row a docket entry, found again by
 * `entry_key` (court, case id and de_seq_num, or the case number, document number and doc id when a notice has no
 * de_seq_num), so a regenerated or resent notice updates its entry instead of adding one. `notice_messages` remembers
 * every email read, by the SHA-256 of its raw bytes and by its Message-ID, so the same message is never imported twice.
 * `inbox_search` is an FTS5 index over the item's own columns, kept in step by triggers; `mailbox_cursors` lets an IMAP
 * sync resume after the last UID it read.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'notices',
  up(db) {
    db.exec(`
      CREATE TABLE inbox_items (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        entry_key TEXT NOT NULL UNIQUE,
        court TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('nef', 'nda')),
        subject TEXT NOT NULL,
        case_number TEXT NOT NULL,
        case_name TEXT,
        case_id TEXT,
        document_number TEXT,
        docket_text TEXT,
        short_description TEXT,
        date_filed TEXT,
        de_seq_num TEXT,
        doc_id TEXT,
        party_names TEXT NOT NULL,
        received_at TEXT NOT NULL,
        is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
        resend_count INTEGER NOT NULL DEFAULT 0 CHECK (resend_count >= 0),
        modified_at TEXT,
        link_warning TEXT,
        source TEXT NOT NULL,
        documents TEXT NOT NULL CHECK (json_valid(documents)),
        document_urls TEXT NOT NULL CHECK (json_valid(document_urls)),
        pending_count INTEGER NOT NULL DEFAULT 0 CHECK (pending_count >= 0),
        deadlines TEXT NOT NULL CHECK (json_valid(deadlines)),
        deadline_count INTEGER GENERATED ALWAYS AS (json_array_length(deadlines)) VIRTUAL,
        recipients TEXT NOT NULL CHECK (json_valid(recipients))
      );
      CREATE INDEX inbox_items_court ON inbox_items (court);
      CREATE INDEX inbox_items_case_number ON inbox_items (case_number COLLATE NOCASE);
      CREATE INDEX inbox_items_date_filed ON inbox_items (date_filed, received_at);
      CREATE INDEX inbox_items_received_at ON inbox_items (received_at);
      CREATE INDEX inbox_items_pending ON inbox_items (pending_count) WHERE pending_count > 0;
      CREATE INDEX inbox_items_deadlines ON inbox_items (deadline_count) WHERE deadline_count > 0;

      CREATE VIRTUAL TABLE inbox_search USING fts5(
        case_number, case_name, docket_text, short_description, party_names,
        content = 'inbox_items', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER inbox_items_search_insert AFTER INSERT ON inbox_items BEGIN
        INSERT INTO inbox_search (rowid, case_number, case_name, docket_text, short_description, party_names)
        VALUES (new.seq, new.case_number, new.case_name, new.docket_text, new.short_description, new.party_names);
      END;
      CREATE TRIGGER inbox_items_search_delete AFTER DELETE ON inbox_items BEGIN
        INSERT INTO inbox_search (inbox_search, rowid, case_number, case_name, docket_text, short_description, party_names)
        VALUES ('delete', old.seq, old.case_number, old.case_name, old.docket_text, old.short_description, old.party_names);
      END;
      CREATE TRIGGER inbox_items_search_update AFTER UPDATE OF case_number, case_name, docket_text, short_description, party_names ON inbox_items BEGIN
        INSERT INTO inbox_search (inbox_search, rowid, case_number, case_name, docket_text, short_description, party_names)
        VALUES ('delete', old.seq, old.case_number, old.case_name, old.docket_text, old.short_description, old.party_names);
        INSERT INTO inbox_search (rowid, case_number, case_name, docket_text, short_description, party_names)
        VALUES (new.seq, new.case_number, new.case_name, new.docket_text, new.short_description, new.party_names);
      END;

      CREATE TABLE notice_messages (
        raw_sha256 TEXT PRIMARY KEY CHECK (length(raw_sha256) = 64),
        message_id TEXT,
        source TEXT NOT NULL,
        received_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('nef', 'nda', 'ignored')),
        reason TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('new', 'resend', 'modified', 'set-aside')),
        item_ids TEXT NOT NULL CHECK (json_valid(item_ids))
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX notice_messages_message_id ON notice_messages (message_id) WHERE message_id IS NOT NULL;

      CREATE TABLE mailbox_cursors (
        mailbox_id TEXT PRIMARY KEY,
        uid_validity INTEGER NOT NULL CHECK (uid_validity >= 0),
        last_uid INTEGER NOT NULL CHECK (last_uid >= 0),
        updated_at TEXT NOT NULL
      );
    `);
  },
};
