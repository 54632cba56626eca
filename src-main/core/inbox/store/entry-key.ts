import { createHash } from 'node:crypto';
import type { NoticeDocket } from '../nef/notice-types';

/**
 * The key that finds a docket entry again when the court sends it twice (docs/court-rules.md#re-sent-notices): court,
 * case id and de_seq_num; without a de_seq_num (NDAs, ACMS, entries without a document), the case number without judge
 * initials, the document number and the doc id with its 4th digit normalised (docs/court-rules.md#document-ids). A
 * text-only entry has neither, so its filing date and docket text stand in.
 */
export function entryKey(
  court: string | null,
  docket: Pick<
    NoticeDocket,
    'caseId' | 'caseNumber' | 'deSeqNum' | 'documentNumber' | 'docId' | 'dateFiled' | 'docketText'
  >,
): string {
  if (docket.deSeqNum !== null) {
    return entryKeyOf(court, docket.caseId ?? caseNumberKey(docket.caseNumber), docket.deSeqNum);
  }
  const documentNumber = docket.documentNumber?.replace(/^0+(?=\d)/, '') ?? '';
  const docId = docket.docId === null ? '' : normaliseDocId(docket.docId);
  const base = `${court ?? '?'}|number:${caseNumberKey(docket.caseNumber)}|document:${documentNumber}|doc-id:${docId}`;
  if (documentNumber || docId) {
    return base;
  }
  const text = (docket.docketText ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  return `${base}|filed:${docket.dateFiled ?? ''}|text:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

/** The key of the entry with this case id and de_seq_num. */
export function entryKeyOf(court: string | null, caseId: string, deSeqNum: string): string {
  return `${court ?? '?'}|case:${caseId}|seq:${deSeqNum}`;
}

/**
 * A doc1 id with its 4th digit forced to 0: courts print it as 0 or 1 for the same document
 * (docs/court-rules.md#document-ids).
 */
export function normaliseDocId(docId: string): string {
  return /^\d{4,}$/.test(docId) ? `${docId.slice(0, 3)}0${docId.slice(4)}` : docId;
}

/**
 * `1:20-cv-08924-CM` and `1:20-cv-08924-LAK` are one case: judge initials change on reassignment, and people write the
 * number without them. (The firm database computes the same key in SQL: migration 0003 of the firm server.)
 */
export function caseNumberKey(caseNumber: string): string {
  const lower = caseNumber.trim().toLowerCase();
  return /^\d{1,2}:\d{2}-[a-z]{1,4}-\d{3,6}/.exec(lower)?.[0] ?? /^\d{2}-\d{4,6}/.exec(lower)?.[0] ?? lower;
}
