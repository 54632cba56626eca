import type pg from 'pg';
import type { SharedDraft, SharedDraftContent, SharedDraftSummary } from '../../shared/firm-server';
import { caseNumberKey } from '../inbox/store/entry-key';
import { canSeeCase, checkedCaseNumber } from './case-teams';
import { caseKeysOf } from './firm-entries';
import { FirmError } from './firm-error';
import type { FirmUser } from './firm-users';

/**
 * The largest a shared draft's content may be, as compact JSON: PostgreSQL keeps jsonb's text with spaces added, at
 * most about twice as long, and the table holds up to 1 MiB of it.
 */
export const maxDraftContentBytes = 512 * 1024;

/** The most shared drafts one list answers, most recently changed first. */
export const maxListedDrafts = 1_000;

/** Who may see a shared draft, as SQL over `draft` with the user's case keys as $1 and whether they see every case as $2. */
export const visibleDraft = '(draft.case_key = ANY($1::text[]) OR $2::boolean)';

interface DraftRow {
  readonly id: string;
  readonly case_number: string;
  readonly version: number;
  readonly updated_by: string;
  readonly updated_at: Date;
  readonly content?: SharedDraftContent;
}

const summaryColumns = 'draft.id, draft.case_number, draft.version, draft.updated_by, draft.updated_at';

function toSummary(row: DraftRow): SharedDraftSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toDraft(row: DraftRow & { readonly content: SharedDraftContent }): SharedDraft {
  return { ...toSummary(row), content: row.content };
}

/** The shared drafts of the cases the user may see (docketing staff: every case), most recently changed first. */
export async function listSharedDrafts(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
): Promise<SharedDraftSummary[]> {
  const { rows } = await pool.query<DraftRow>(
    `SELECT ${summaryColumns} FROM shared_drafts AS draft WHERE ${visibleDraft}
      ORDER BY draft.updated_at DESC, draft.id LIMIT $3`,
    [caseKeysOf(user), user.seesEveryCase, maxListedDrafts],
  );
  return rows.map(toSummary);
}

/** A shared draft the user may see; one they may not is answered as one that does not exist. */
export async function readSharedDraft(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  id: string,
): Promise<SharedDraft> {
  const { rows } = await pool.query<DraftRow & { content: SharedDraftContent }>(
    `SELECT ${summaryColumns}, draft.content FROM shared_drafts AS draft WHERE draft.id = $3 AND ${visibleDraft}`,
    [caseKeysOf(user), user.seesEveryCase, id],
  );
  const row = rows[0];
  if (!row) {
    throw noSuchDraft();
  }
  return toDraft(row);
}

/**
 * Keeps a change to a shared draft (docs/firm-server.md#shared-drafts), or shares it the first time (`baseVersion`
 * null). The change is kept only when it was made from the latest version: otherwise it is refused with
 * `draft.conflict`, saying who changed it and when, so no change anyone was told was kept is ever overwritten unseen.
 * The draft must name a case the user is on (docketing staff: any), and every document it lists must be in the PDF
 * store already (`hasDocument`).
 */
