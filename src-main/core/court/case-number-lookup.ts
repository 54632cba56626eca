import type { CourtCase } from '../../shared/filing';
import { readAttribute, tokenizeHtml } from '../html/tokenize-html';

/**
 * What CM/ECF's case-number widget hears back from `possible_case_numbers.pl` (docs/court-pages.md#case-number-lookup):
 * the cases that match, that none does, that the case is sealed, or that the session has ended.
 */
export type CaseNumberLookup =
  | { readonly kind: 'cases'; readonly cases: readonly CourtCase[] }
  | { readonly kind: 'no-case'; readonly message: string }
  | { readonly kind: 'sealed'; readonly message: string }
  | { readonly kind: 'not-logged-in' }
  /** Not a lookup reply at all (a page, or nothing ECF Desk knows). */
  | { readonly kind: 'unknown' };

/** More matches than any number typed into the widget finds; the rest are not read. */
const maxCases = 500;
/** Longer than any real case title (number, judges, caption, "(closed …)"): longer ones are cut. */
const maxTitleLength = 1_000;

/** The widget's reply when the session has ended, word for word (two spaces after the full stop). */
export const notLoggedInReply = 'Not logged in.  Please refresh this page.';

/** A case number as CM/ECF writes it at the start of a title: office, year, type, number, then judges' initials. */
const titleCaseNumber = /^\d{1,2}:\d{2}-[a-z]{1,4}-\d{1,6}(?:-[A-Z]{1,5})*$/i;
/** The "(closed 06/09/2017)" a closed case's title ends with. */
const closedSuffix = /\s*\(closed \d{2}\/\d{2}\/\d{4}\)$/;

/**
 * A case from one `<case number id title>` row. The title starts with the full number (padded, with the judges'
 * initials, as dockets print it) and goes on with the caption; the `number` attribute is the short form typed.
 */
function caseOf(number: string, id: string, title: string): CourtCase | null {
  const caseId = Number(id);
  if (!/^\d{1,12}$/.test(id) || !Number.isSafeInteger(caseId)) {
    return null;
  }
  const text = title.slice(0, maxTitleLength).trim();
  const space = text.indexOf(' ');
  const first = space < 0 ? text : text.slice(0, space);
  const isNumbered = titleCaseNumber.test(first);
  const caseNumber = (isNumbered ? first : number).trim();
  const caption = (isNumbered ? text.slice(first.length) : text).replace(closedSuffix, '').trim();
  return caseNumber === '' ? null : { caseId, caseNumber: caseNumber.slice(0, 100), caption: caption.slice(0, 500) };
}

/**
 * Reads a reply of `possible_case_numbers.pl`. The reply is the court's, so it is hostile input: it is read by the
 * same linear tokenizer as every court page, and only the first `maxCases` matches are kept.
 */
export function readCaseNumberLookup(reply: string): CaseNumberLookup {
  const text = reply.trim();
  if (text.startsWith('Not logged in.')) {
    return { kind: 'not-logged-in' };
  }
  // A reply is one small XML element; a page (the login page a court may send instead) is not read through here.
  if (!text.startsWith('<request') && !text.startsWith('<?xml')) {
    return { kind: 'unknown' };
  }
  const cases: CourtCase[] = [];
  let isRequest = false;
  for (const token of tokenizeHtml(text)) {
    if (token.kind !== 'start-tag') {
      continue;
    }
    if (token.name === 'request') {
      isRequest = true;
    } else if (isRequest && token.name === 'message') {
      const message = (readAttribute(token, 'text') ?? '').trim().slice(0, 500);
      return /under seal/i.test(message) ? { kind: 'sealed', message } : { kind: 'no-case', message };
    } else if (isRequest && token.name === 'case' && cases.length < maxCases) {
      const found = caseOf(
        readAttribute(token, 'number') ?? '',
        readAttribute(token, 'id') ?? '',
        readAttribute(token, 'title') ?? '',
      );
      if (found) {
        cases.push(found);
      }
    }
  }
  return isRequest ? { kind: 'cases', cases } : { kind: 'unknown' };
}
