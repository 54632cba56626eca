import type pg from 'pg';
import type { FirmEntry, FirmEntryChanges } from '../../shared/firm-server';
import { freeLookState, type NoticeDocument } from '../../shared/inbox';
import { docketFields } from '../inbox/nef/docket-fields';
import type { NoticeDocket, ParsedNotice } from '../inbox/nef/notice-types';
import { caseNumberKey, entryKey } from '../inbox/store/entry-key';
import { entryDocuments } from '../inbox/store/notice-documents';
import type { FirmUser } from './firm-users';

/** The most entries one page of changes holds. */
export const maxEntriesPerPage = 200;

/** The channel a changed docket entry is announced on, with its case and whether it is restricted (migration 0003). */
export const entriesChannel = 'ecf_desk_entries';

/**
 * Words of a docket entry that keep it from everyone but the case's team: sealed or under seal, confidential (the
 * CIT's confidential business information), restricted. A public version that names its confidential one is kept to
 * the team too: too narrow a circle is mended by adding a person to the team, too wide a one cannot be undone.
 */
const restrictedWords = /\b(?:sealed|under\s+seal|confidential|restricted)\b/i;

/** Whether the entry is shown only to its case team (docs/firm-server.md#notices-on-desktops). */
export function isRestrictedDocket(docket: Pick<NoticeDocket, 'docketText' | 'shortDescription'>): boolean {
  return restrictedWords.test(docket.docketText ?? '') || restrictedWords.test(docket.shortDescription ?? '');
}

/** The first cursor: before every change. */
export const firstEntryCursor = '0.0';

/** A free look of an entry as the database keeps it, with the documents it brought. */
interface LookRow {
  readonly state: string;
  readonly stopped_as: string | null;
  readonly message: string | null;
  readonly documents: readonly {
    readonly number: string;
    readonly sha256: string | null;
    readonly pages: number | null;
    readonly state: string;
    readonly message: string | null;
  }[];
}

/** An entry's row as the queries of this file read it. */
export interface EntryRow {
  readonly id: string;
  readonly xid: string;
  readonly entry_key: string;
  readonly is_restricted: boolean;
  readonly received_at: Date;
  readonly parsed: ParsedNotice;
  readonly looks: readonly LookRow[];
}

/**
 * Who may see which entry, as SQL over `entry` (docket_entries) with the user's case keys as $1 and whether they see every
 * case as $2: the case team sees its cases; docketing staff see every case's entries except restricted ones.
 */
export const visibleToUser = '(entry.case_key = ANY($1::text[]) OR ($2::boolean AND NOT entry.is_restricted))';

/** The user's cases as entries are matched on them: without judge initials (`caseNumberKey`). */
export const caseKeysOf = (user: Pick<FirmUser, 'cases'>): string[] => user.cases.map(caseNumberKey);

/**
 * An entry and its first notice without its free looks, as SQL (`SELECT ${entryHeadColumns} WHERE …`), as `EntryRow`:
 * for lists that need the entry's words and dates, not its documents (the calendar, the firm docket).
 */
export const entryHeadColumns = `entry.id, entry.changed_xid::text AS xid, entry.entry_key, entry.is_restricted, notice.received_at,
            notice.parsed, '[]'::json AS looks
       FROM docket_entries AS entry JOIN notices AS notice ON notice.id = entry.first_notice_id`;

/**
 * What an entry is read with, as SQL (`SELECT ${entryColumns} WHERE …`): the entry, its first notice and its free looks
 * with their documents, as `EntryRow` (`toFirmEntries` makes the desktop's entries of them).
 */
export const entryColumns = `entry.id, entry.changed_xid::text AS xid, entry.entry_key, entry.is_restricted, notice.received_at,
            notice.parsed,
            coalesce((SELECT json_agg(json_build_object('state', look.state, 'stopped_as', look.stopped_as,
                        'message', look.message,
                        'documents', (SELECT coalesce(json_agg(json_build_object('number', document.number,
                                        'sha256', document.pdf_sha256, 'pages', document.pages,
                                        'state', document.state, 'message', document.message)), '[]')
                                        FROM free_look_documents AS document WHERE document.free_look_id = look.id))
                        ORDER BY look.id)
                        FROM free_looks AS look WHERE look.entry_id = entry.id), '[]') AS looks
       FROM docket_entries AS entry JOIN notices AS notice ON notice.id = entry.first_notice_id`;

/**
 * The entries the user may see that changed after `after`, oldest change first. Only changes of transactions older
 * than every one still running are listed, so one committed later can never fall behind a cursor already handed out.
 */
