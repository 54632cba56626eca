import type { NoticeDocument } from '../../../shared/inbox';
import type { ParsedNotice } from '../nef/notice-types';
import { normaliseDocId } from './entry-key';

/** An entry's documents as the inbox shows them, and the free-look link of each (kept in the row, never shown). */
export interface EntryDocuments {
  readonly documents: NoticeDocument[];
  readonly urls: Record<string, string | null>;
}

const noFreeLookMessage =
  'This notice carries no free look for this document: viewing it on PACER is charged ($0.10 a page, $3.00 at most).';

/**
 * The documents of the notice's docket at `index`: the main document ('0') and the attachments, 'pending' while the
 * free look waits to be used, 'no-free-look' when the link carries none. In a multi-case NEF every case shares the
 * lead case's document and only the lead link carries a magic number: the others point to it. When the notice has a
 * link the URL gate refused (`linkWarning`), every document is 'unsafe-link', with its own link's reason where it has
 * one (`refusedLinks`), and no link of the notice is kept to be fetched.
 */
export function entryDocuments(
  notice: ParsedNotice,
  index: number,
  linkWarning: string | null,
  refusedLinks: ReadonlyMap<string, string> = new Map(),
): EntryDocuments {
  const docket = notice.dockets[index];
  const lead = notice.dockets[0];
  if (!docket || !lead) {
    return { documents: [], urls: {} };
  }
  if (
    index > 0 &&
    docket.magicNum === null &&
    docket.docId !== null &&
    lead.docId !== null &&
    normaliseDocId(docket.docId) === normaliseDocId(lead.docId)
  ) {
    const message = `The same document as case ${lead.caseNumber}: its free look came with that case's entry.`;
    const leadDocuments = entryDocuments(notice, 0, linkWarning, refusedLinks).documents;
    return {
      documents: leadDocuments.map((document) => ({
        ...document,
        state: linkWarning ? 'unsafe-link' : 'no-free-look',
        message,
      })),
      urls: {},
    };
  }
  const sources = index === 0 ? [...notice.attachments] : [];
  if (!sources.some((attachment) => attachment.number === '0') && docket.documentUrl !== null) {
    sources.unshift({
      number: '0',
      description: docket.shortDescription ?? 'Main Document',
      documentUrl: null,
      docId: docket.docId,
      stamp: null,
    });
  }
  const documents: NoticeDocument[] = [];
  const urls: Record<string, string | null> = {};
  for (const source of sources) {
    // ACMS gives every document its own one-use link; CM/ECF's one link covers the main document and attachments
    // (docs/court-rules.md#free-looks).
    const url = source.documentUrl ?? docket.documentUrl;
    const hasFreeLook = url !== null && (source.documentUrl !== null || docket.magicNum !== null);
    const refusal = (url === null ? undefined : refusedLinks.get(url)) ?? linkWarning;
    urls[source.number] = refusal === null ? url : null;
    documents.push({
      number: source.number,
      description: source.description,
      state: refusal !== null ? 'unsafe-link' : hasFreeLook ? 'pending' : 'no-free-look',
      documentId: null,
      sha256: null,
      pages: null,
      feeCents: null,
      message: refusal ?? (hasFreeLook ? null : noFreeLookMessage),
    });
  }
  return { documents, urls };
}

/**
 * States a later notice's fresh free look may replace: nothing was saved, and the old link is spent, absent, or was
 * refused by the URL gate (a forged notice that came first must not cost the user the genuine notice's free look).
 */
const replaceableStates = new Set<NoticeDocument['state']>([
  'used',
  'expired',
  'failed',
  'no-free-look',
  'unsafe-link',
]);

/**
 * The documents after the court sent the entry again: the first notice's documents are kept, and only a document the
 * first link could not deliver takes the new notice's free look (a secondary address has its own). A fresh document
 * whose link was refused never replaces anything, and its link is never kept.
 */
export function mergeResentDocuments(kept: EntryDocuments, fresh: EntryDocuments): EntryDocuments {
  const urls = { ...kept.urls };
  const documents = kept.documents.map((document) => {
    const replacement = fresh.documents.find((candidate) => candidate.number === document.number);
    if (!replacement || replacement.state !== 'pending' || !replaceableStates.has(document.state)) {
      return document;
    }
    urls[document.number] = fresh.urls[document.number] ?? null;
    return { ...document, state: replacement.state, message: null };
  });
  for (const document of fresh.documents) {
    if (documents.some((candidate) => candidate.number === document.number)) {
      continue;
    }
    documents.push(document);
    urls[document.number] = fresh.urls[document.number] ?? null;
  }
  return { documents, urls };
}

/** How many documents wait for their free look to be used. */
export function countPending(documents: readonly NoticeDocument[]): number {
  return documents.filter((document) => document.state === 'pending').length;
}
