import type pg from 'pg';
import { findDocketEvent } from '../../shared/cit-event-catalog';
import type { FirmDocket, FirmDocketItem, FirmDocketQuery } from '../../shared/firm-server';
import { caseNumberKey } from '../inbox/store/entry-key';
import { firmDeadlines } from './firm-calendar';
import { caseKeysOf, entryHeadColumns, toFirmEntries, visibleToUser, type EntryRow } from './firm-entries';
import type { FirmUser } from './firm-users';
import { visibleDraft } from './shared-drafts';

/** The most notices, deadlines and filings one answer holds, each: the newest first. */
export const maxDocketLines = 2_000;

/** The most attorneys the filter lists. */
const maxAttorneys = 10_000;

/**
 * The cases the filter keeps, as case keys; null when it keeps every case the user may see. An attorney's cases are
 * those whose team they are on.
 */
async function filteredCases(pool: pg.Pool, query: FirmDocketQuery): Promise<string[] | null> {
  let keys: string[] | null = query.caseNumber === undefined ? null : [caseNumberKey(query.caseNumber)];
  if (query.attorney !== undefined) {
    const { rows } = await pool.query<{ case_number: string }>(
      `SELECT members.case_number FROM case_team_members AS members JOIN users ON users.id = members.user_id
        WHERE users.name = $1`,
      [query.attorney],
    );
    const theirs = new Set(rows.map((row) => caseNumberKey(row.case_number)));
    keys = (keys ?? [...theirs]).filter((key) => theirs.has(key));
  }
  return keys;
}

/** Whether a date is within the filter's dates. */
function isWithin(date: string, query: FirmDocketQuery): boolean {
  return (query.from === undefined || date >= query.from) && (query.to === undefined || date <= query.to);
}

/**
 * The firm docket (docs/firm-server.md#the-firm-docket): one list of the notices, the deadlines they set and the shared
 * drafts with their outbox states, of the cases the user may see (restricted entries only to the case team), filtered
 * by case, attorney and dates. Dates are the server's calendar days.
 */
export async function firmDocket(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  query: FirmDocketQuery,
): Promise<FirmDocket> {
  const scope = await filteredCases(pool, query);
  const params = [
    caseKeysOf(user),
    user.seesEveryCase,
    scope,
    query.from ?? null,
    query.to ?? null,
    maxDocketLines + 1,
  ];
  const inScope = (column: string): string => `($3::text[] IS NULL OR ${column} = ANY($3::text[]))`;
  const withinDates = (column: string): string =>
    `($4::date IS NULL OR ${column} >= $4::date) AND ($5::date IS NULL OR ${column} < $5::date + 1)`;

  const notices = await pool.query<EntryRow>(
    `SELECT ${entryHeadColumns}
      WHERE ${visibleToUser} AND ${inScope('entry.case_key')} AND ${withinDates('notice.received_at')}
      ORDER BY entry.id DESC
      LIMIT $6`,
    params,
  );
  const filings = await pool.query<{
    case_number: string;
    updated_by: string;
    updated_at: Date;
    state: string | null;
    event_id: string | null;
    signed_by: string | null;
    docket_text: string | null;
  }>(
    `SELECT draft.case_number, draft.updated_by, draft.updated_at,
            draft.content->'draft'->'outbox'->>'state' AS state, draft.content->'draft'->>'eventId' AS event_id,
            draft.content->'draft'->'signature'->>'name' AS signed_by,
            coalesce(draft.content->'draft'->'outbox'->>'docketText', draft.content->'draft'->>'docketAnnotation') AS docket_text
       FROM shared_drafts AS draft
      WHERE ${visibleDraft} AND ${inScope('draft.case_key')} AND ${withinDates('draft.updated_at')}
      ORDER BY draft.updated_at DESC
      LIMIT $6`,
    params,
  );
  const deadlines = (await firmDeadlines(pool, user, scope))
    .filter((event) => isWithin(event.date, query))
    .sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));

  const items: FirmDocketItem[] = [
    ...toFirmEntries(notices.rows.slice(0, maxDocketLines)).map((entry): FirmDocketItem => ({
      kind: 'notice',
      date: entry.receivedAt.slice(0, 10),
      caseNumber: entry.caseNumber,
      title: entry.shortDescription ?? entry.subject,
      detail: entry.docketText,
      state: null,
      by: entry.filer,
    })),
    ...deadlines.slice(0, maxDocketLines).map((event): FirmDocketItem => ({
      kind: 'deadline',
      date: event.date,
      caseNumber: event.caseNumber,
      title: event.label,
      detail: event.docketText,
      state: null,
      by: null,
    })),
    ...filings.rows.slice(0, maxDocketLines).map((row): FirmDocketItem => ({
      kind: 'filing',
      date: row.updated_at.toISOString().slice(0, 10),
      caseNumber: row.case_number,
      title: (row.event_id === null ? undefined : findDocketEvent(row.event_id)?.name) ?? 'Event not chosen yet',
      detail: row.docket_text === '' ? null : row.docket_text,
      state: (row.state as FirmDocketItem['state']) ?? 'draft',
      by: row.signed_by ?? row.updated_by,
    })),
  ].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));

  const team = await pool.query<{ name: string; case_number: string }>(
    `SELECT users.name, members.case_number FROM case_team_members AS members JOIN users ON users.id = members.user_id
      WHERE users.role = 'attorney' ORDER BY users.name LIMIT 100000`,
  );
  const mine = new Set(caseKeysOf(user));
  const attorneys = [
    ...new Set(
      team.rows.filter((row) => user.seesEveryCase || mine.has(caseNumberKey(row.case_number))).map((row) => row.name),
    ),
  ].slice(0, maxAttorneys);
  return {
    items,
    attorneys,
    isCut:
      notices.rows.length > maxDocketLines || filings.rows.length > maxDocketLines || deadlines.length > maxDocketLines,
  };
}