export async function listEntryChanges(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  after: string,
  limit = maxEntriesPerPage,
): Promise<FirmEntryChanges> {
  const [xid = '0', id = '0'] = after.split('.');
  const { rows } = await pool.query<EntryRow>(
    `SELECT ${entryColumns}
      WHERE ${visibleToUser}
        AND entry.changed_xid < pg_snapshot_xmin(pg_current_snapshot())
        AND (entry.changed_xid, entry.id) > ($3::xid8, $4::bigint)
      ORDER BY entry.changed_xid, entry.id
      LIMIT $5`,
    [caseKeysOf(user), user.seesEveryCase, xid, id, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: toFirmEntries(page),
    cursor: last ? `${last.xid}.${last.id}` : after,
    hasMore: rows.length > limit,
  };
}

/** Whether the user may read the stored PDF: it is a document of an entry they may see. */
export async function canReadFirmDocument(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  sha256: string,
): Promise<boolean> {
  const { rows } = await pool.query(
    `SELECT 1 FROM free_look_documents AS document
       JOIN free_looks AS look ON look.id = document.free_look_id
       JOIN docket_entries AS entry ON entry.id = look.entry_id
      WHERE document.pdf_sha256 = $3 AND ${visibleToUser}
      LIMIT 1`,
    [caseKeysOf(user), user.seesEveryCase, sha256],
  );
  return rows.length > 0;
}

/** The rows as a desktop shows them, leaving out any whose stored notice no longer holds its docket. */
export function toFirmEntries(rows: readonly EntryRow[]): FirmEntry[] {
  return rows.flatMap((row) => {
    const entry = toFirmEntry(row);
    return entry === null ? [] : [entry];
  });
}

/**
 * The entry as a desktop shows it: its docket from the first notice that announced it (only that docket: a notice
 * that covers several cases never shows one case's entry to the team of another), and its documents as the firm's
 * free looks left them. Null when the stored notice no longer holds the entry's docket.
 */
function toFirmEntry(row: EntryRow): FirmEntry | null {
  const notice = row.parsed;
  if (notice.kind === 'ignored') {
    return null;
  }
  const index = notice.dockets.findIndex((docket) => entryKey(notice.court, docket) === row.entry_key);
  const docket = notice.dockets[index];
  if (!docket) {
    return null;
  }
  return {
    entryKey: row.entry_key,
    court: notice.court,
    kind: notice.kind,
    subject: notice.subject,
    ...docketFields(docket),
    filer: docket.filer,
    recipients: notice.recipients.map((recipient) => ({ name: recipient.name, emails: [...recipient.emails] })),
    receivedAt: row.received_at.toISOString(),
    isRestricted: row.is_restricted,
    documents: documentsOf(entryDocuments(notice, index, null).documents, row.looks),
  };
}

const fetchingMessage = 'The firm server is fetching the free look.';

/**
 * The entry's documents with what the firm's free looks did: a document a look brought takes that look's outcome (saved
 * with its SHA-256, or the court's reason it was not free); one no look has answered for yet takes the state of the
 * entry's latest look.
 */
function documentsOf(documents: readonly NoticeDocument[], looks: readonly LookRow[]): NoticeDocument[] {
  const outcomes = new Map(looks.flatMap((look) => look.documents.map((document) => [document.number, document])));
  const latest = looks.at(-1);
  return documents.map((document): NoticeDocument => {
    const outcome = outcomes.get(document.number);
    if (outcome) {
      const state = outcome.sha256 !== null && outcome.state === 'saved' ? 'saved' : knownState(outcome.state);
      return {
        ...document,
        state,
        sha256: state === 'saved' ? outcome.sha256 : null,
        pages: outcome.pages,
        message: state === 'saved' ? null : outcome.message,
      };
    }
    if (document.state !== 'pending' || latest === undefined) {
      return document;
    }
    switch (latest.state) {
      case 'pending':
      case 'fetching':
        return { ...document, message: fetchingMessage };
      case 'stopped':
        return { ...document, state: knownState(latest.stopped_as ?? 'failed'), message: latest.message };
      case 'refused':
        return { ...document, state: 'unsafe-link', message: latest.message };
      default:
        // Failed or interrupted: the firm server does not try again by itself (a second request may not be free).
        return { ...document, state: 'failed', message: latest.message };
    }
  });
}

/** A state the desktop knows, or `failed` for anything else the database holds. */
function knownState(state: string): NoticeDocument['state'] {
  const known = freeLookState.safeParse(state);
  return known.success && known.data !== 'pending' ? known.data : 'failed';
}
