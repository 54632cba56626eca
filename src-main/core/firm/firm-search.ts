import type pg from 'pg';
import type { FirmEntry } from '../../shared/firm-server';
import { partyNames } from '../inbox/nef/docket-fields';
import type { NoticeDocket, NoticeRecipient } from '../inbox/nef/notice-types';
import { caseKeysOf, entryColumns, toFirmEntries, visibleToUser, type EntryRow } from './firm-entries';
import { FirmError } from './firm-error';
import type { FirmUser } from './firm-users';

/** The longest search the server takes, in characters. */
export const maxSearchLength = 200;
/** The most entries one search answers. */
export const maxSearchResults = 100;
/** The most characters of an entry's text that are indexed (a docket text may run to 100,000). */
export const maxSearchTextLength = 20_000;

/**
 * The words the firm server finds an entry by (docs/firm-server.md#search), one field a line: the same fields as the
 * desktop's inbox search (case number, case name, docket text, short description, the filer and the recipients).
 * Migration 0004 builds the same text from stored notices.
 */
export function entrySearchText(
  docket: Pick<NoticeDocket, 'caseNumber' | 'caseName' | 'docketText' | 'shortDescription' | 'filer'>,
  recipients: readonly Pick<NoticeRecipient, 'name'>[],
): string {
  return [
    caseNumberWords(docket.caseNumber),
    docket.caseName,
    docket.docketText,
    docket.shortDescription,
    partyNames(docket.filer, recipients),
  ]
    .filter((field) => field !== null && field !== '')
    .join('\n')
    .slice(0, maxSearchTextLength);
}

/**
 * The case number as people type it: as printed (`1:26-cv-00456-GWC`), in the CIT's short form (`26-00456`), and in
 * words (`1 26 cv 00456 GWC`), since PostgreSQL's parser reads `-00456` in the printed form as a signed number that a
 * search for `00456` would not find.
 */
function caseNumberWords(caseNumber: string): string {
  const short = /^\d{1,2}:(\d{2})-[a-z]{1,4}-(\d{3,6})/i.exec(caseNumber);
  return [caseNumber, short ? `${short[1]}-${short[2]}` : '', caseNumber.replace(/[^\p{L}\p{N}]+/gu, ' ')].join(' ');
}

/**
 * The entries the user may see whose words match `query` (web-search syntax: words, "a phrase", `or`, `-word`; English
 * stems, so `motions` finds `motion`), newest stored first, at most `limit` (≤ 100). The same rule as the list of
 * changes decides who finds what: a user never finds an entry of a case they may not see, nor a restricted one outside
 * its team. A query longer than 200 characters is refused (`search.invalid`).
 */
export async function searchEntries(
  pool: pg.Pool,
  user: Pick<FirmUser, 'cases' | 'seesEveryCase'>,
  query: string,
  limit = 50,
): Promise<FirmEntry[]> {
  if (query.length > maxSearchLength) {
    throw new FirmError('search.invalid', `A search may be up to ${maxSearchLength} characters long.`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > maxSearchResults) {
    throw new FirmError('search.invalid', `A search answers from 1 to ${maxSearchResults} entries.`);
  }
  // PostgreSQL's text cannot hold NUL: it separates words like any other control character.
  const words = query.replace(/\p{Cc}/gu, ' ').trim();
  if (words === '') {
    return [];
  }
  const { rows } = await pool.query<EntryRow>(
    `SELECT ${entryColumns}
      WHERE entry.search @@ websearch_to_tsquery('english', $3) AND ${visibleToUser}
      ORDER BY entry.id DESC
      LIMIT $4`,
    [caseKeysOf(user), user.seesEveryCase, words, limit],
  );
  return toFirmEntries(rows);
}