export async function saveSharedDraft(
  pool: pg.Pool,
  user: Pick<FirmUser, 'name' | 'cases' | 'seesEveryCase'>,
  id: string,
  change: { readonly baseVersion: number | null; readonly content: SharedDraftContent },
  hasDocument: (sha256: string) => boolean,
): Promise<SharedDraft> {
  const { content } = change;
  const text = JSON.stringify(content);
  if (Buffer.byteLength(text) > maxDraftContentBytes) {
    throw new FirmError(
      'draft.invalid',
      `The draft is larger than a shared draft may be (${maxDraftContentBytes / 1024} KB of text without its documents).`,
    );
  }
  // PostgreSQL's jsonb cannot hold NUL; no draft ECF Desk makes has one.
  if (text.includes('\\u0000')) {
    throw new FirmError('draft.invalid', 'The draft holds a NUL character, which no draft of ECF Desk has.');
  }
  if (content.draft.id !== id) {
    throw new FirmError('draft.invalid', 'The draft sent is not the draft at this address (its id differs).');
  }
  if (content.draft.case === null) {
    throw new FirmError(
      'draft.invalid',
      'A draft is shared once it names its case: the case team is who sees it. A new action is shared after the court gives its number.',
    );
  }
  const caseNumber = checkedCaseNumber(content.draft.case.caseNumber);
  if (!canSeeCase(user, caseNumber)) {
    throw new FirmError(
      'draft.not-allowed',
      `You are not on the team of case ${caseNumber}, so you cannot share its drafts. Ask IT or docketing to add you (ecf-desk server case-team).`,
    );
  }
  const missing = [...new Set(content.documents.map((document) => document.sha256))].filter((sha) => !hasDocument(sha));
  if (missing.length > 0) {
    throw new FirmError(
      'draft.documents-missing',
      `The server does not have ${missing.length} of the draft's documents yet (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): send them first (PUT /api/documents/<sha256>).`,
    );
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const saved = await (change.baseVersion === null
      ? client.query<DraftRow & { content: SharedDraftContent }>(
          `INSERT INTO shared_drafts AS draft
                  (id, case_number, case_key, version, content, created_by, updated_by)
           VALUES ($1, $2, $3, 1, $4, $5, $5) ON CONFLICT (id) DO NOTHING
           RETURNING ${summaryColumns}, draft.content`,
          [id, caseNumber, caseNumberKey(caseNumber), content, user.name],
        )
      : client.query<DraftRow & { content: SharedDraftContent }>(
          `UPDATE shared_drafts AS draft
              SET content = $5, version = draft.version + 1, case_number = $6, case_key = $7, updated_by = $8,
                  updated_at = now()
            WHERE draft.id = $3 AND draft.version = $4 AND ${visibleDraft}
            RETURNING ${summaryColumns}, draft.content`,
          [
            caseKeysOf(user),
            user.seesEveryCase,
            id,
            change.baseVersion,
            content,
            caseNumber,
            caseNumberKey(caseNumber),
            user.name,
          ],
        ));
    const row = saved.rows[0];
    if (!row) {
      await client.query('ROLLBACK');
      throw await whyNotSaved(pool, user, id, change.baseVersion);
    }
    await client.query('DELETE FROM shared_draft_documents WHERE draft_id = $1', [id]);
    await client.query(
      `INSERT INTO shared_draft_documents (draft_id, pdf_sha256) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [id, content.documents.map((document) => document.sha256)],
    );
    await client.query('COMMIT');
    return toDraft(row);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Whether the PDF is a document of a shared draft the user may see. */
export async function canReadDraftDocument(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  sha256: string,
): Promise<boolean> {
  const { rows } = await pool.query(
    `SELECT 1 FROM shared_draft_documents AS shared JOIN shared_drafts AS draft ON draft.id = shared.draft_id
      WHERE shared.pdf_sha256 = $3 AND ${visibleDraft}
      LIMIT 1`,
    [caseKeysOf(user), user.seesEveryCase, sha256],
  );
  return rows.length > 0;
}

/** Why a change was not kept: the draft is shared already, not there (or not the user's to see), or changed meanwhile. */
async function whyNotSaved(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  id: string,
  baseVersion: number | null,
): Promise<FirmError> {
  const current = await readSharedDraft(pool, user, id).catch((error: unknown) => {
    if (error instanceof FirmError && error.code === 'draft.not-found') {
      return null;
    }
    throw error;
  });
  if (current === null) {
    return baseVersion === null
      ? new FirmError('draft.exists', 'A draft with this id is shared already, on a case you are not on.')
      : noSuchDraft();
  }
  if (baseVersion === null) {
    return new FirmError(
      'draft.exists',
      `This draft is shared already (version ${current.version}); open it from the server to change it.`,
    );
  }
  return new FirmError(
    'draft.conflict',
    `${current.updatedBy} changed this draft at ${current.updatedAt} (version ${current.version}) after the version ` +
      `yours was made from (${baseVersion}); your change was not kept. Open their version, then make your change again.`,
  );
}

function noSuchDraft(): FirmError {
  return new FirmError('draft.not-found', 'There is no such shared draft on your cases.');
}
