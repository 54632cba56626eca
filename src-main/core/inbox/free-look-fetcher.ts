import { createHash } from 'node:crypto';
import type { CourtFetch } from '../court/pacer-login';
import type { PdfPageCounter } from '../documents/read-pdf-facts';
import {
  followDocumentLink,
  stopMessages,
  type MenuDocument,
  type StoppedState,
} from './free-look/follow-document-link';
import type { CourtPageReader } from './free-look/read-court-page';
import { readDocumentLink } from './nef/read-links';

/** One document kept from a free look. */
export interface SavedDocument {
  /** '0' for the main document, then the attachment numbers. */
  readonly number: string;
  readonly description: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  /** null when the PDF could not be read to count them. */
  readonly pages: number | null;
}

/** A document of the entry's menu that was not saved, and why. */
export interface MissingDocument {
  readonly number: string;
  readonly description: string;
  /** `unsafe-link` when the menu's link for it pointed where the URL gate refuses (it was never requested). */
  readonly state: StoppedState | 'failed' | 'unsafe-link';
  readonly message: string;
  readonly feeCents: number | null;
}

/** What fetching a notice's free look came to. */
export type FreeLookResult =
  /** `missing` lists menu documents that could not be had for free (empty when every one was saved). */
  | {
      readonly kind: 'saved';
      readonly documents: readonly SavedDocument[];
      readonly missing: readonly MissingDocument[];
    }
  | {
      readonly kind: 'stopped';
      readonly state: StoppedState;
      readonly message: string;
      readonly feeCents: number | null;
    }
  /** The link, or a page it led to, pointed where the URL gate refuses: nothing more was requested, and the link is not to be trusted. */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** What `fetchFreeLook` needs. */
export interface FreeLookOptions {
  /** The notice's document link, already passed by the URL gate's `checkNoticeLink`. */
  readonly url: string;
  readonly fetch: CourtFetch;
  /** Larger answers are refused (default 60 MB). */
  readonly maxBytes?: number;
  /** Per request (default 60 seconds). */
  readonly timeoutMs?: number;
  /** Reads the court's pages (in a child process in the app: court pages are hostile input). */
  readonly readPage: CourtPageReader;
  /** Counts a PDF's pages (in a child process in the app). */
  readonly countPages: PdfPageCounter;
}

const defaultMaxBytes = 60 * 1024 * 1024;
const defaultTimeoutMs = 60_000;

/**
 * Fetches the documents of a notice with its one free look, anonymously: no cookies, no login, `use_magic=1` added,
 * and it stops at a login or price page rather than ever buying. An entry with attachments opens its document menu,
 * and each document is fetched (the free look covers the main document and every attachment). A free look works
 * once: after a `saved` result the link is spent, and it is the caller's job never to call this again for it
 * (courtlistener PR #2346). A `failed` result may be retried later; it never costs money. A `refused` one may not:
 * a court page pointed off the court's pages, and nothing there was requested.
 */
export async function fetchFreeLook(options: FreeLookOptions): Promise<FreeLookResult> {
  const link = readDocumentLink(options.url);
  if (!link) {
    return { kind: 'failed', message: 'This is not a link to a court document. ECF Desk did not open it.' };
  }
  // docs/court-rules.md#free-looks: `magic_num=MAGIC` (or none) means the link has no free look; opening it could only
  // ask for money.
  if (link.magicNum === null) {
    return { kind: 'stopped', state: 'no-free-look', message: stopMessages['no-free-look'], feeCents: null };
  }
  if (!URL.canParse(options.url)) {
    return { kind: 'failed', message: 'This is not a link to a court document. ECF Desk did not open it.' };
  }
  const limits = { maxBytes: options.maxBytes ?? defaultMaxBytes, timeoutMs: options.timeoutMs ?? defaultTimeoutMs };
  const { countPages, readPage } = options;
  const opened = new Set<string>();
  const first = await followDocumentLink(options.fetch, options.url, {
    ...limits,
    opened,
    allowsSelection: true,
    readPage,
  });
  switch (first.kind) {
    case 'pdf':
      return {
        kind: 'saved',
        documents: [await saveDocument('0', 'Main Document', first.bytes, countPages)],
        missing: [],
      };
    case 'stopped':
    case 'refused':
    case 'failed':
      return first;
    case 'selection':
      return fetchSelection(options.fetch, first.documents, { ...limits, opened, countPages, readPage });
  }
}

/** Each document of the menu in turn; a price page stops everything at once (never auto-buy). */
async function fetchSelection(
  fetchCourt: CourtFetch,
  links: readonly MenuDocument[],
  options: {
    maxBytes: number;
    timeoutMs: number;
    opened: Set<string>;
    countPages: PdfPageCounter;
    readPage: CourtPageReader;
  },
): Promise<FreeLookResult> {
  const documents: SavedDocument[] = [];
  const missing: MissingDocument[] = [];
  let priceSeen: MissingDocument | null = null;
  for (const link of links) {
    if (link.refusal !== null) {
      missing.push({
        number: link.number,
        description: link.description,
        state: 'unsafe-link',
        message: link.refusal,
        feeCents: null,
      });
      continue;
    }
    if (priceSeen) {
      missing.push({
        number: link.number,
        description: link.description,
        state: 'failed',
        message: 'Not fetched: ECF Desk stopped when the court showed a price for another document of this entry.',
        feeCents: null,
      });
      continue;
    }
    const outcome = await followDocumentLink(fetchCourt, link.url, { ...options, allowsSelection: false });
    if (outcome.kind === 'pdf') {
      documents.push(await saveDocument(link.number, link.description, outcome.bytes, options.countPages));
      continue;
    }
    const entry: MissingDocument =
      outcome.kind === 'stopped'
        ? {
            number: link.number,
            description: link.description,
            state: outcome.state,
            message: outcome.message,
            feeCents: outcome.feeCents,
          }
        : outcome.kind === 'refused'
          ? {
              number: link.number,
              description: link.description,
              state: 'unsafe-link',
              message: outcome.message,
              feeCents: null,
            }
          : {
              number: link.number,
              description: link.description,
              state: 'failed',
              message: outcome.kind === 'failed' ? outcome.message : 'The court showed a menu instead of the document.',
              feeCents: null,
            };
    missing.push(entry);
    if (entry.feeCents !== null) {
      priceSeen = entry;
    }
  }
  if (documents.length > 0) {
    return { kind: 'saved', documents, missing };
  }
  const refused = missing.find((document) => document.state === 'unsafe-link');
  if (refused) {
    return { kind: 'refused', message: refused.message };
  }
  const stop = priceSeen ?? missing.find((document) => document.state !== 'failed');
  if (stop && stop.state !== 'failed' && stop.state !== 'unsafe-link') {
    return { kind: 'stopped', state: stop.state, message: stop.message, feeCents: stop.feeCents };
  }
  return {
    kind: 'failed',
    message: missing[0]?.message ?? 'The court showed an empty document menu. Open the document from the notice.',
  };
}

async function saveDocument(
  number: string,
  description: string,
  bytes: Uint8Array,
  countPages: PdfPageCounter,
): Promise<SavedDocument> {
  return {
    number,
    description,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pages: await countPages(bytes),
  };
}
