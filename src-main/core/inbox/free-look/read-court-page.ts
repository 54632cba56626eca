import { inMegabytes, maxCourtPageCharacters } from '../inbox-limits';
import { isLoginPage } from '../../court/court-chrome';
import { readPageOutline, resolveUrl, type PageRow } from '../../html/read-page-outline';

/** A document offered by an entry's document selection menu. */
export interface SelectionLink {
  /** '0' for the main document, then the attachment numbers. */
  readonly number: string;
  readonly description: string;
  /** Absolute, resolved against the menu's own address. */
  readonly url: string;
}

/** What an HTML page from a doc1 link is, as far as fetching a free look goes. */
export type CourtPage =
  | { readonly kind: 'receipt'; readonly feeCents: number | null }
  | { readonly kind: 'login'; readonly state: 'used' | 'expired' | 'sealed' }
  | { readonly kind: 'confirm-free-look'; readonly continueUrl: string | null }
  | { readonly kind: 'selection'; readonly documents: readonly SelectionLink[] }
  | { readonly kind: 'frame'; readonly source: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'unknown'; readonly title: string };

/** Reads a court's page in a child process in the app (`IsolatedReaders.readCourtPage`: court pages are hostile input). */
export type CourtPageReader = (html: string, pageUrl: string) => Promise<CourtPage>;

/** How much of a page's title or error an answer repeats to the user. */
const longestQuotedWords = 300;

/**
 * Recognises a page CM/ECF answers a doc1 link with (the free look: "PACER Login" pages, receipts, the document
 * menu and frame) by what it shows, as a person would: its words, its fields, CM/ECF's error layout. A price comes
 * first, whatever else the page says: the one mistake that costs the user money is taking a receipt for anything else
 * (courtlistener#1974). The page is read in one linear pass (`readPageOutline`); one over `maxCourtPageCharacters` is
 * not read at all.
 */
export function readCourtPage(html: string, pageUrl: string): CourtPage {
  // Not read at all: the answer names its size where a title would go ("a page ECF Desk does not recognise (…)").
  if (html.length > maxCourtPageCharacters) {
    return {
      kind: 'unknown',
      title: `${inMegabytes(html.length)} MB, larger than any CM/ECF page; ECF Desk reads at most ${inMegabytes(maxCourtPageCharacters)} MB`,
    };
  }
  const page = readPageOutline(html, pageUrl);
  const { text } = page;
  if (/Transaction Receipt|Billable Pages/i.test(text) || /\bCost:\s*\$?\s*\d/i.test(text)) {
    return { kind: 'receipt', feeCents: readCostCents(text) };
  }
  if (isLoginPage(page)) {
    return { kind: 'login', state: loginState(text) };
  }
  if (/free look/i.test(text) && /verify|about to use/i.test(text)) {
    return {
      kind: 'confirm-free-look',
      continueUrl: page.links.find((link) => /[?&]use_magic=1(?:&|$)/.test(link.url))?.url ?? null,
    };
  }
  if (/Document Selection Menu/i.test(text)) {
    return { kind: 'selection', documents: readSelection(page.rows) };
  }
  if (page.frameSource) {
    return { kind: 'frame', source: resolveUrl(page.frameSource, pageUrl) ?? '' };
  }
  if (page.errorText !== null) {
    return { kind: 'error', message: quoted(page.errorText) || 'The court answered with an error page.' };
  }
  return { kind: 'unknown', title: quoted(page.title) };
}

/** A login instead of the document means sealed or restricted, expired (15 days), or used already. */
function loginState(text: string): 'used' | 'expired' | 'sealed' {
  if (/\b(?:sealed|restricted)\b/i.test(text)) {
    return 'sealed';
  }
  if (/\bexpired\b/i.test(text)) {
    return 'expired';
  }
  return 'used';
}

/** "Cost: 0.30" (CM/ECF) or "Cost $3.00" (a table), in cents. */
function readCostCents(text: string): number | null {
  const cost = /\bCost:?\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/i.exec(text);
  if (!cost) {
    return null;
  }
  return Number((cost[1] ?? '0').replace(/,/g, '')) * 100 + Number((cost[2] ?? '0').padEnd(2, '0'));
}

/** One row a document: its link's text is "Main Document" (or the entry's number) or the attachment number. */
function readSelection(rows: readonly PageRow[]): SelectionLink[] {
  const documents: SelectionLink[] = [];
  const urls = new Set<string>();
  for (const row of rows) {
    const linkCell = row.cells.findIndex((cell) => cell.links.some((link) => isDocumentPath(link.url)));
    const link = row.cells[linkCell]?.links.find((candidate) => isDocumentPath(candidate.url));
    if (!link || urls.has(link.url)) {
      continue;
    }
    urls.add(link.url);
    const isMain =
      documents.length === 0 && (/Main Document|Document Number/i.test(row.text) || !/^\d+$/.test(link.text));
    const number = isMain ? '0' : /^\d+$/.test(link.text) ? link.text : String(documents.length);
    const description = row.cells
      .slice(linkCell + 1)
      .map((cell) => cell.text)
      .find((cellText) => cellText !== '' && !/^\d+\s*pages?(?:\(s\))?$|^[\d.]+\s*[KM]B$/i.test(cellText));
    documents.push({
      number,
      description: description ?? (isMain ? 'Main Document' : `Attachment ${number}`),
      url: link.url,
    });
  }
  return documents;
}

function isDocumentPath(url: string): boolean {
  return /\/(?:doc1|docs1)\/\d+/i.test(url);
}

/** A title or error message, cut to a length a sentence can quote. */
function quoted(words: string): string {
  return words.length > longestQuotedWords ? `${words.slice(0, longestQuotedWords - 1)}…` : words;
}
