import type Database from 'better-sqlite3';
import type { InboxItem, InboxQuery } from '../../../shared/inbox';
import { toItem } from './inbox-rows';
import { countPlan, matchingSeqs, pagePlan, rowsInOrder, searchPlan, wordsMatch } from './search-plan';

/** A page of the inbox and how many items match in all. */
export interface InboxPage {
  readonly items: InboxItem[];
  readonly total: number;
}

const defaultLimit = 100;

/**
 * The items matching a query, newest filing first (then newest received): words through the FTS5 index over case
 * number, caption, docket text, short description and party names, each word a prefix. Words, court, read and
 * deadline filters, with or without filing dates, are answered by the full-text index in the list's order
 * (search-plan.ts). The rest reads the items table: no filter or dates alone walk the filing-date index newest first
 * and stop at the page's end; a case-number filter finds the case's items by its index and sorts them there.
 */
export function listItems(db: Database.Database, query: InboxQuery): InboxPage {
  const limit = query.limit ?? defaultLimit;
  const offset = query.offset ?? 0;
  const plan = searchPlan(query);
  if (plan !== null) {
    return { items: pagePlan(db, plan, limit, offset).map(toItem), total: countPlan(db, plan) };
  }

  const isCase = query.caseNumber !== undefined;
  // In a case-number search, unary plus keeps every other filter off its index: the case's own index finds the items.
  const other = isCase ? '+' : '';
  const conditions: string[] = [];
  const parameters: Record<string, string | number> = {};
  const match = query.text === undefined ? null : wordsMatch(query.text);
  if (match !== null) {
    conditions.push(`${other}seq IN (${matchingSeqs})`);
    parameters.match = match;
  }
  if (query.court !== undefined) {
    conditions.push(`${other}court = @court`);
    parameters.court = query.court.trim().toLowerCase();
  }
  if (query.caseNumber !== undefined) {
    // A case number without its judge initials finds the case under every judge it had; LIKE uses the NOCASE index.
    conditions.push("case_number LIKE @caseNumber ESCAPE '\\'");
    parameters.caseNumber = `${query.caseNumber.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  }
  if (query.filedFrom !== undefined) {
    conditions.push(`${other}date_filed >= @filedFrom`);
    parameters.filedFrom = query.filedFrom;
  }
  if (query.filedTo !== undefined) {
    conditions.push(`${other}date_filed <= @filedTo`);
    parameters.filedTo = query.filedTo;
  }
  if (query.hasDeadline !== undefined) {
    conditions.push(query.hasDeadline ? `${other}deadline_count > 0` : `${other}deadline_count = 0`);
  }
  if (query.isUnread !== undefined) {
    conditions.push(query.isUnread ? `${other}is_read = 0` : `${other}is_read = 1`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS total FROM inbox_items ${where}`).get(parameters) as { total: number })
    .total;
  // Seqs first, in order, from the index alone (the case-number and filing-date indexes hold the order columns); then
  // only the page's rows are read whole.
  const order = isCase
    ? `${where} ORDER BY +date_filed DESC, +received_at DESC, +seq DESC`
    : `INDEXED BY inbox_items_date_filed ${where} ORDER BY date_filed DESC, received_at DESC, seq DESC`;
  const seqs = db
    .prepare(`SELECT seq FROM inbox_items ${order} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...parameters, limit, offset }) as number[];
  return { items: rowsInOrder(db, seqs).map(toItem), total };
}
