import type Database from 'better-sqlite3';

/** What this desktop knows of one shared draft (migration 0012; docs/firm-server.md#shared-drafts). */
export interface SharedDraftRow {
  readonly draftId: string;
  /** The firm server the draft is shared through. */
  readonly origin: string;
  /** The server's version this desktop's copy last agreed with; null until the server first keeps it. */
  readonly version: number | null;
  /** The digest of the content agreed at that version (`sharedDraftDigest`); null until then. */
  readonly agreedDigest: string | null;
  /** Who made that version, and when. */
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
  /** The server's refusal of a change made here from an older version, until the user resolves it. */
  readonly conflict: string | null;
  /** The outbox state the server's copy reports, when another desktop is filing the draft. */
  readonly remoteOutbox: string | null;
}

interface Row {
  readonly draft_id: string;
  readonly origin: string;
  readonly version: number | null;
  readonly agreed_digest: string | null;
  readonly updated_by: string | null;
  readonly updated_at: string | null;
  readonly conflict: string | null;
  readonly remote_outbox: string | null;
}

const toShared = (row: Row): SharedDraftRow => ({
  draftId: row.draft_id,
  origin: row.origin,
  version: row.version,
  agreedDigest: row.agreed_digest,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
  conflict: row.conflict,
  remoteOutbox: row.remote_outbox,
});

/** The `shared_drafts` table: one row for each draft this desktop shares or opened from the firm server. */
export function createSharedDraftsTable(db: Database.Database) {
  const statements = {
    find: db.prepare<[string], Row>('SELECT * FROM shared_drafts WHERE draft_id = ?'),
    list: db.prepare<[string], Row>('SELECT * FROM shared_drafts WHERE origin = ? ORDER BY draft_id'),
    all: db.prepare<[], Row>('SELECT * FROM shared_drafts ORDER BY draft_id'),
    put: db.prepare(
      `INSERT INTO shared_drafts (draft_id, origin, version, agreed_digest, updated_by, updated_at, conflict, remote_outbox)
       VALUES (@draftId, @origin, @version, @agreedDigest, @updatedBy, @updatedAt, @conflict, @remoteOutbox)
       ON CONFLICT (draft_id) DO UPDATE SET origin = excluded.origin, version = excluded.version,
         agreed_digest = excluded.agreed_digest, updated_by = excluded.updated_by, updated_at = excluded.updated_at,
         conflict = excluded.conflict, remote_outbox = excluded.remote_outbox`,
    ),
    remove: db.prepare<[string]>('DELETE FROM shared_drafts WHERE draft_id = ?'),
  };
  return {
    find(draftId: string): SharedDraftRow | null {
      const row = statements.find.get(draftId);
      return row ? toShared(row) : null;
    },
    /** The drafts shared through one server. */
    list(origin: string): SharedDraftRow[] {
      return statements.list.all(origin).map(toShared);
    },
    /** Every shared draft this desktop knows, whichever server it is shared through. */
    all(): SharedDraftRow[] {
      return statements.all.all().map(toShared);
    },
    put(row: SharedDraftRow): void {
      statements.put.run(row);
    },
    remove(draftId: string): void {
      statements.remove.run(draftId);
    },
  };
}

/** The shared drafts this desktop knows. */
export type SharedDraftsTable = ReturnType<typeof createSharedDraftsTable>;
