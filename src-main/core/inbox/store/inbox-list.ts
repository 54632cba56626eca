import type Database from 'better-sqlite3';
import type { InboxItem, InboxQuery } from '../../../shared/inbox';
import { itemColumns, toItem, type ItemRow } from './inbox-rows';
import { toSearchQuery } from './search-text';

/** A page of the inbox and how many items match in all. */
export interface InboxPage {
  readonly items: InboxItem[];
  readonly total: number;
}

const defaultLimit = 100;

/**
 * When at least this share of the inbox matches, walking the date index newest first and stopping at the page's end
 * beats sorting every match; below it, the filter's own index finds the matches and they are sorted (measured by
 * `npm run bench:inbox`: "motion" over 130,000 items took 60 ms sorted, 12 ms walked).
 */
const walkShare = 0.1;
const newestFirst = 'ORDER BY date_filed DESC, received_at DESC, seq DESC';
// Unary plus keeps SQLite from walking the date index for a small result it can find and sort faster.
const newestFirstSorted = 'ORDER BY +date_filed DESC, +received_at DESC, +seq DESC';

/** Whether to walk the date index: the highest row number stands in for the item count, at no cost. */
function isWalkFaster(db: Database.Database, total: number): boolean {
  const { highest } = db.prepare('SELECT max(seq) AS highest FROM inbox_items').get() as { highest: number | null };
  return total > 100 && total >= (highest ?? 0) * walkShare;
}

/** How many items match; words alone are counted in the full-text index, without reading the items. */
function countMatches(
  db: Database.Database,
  where: string,
  parameters: Record<string, string | number>,
  isTextOnly: boolean,
): number {
  const sql = isTextOnly
    ? 'SELECT COUNT(*) AS total FROM inbox_search WHERE inbox_search MATCH @match'
    : `SELECT COUNT(*) AS total FROM inbox_items ${where}`;
  return (db.prepare(sql).get(parameters) as { total: number }).total;
}

/**
 * The items matching a query, newest filing first (then newest received): words through the FTS5 index over case
 * number, caption, docket text, short description and party names, each word a prefix; the filters in plain SQL.
 */
export function listItems(db: Database.Database, query: InboxQuery): InboxPage {
  const conditions: string[] = [];
  const parameters: Record<string, string | number> = {};
  const match = query.text === undefined ? null : toSearchQuery(query.text);
  if (match !== null) {
    conditions.push('seq IN (SELECT rowid FROM inbox_search WHERE inbox_search MATCH @match)');
    parameters.match = match;
  }
  if (query.court !== undefined) {
    conditions.push('court = @court');
    parameters.court = query.court.trim().toLowerCase();
  }
  if (query.caseNumber !== undefined) {
    // A case number without its judge initials finds the case under every judge it had; LIKE uses the NOCASE index.
    conditions.push("case_number LIKE @caseNumber ESCAPE '\\'");
    parameters.caseNumber = `${query.caseNumber.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  }
  if (query.filedFrom !== undefined) {
    conditions.push('date_filed >= @filedFrom');
    parameters.filedFrom = query.filedFrom;
  }
  if (query.filedTo !== undefined) {
    conditions.push('date_filed <= @filedTo');
    parameters.filedTo = query.filedTo;
  }
  if (query.hasDeadline !== undefined) conditions.push(query.hasDeadline ? 'deadline_count > 0' : 'deadline_count = 0');
  if (query.isUnread !== undefined) conditions.push(query.isUnread ? 'is_read = 0' : 'is_read = 1');
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const total = countMatches(db, where, parameters, match !== null && conditions.length === 1);
  const order = isWalkFaster(db, total)
    ? `INDEXED BY inbox_items_date_filed ${where} ${newestFirst}`
    : `${where} ${newestFirstSorted}`;
  const rows = db
    .prepare(`SELECT ${itemColumns} FROM inbox_items ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...parameters, limit: query.limit ?? defaultLimit, offset: query.offset ?? 0 }) as ItemRow[];
  return { items: rows.map(toItem), total };
}
