import type { FirmMigration } from './firm-migration';

/**
 * The firm's mail, read once: each message once by its SHA-256, each docket entry once by the desktop's entry key (two
 * notices of one entry, sent to two addresses, make one entry), each free look once per document of an entry, claimed
 * in the database before the court is asked (docs/firm-server.md#free-looks-once-for-the-firm), and where each mailbox's
 * reading resumes.
 */
export const firmMigration0002: FirmMigration = {
  version: 2,
  name: 'notices-entries-free-looks',
  sql: `
CREATE TABLE mailbox_sync (
  mailbox_id bigint PRIMARY KEY REFERENCES mailboxes (id) ON DELETE CASCADE,
  uid_validity bigint NOT NULL CHECK (uid_validity > 0),
  last_uid bigint NOT NULL CHECK (last_uid >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  raw_sha256 bytea NOT NULL UNIQUE CHECK (octet_length(raw_sha256) = 32),
  mailbox_id bigint REFERENCES mailboxes (id) ON DELETE SET NULL,
  received_at timestamptz NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('nef', 'nda', 'ignored')),
  court text CHECK (length(court) <= 16),
  subject text NOT NULL CHECK (length(subject) <= 2000),
  parsed jsonb NOT NULL CHECK (octet_length(parsed::text) <= 1048576)
);

CREATE TABLE docket_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_key text NOT NULL UNIQUE CHECK (length(entry_key) BETWEEN 1 AND 1024),
  court text CHECK (length(court) <= 16),
  case_number text NOT NULL CHECK (length(case_number) <= 200),
  case_id text CHECK (length(case_id) <= 40),
  de_seq_num text CHECK (length(de_seq_num) <= 40),
  first_notice_id bigint NOT NULL REFERENCES notices (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE entry_notices (
  entry_id bigint NOT NULL REFERENCES docket_entries (id) ON DELETE CASCADE,
  notice_id bigint NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  PRIMARY KEY (entry_id, notice_id)
);
CREATE INDEX entry_notices_by_notice ON entry_notices (notice_id);

CREATE TABLE free_looks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES docket_entries (id) ON DELETE CASCADE,
  notice_id bigint NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  document_key text NOT NULL CHECK (length(document_key) BETWEEN 1 AND 2048),
  url text NOT NULL CHECK (length(url) BETWEEN 1 AND 4096),
  state text NOT NULL CHECK (state IN ('pending', 'fetching', 'saved', 'stopped', 'failed', 'refused', 'interrupted')),
  claimed_by bigint,
  claimed_by_name text CHECK (length(claimed_by_name) <= 300),
  claimed_at timestamptz,
  finished_at timestamptz,
  message text CHECK (length(message) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'fetching') <= (claimed_by IS NOT NULL))
);
-- One free look per document of an entry; a refused link (kept to show people) never takes a document's place.
CREATE UNIQUE INDEX free_looks_once ON free_looks (entry_id, document_key) WHERE state <> 'refused';
CREATE INDEX free_looks_pending ON free_looks (id) WHERE state = 'pending';
CREATE INDEX free_looks_fetching ON free_looks (claimed_by) WHERE state = 'fetching';

CREATE TABLE free_look_documents (
  free_look_id bigint NOT NULL REFERENCES free_looks (id) ON DELETE CASCADE,
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 20),
  description text NOT NULL CHECK (length(description) <= 1000),
  pdf_sha256 text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  pages integer,
  state text NOT NULL CHECK (length(state) <= 40),
  message text CHECK (length(message) <= 2000),
  PRIMARY KEY (free_look_id, number)
);

CREATE SEQUENCE firm_server_instances;
`,
};
