import type { Migration } from './migration';

/**
 * Drafts shared through the firm server (docs/firm-server.md#shared-drafts): for each draft this desktop shares or
 * opened from the server, the server's address, the version of the server's copy this desktop's copy last agreed with
 * (null until the server first keeps it) and the digest of that agreed content, so a change made here since — offline
 * too — is known and sent when the server can be reached. `conflict` keeps the server's refusal of a change made from
 * an older version until the user resolves it; `remote_outbox` the outbox state the server's copy reports when another
 * desktop is filing it.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'shared-drafts',
  up(db) {
    db.exec(`
      CREATE TABLE shared_drafts (
        draft_id TEXT PRIMARY KEY CHECK (length(draft_id) BETWEEN 1 AND 100),
        origin TEXT NOT NULL CHECK (length(origin) BETWEEN 1 AND 2048),
        version INTEGER CHECK (version IS NULL OR version > 0),
        agreed_digest TEXT CHECK (agreed_digest IS NULL OR length(agreed_digest) = 64),
        updated_by TEXT CHECK (updated_by IS NULL OR length(updated_by) <= 200),
        updated_at TEXT CHECK (updated_at IS NULL OR length(updated_at) <= 40),
        conflict TEXT CHECK (conflict IS NULL OR length(conflict) <= 4000),
        remote_outbox TEXT CHECK (remote_outbox IS NULL OR length(remote_outbox) <= 40)
      ) WITHOUT ROWID;
    `);
  },
};
