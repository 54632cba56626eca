import type { FirmMigration } from './firm-migration';

/**
 * Who may connect (a token's SHA-256 only: the token itself is shown once and never kept), who is on which case's
 * team, and the mailboxes the server reads (the password's file, never the password: docs/firm-server.md).
 */
export const firmMigration0001: FirmMigration = {
  version: 1,
  name: 'users-case-teams-mailboxes',
  sql: `
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
  role text NOT NULL CHECK (role IN ('docketing', 'attorney', 'paralegal', 'admin')),
  token_sha256 bytea NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE case_team_members (
  case_number text NOT NULL CHECK (case_number ~ '^[0-9A-Za-z][0-9A-Za-z:-]{0,39}$'),
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_number, user_id)
);
CREATE INDEX case_team_members_by_user ON case_team_members (user_id);

CREATE TABLE mailboxes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
  host text NOT NULL CHECK (length(host) BETWEEN 1 AND 255),
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  secure boolean NOT NULL,
  login text NOT NULL CHECK (length(login) BETWEEN 1 AND 255),
  folder text NOT NULL CHECK (length(folder) BETWEEN 1 AND 255),
  password_file text NOT NULL CHECK (length(password_file) BETWEEN 1 AND 4096),
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
};
