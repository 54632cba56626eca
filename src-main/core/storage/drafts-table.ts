import type Database from 'better-sqlite3';
import type { Draft, OutboxState, OutboxStatus } from '../../shared/filing';
import type { CommitPoint } from '../court/filing-driver';

/** What the outbox remembers about a submission beyond what the screen shows (never sent to the renderer). */
export interface SubmissionRecord {
  /** The commit point of the last submit sent: the court's transaction, the exact docket text, the docket's high-water mark. */
  readonly commitPoint: CommitPoint | null;
  /** The court's NEF receipt page, kept with the filing. */
  readonly receiptHtml?: string | null;
  /** The page a filing stopped at, before the commit, with passwords, tokens, cookies and case data removed. */
  readonly stoppedPageHtml?: string | null;
}

type DraftFields = Omit<Draft, 'id' | 'outbox' | 'createdAt' | 'updatedAt'>;

interface Row {
  id: string;
  data: string;
  outbox: string | null;
  submission: string | null;
  created_at: string;
  updated_at: string;
}

/** Fields added after drafts were first saved, as an older row reads without them. */
const laterFields: Pick<DraftFields, 'signature' | 'due' | 'newAction'> = {
  signature: null,
  due: null,
  newAction: null,
};

/** Outbox fields added later, as a status saved before them reads. */
const laterOutboxFields: Pick<
  OutboxStatus,
  | 'courtCopies'
  | 'isHeldAsLate'
  | 'lateSendConfirmedOn'
  | 'stoppedAt'
  | 'courtDocketText'
  | 'confirmedDocketText'
  | 'courtScreens'
> = {
  courtCopies: [],
  isHeldAsLate: false,
  lateSendConfirmedOn: null,
  stoppedAt: null,
  courtDocketText: null,
  confirmedDocketText: null,
  courtScreens: null,
};

function toDraft(row: Row): Draft {
  return {
    ...laterFields,
    ...(JSON.parse(row.data) as DraftFields),
    id: row.id,
    outbox: row.outbox === null ? null : { ...laterOutboxFields, ...(JSON.parse(row.outbox) as OutboxStatus) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The `drafts` table (migration 0005): one row a draft, its outbox state beside it. */
export function createDraftsTable(db: Database.Database) {
  return {
    list(): Draft[] {
      return (
        db
          .prepare('SELECT * FROM drafts ORDER BY package_id IS NULL, package_id, package_step, created_at')
          .all() as Row[]
      ).map(toDraft);
    },
    find(id: string): Draft | null {
      const row = db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as Row | undefined;
      return row ? toDraft(row) : null;
    },
    inPackage(packageId: string): Draft[] {
      return (
        db.prepare('SELECT * FROM drafts WHERE package_id = ? ORDER BY package_step').all(packageId) as Row[]
      ).map(toDraft);
    },
    withOutboxState(...states: OutboxState[]): Draft[] {
      return (
        db
          .prepare(
            `SELECT * FROM drafts WHERE outbox_state IN (${states.map(() => '?').join(', ')}) ORDER BY updated_at`,
          )
          .all(...states) as Row[]
      ).map(toDraft);
    },
    /** Writes the whole draft in one statement: a crash leaves either the old version or the new one. */
    put(draft: Draft): void {
      const { id, outbox, createdAt, updatedAt, ...fields } = draft;
      db.prepare(
        `INSERT INTO drafts (id, data, package_id, package_step, outbox_state, outbox, created_at, updated_at)
         VALUES (@id, @data, @packageId, @packageStep, @outboxState, @outbox, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, package_id = excluded.package_id, package_step = excluded.package_step,
           outbox_state = excluded.outbox_state, outbox = excluded.outbox, updated_at = excluded.updated_at`,
      ).run({
        id,
        data: JSON.stringify(fields),
        packageId: fields.package?.id ?? null,
        packageStep: fields.package?.step ?? null,
        outboxState: outbox?.state ?? null,
        outbox: outbox === null ? null : JSON.stringify(outbox),
        createdAt,
        updatedAt,
      });
    },
    submission(id: string): SubmissionRecord {
      const row = db.prepare('SELECT submission FROM drafts WHERE id = ?').get(id) as
        { submission: string | null } | undefined;
      return row?.submission ? (JSON.parse(row.submission) as SubmissionRecord) : { commitPoint: null };
    },
    /** Records the commit point durably before the final submit is sent (synchronous FULL: it survives a power cut). */
    saveSubmission(id: string, record: SubmissionRecord): void {
      db.prepare('UPDATE drafts SET submission = ? WHERE id = ?').run(JSON.stringify(record), id);
    },
    remove(id: string): void {
      db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
    },
  };
}

/** The drafts table. */
export type DraftsTable = ReturnType<typeof createDraftsTable>;
