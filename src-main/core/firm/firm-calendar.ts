import { createHash } from 'node:crypto';
import type pg from 'pg';
import { collectDeadlineEvents, type DeadlineSource } from '../inbox/deadline-events';
import { findDeadlines } from '../inbox/deadlines';
import { deadlinesToIcs, type DeadlineEvent } from '../inbox/ics';
import { caseKeysOf, entryHeadColumns, toFirmEntries, visibleToUser, type EntryRow } from './firm-entries';
import type { FirmUser } from './firm-users';

/**
 * The most entries one calendar reads, newest first: more than a year of a large firm's entries that set a date. Older
 * ones drop out as new ones come; their dates are long past by then.
 */
const maxCalendarEntries = 5_000;

/**
 * The deadlines of the entries the user may see (restricted ones only for their case team), of the cases in `scope`
 * (case keys; null: all of them): the dates the court's docket texts set, and the response dates the rules set for
 * motions (USCIT Rule 7(d), computed under Rule 6(a)).
 */
export async function firmDeadlines(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  scope: readonly string[] | null = null,
): Promise<DeadlineEvent[]> {
  // Only entries whose words could set a date are read in full (by the search index, migration 0004); the docket
  // text decides.
  const { rows } = await pool.query<EntryRow>(
    `SELECT ${entryHeadColumns}
      WHERE ${visibleToUser}
        AND ($4::text[] IS NULL OR entry.case_key = ANY($4::text[]))
        AND entry.search @@ to_tsquery('english', 'due | deadline | motion')
      ORDER BY entry.id DESC
      LIMIT $3`,
    [caseKeysOf(user), user.seesEveryCase, maxCalendarEntries, scope],
  );
  const sources: DeadlineSource[] = toFirmEntries(rows).map((entry) => ({
    id: `firm-${createHash('sha256').update(entry.entryKey).digest('hex').slice(0, 32)}`,
    caseNumber: entry.caseNumber,
    caseName: entry.caseName,
    docketText: entry.docketText,
    dateFiled: entry.dateFiled,
  }));
  const courtDeadlines = sources.flatMap((item) =>
    findDeadlines(item.docketText ?? '').map((deadline) => ({ item, deadline })),
  );
  return collectDeadlineEvents(courtDeadlines, sources);
}

/**
 * The user's calendar (docs/firm-server.md#the-firms-calendar): the deadlines of the entries they may see
 * (`firmDeadlines`), as the desktop's own export makes them, each an all-day event with a UID that stays the same, so
 * a calendar that subscribes updates its events instead of doubling them.
 */
export async function firmCalendar(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  now: Date,
): Promise<string> {
  return deadlinesToIcs(await firmDeadlines(pool, user), now);
}
