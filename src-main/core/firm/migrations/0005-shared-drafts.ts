import type { FirmMigration } from './firm-migration';

/**
 * Shared drafts (docs/firm-server.md#shared-drafts): each draft once by the id the desktop gave it, with its case (and
 * the case's key, as entries match teams), its version, who changed it last, and its content as JSON; its documents'
 * SHA-256 listed apart, so a document of a draft is served to those who may see the draft.
 */
export const firmMigration0005: FirmMigration = {
  version: 5,
  name: 'shared-drafts',
  sql: `
CREATE TABLE shared_drafts (
  id uuid PRIMARY KEY,
  case_number text NOT NULL CHECK (length(case_number) BETWEEN 1 AND 100),
  case_key text NOT NULL CHECK (length(case_key) BETWEEN 1 AND 100),
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL CHECK (octet_length(content::text) <= 1048576),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shared_drafts_by_case ON shared_drafts (case_key);

CREATE TABLE shared_draft_documents (
  draft_id uuid NOT NULL REFERENCES shared_drafts (id) ON DELETE CASCADE,
  pdf_sha256 text NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (draft_id, pdf_sha256)
);
CREATE INDEX shared_draft_documents_by_pdf ON shared_draft_documents (pdf_sha256);
`,
};
