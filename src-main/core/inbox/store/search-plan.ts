import type Database from 'better-sqlite3';
import type { InboxQuery } from '../../../shared/inbox';
import { itemColumns, type ItemRow } from './inbox-rows';
import { toSearchQuery } from './search-text';

/**
 * The inbox searched through its full-text index alone (migration 0007): words, court, read or unread, deadline and
 * filing dates are all answered by `inbox_search`, whose rowid is the item's `search_key` (filing day × 2^31 + seq).
 * Walking it by rowid, newest first, gives the list's order up to the order within one filing day, so a page costs
 * the matches up to the page's end plus the rest of that last day, never a sort of every match, and never a guess
 * at how many items will match.
 */

/** search_key = filed_day × dayStride + seq (migration 0007). */
const dayStride = 2 ** 31;
/** Above every search_key: filed_day stays below 2^22. */
const highestKey = 2 ** 53 - 1;

/** The columns words are looked for in: never the facets, which are tokens of the filters. */
const textColumns = '{case_number case_name docket_text short_description party_names}';

/** What the index is asked: an FTS5 query, and the rowid range the filing dates allow. */
export interface SearchPlan {
  readonly match: string;
  readonly lowKey: number;
  readonly highKey: number;
}

/**
 * The day number migration 0007 gives a YYYY-MM-DD filing date, in the same order as the text; null for any other
 * text. Filing dates are stored in that form only (the notice parser writes them so, or none), so a filter in that
 * form selects exactly what `date_filed >= filter` would.
 */
export function filedDay(date: string): number | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts) {
    return null;
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return null;
  }
  return (year * 12 + month - 1) * 31 + day;
}

/**
 * The index query for an inbox query, or null when the index does not serve it: a case-number filter (a prefix of
 * the text, not a word), a filing date not in YYYY-MM-DD form, or no words and no court, read or deadline filter
 * (the filing-date index serves those in order by itself).
 */
export function searchPlan(query: InboxQuery): SearchPlan | null {
  if (query.caseNumber !== undefined) {
    return null;
  }
  const from = query.filedFrom === undefined ? undefined : filedDay(query.filedFrom);
  const to = query.filedTo === undefined ? undefined : filedDay(query.filedTo);
  if (from === null || to === null) {
    return null;
  }
  const terms: string[] = [];
  const words = query.text === undefined ? null : toSearchQuery(query.text);
  if (words !== null) {
    terms.push(`${textColumns} : (${words})`);
  }
  if (query.court !== undefined) {
    terms.push(`facets : "k${Buffer.from(query.court.trim().toLowerCase(), 'utf8').toString('hex')}"`);
  }
  if (query.isUnread !== undefined) {
    terms.push(`facets : "${query.isUnread ? 'isunread' : 'isread'}"`);
  }
  if (query.hasDeadline !== undefined) {
    terms.push(`facets : "${query.hasDeadline ? 'hasdeadline' : 'nodeadline'}"`);
  }
  if (terms.length === 0) {
    return null;
  }
  // An item without a filing date has day 0: any date filter leaves it out, as `date_filed >= …` does for NULL.
  const isDated = from !== undefined || to !== undefined;
  return {
    match: terms.join(' AND '),
    lowKey: (from ?? (isDated ? 1 : 0)) * dayStride,
    highKey: to === undefined ? highestKey : (to + 1) * dayStride - 1,
  };
}

/** How many items the plan matches: counted in the index, no item read. */
export function countPlan(db: Database.Database, plan: SearchPlan): number {
  const sql =
    'SELECT count(*) FROM inbox_search WHERE inbox_search MATCH @match AND rowid BETWEEN @lowKey AND @highKey';
  return db.prepare(sql).pluck().get(plan) as number;
}

/**
 * One page of the plan's items, newest filing first, then newest received. The index is walked newest day first and
 * left once the page's last item and the rest of that item's filing day are read; those items are then sorted
 * exactly, so the order within a day (received time, then seq) is the list's own. The walk reads the index once.
 */
export function pagePlan(db: Database.Database, plan: SearchPlan, limit: number, offset: number): ItemRow[] {
  const keys = db
    .prepare(
      `SELECT rowid FROM inbox_search WHERE inbox_search MATCH @match AND rowid BETWEEN @lowKey AND @highKey
       ORDER BY rowid DESC`,
    )
    .pluck();
  const seqs: number[] = [];
  let lastDay = -1;
  for (const key of keys.iterate(plan) as IterableIterator<number>) {
    const day = Math.floor(key / dayStride);
    if (seqs.length >= offset + limit && day !== lastDay) {
      break;
    }
    seqs.push(key % dayStride);
    lastDay = day;
  }
  // Sorted on the three order columns first, so only the page's own rows are read whole.
  const page = db
    .prepare(
      `SELECT seq FROM inbox_items WHERE seq IN (SELECT value FROM json_each(@seqs))
       ORDER BY +date_filed DESC, +received_at DESC, +seq DESC LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ seqs: JSON.stringify(seqs), limit, offset }) as number[];
  return rowsInOrder(db, page);
}

/** The items with these seqs, whole, in the order given. */
export function rowsInOrder(db: Database.Database, seqs: readonly number[]): ItemRow[] {
  const rows = db
    .prepare(`SELECT ${itemColumns} FROM inbox_items WHERE seq IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(seqs)) as ItemRow[];
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
}

/** The FTS5 query for words alone, for a search the index does not serve by itself (see `searchPlan`). */
export function wordsMatch(text: string): string | null {
  const words = toSearchQuery(text);
  return words === null ? null : `${textColumns} : (${words})`;
}

/** Item seqs whose words match, as SQL over `inbox_search` for `seq IN (…)`, with the match bound as @match. */
export const matchingSeqs = `SELECT rowid % ${dayStride} FROM inbox_search WHERE inbox_search MATCH @match`;
