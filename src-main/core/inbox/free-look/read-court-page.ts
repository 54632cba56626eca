import { decodeEntities } from '../nef/decode-entities';

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

/**
 * Recognises a page CM/ECF answers a doc1 link with (NEF-AND-PACER.md §0.3, §2.5). The training court names its
 * pages in `<meta name="ecf-page">`; real CM/ECF does not, so its own words are the fallback. A price comes
 * first, whatever else the page says: the one mistake that costs the user money is taking a receipt for
 * anything else (courtlistener#1974).
 */
export function readCourtPage(html: string, pageUrl: string): CourtPage {
  const text = pageText(html);
  const meta = /<meta\s+name=["']ecf-page["']\s+content=["']([^"']+)["']/i.exec(html)?.[1]?.toLowerCase() ?? null;
  if (meta === 'receipt' || /Transaction Receipt|Billable Pages/i.test(text) || /\bCost:\s*\$?\s*\d/i.test(text)) return { kind: 'receipt', feeCents: readCostCents(text) };
  if (meta === 'login' || (meta === null && isLoginPage(html, text))) return { kind: 'login', state: loginState(text) };
  if (meta === 'confirm-free-look' || (meta === null && /free look/i.test(text) && /verify|about to use/i.test(text))) {
    return { kind: 'confirm-free-look', continueUrl: readLinks(html, pageUrl).find((link) => /[?&]use_magic=1(?:&|$)/.test(link.url))?.url ?? null };
  }
  if (meta === 'document-selection' || (meta === null && /Document Selection Menu/i.test(text))) return { kind: 'selection', documents: readSelection(html, pageUrl) };
  const frame = /<iframe\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html);
  const frameSource = frame?.[1] ?? frame?.[2] ?? frame?.[3];
  if ((meta === 'document-frame' || meta === null) && frameSource) return { kind: 'frame', source: resolve(decodeEntities(frameSource), pageUrl) ?? '' };
  if (meta === 'error' || meta === 'internal-server-error') return { kind: 'error', message: pageText(/id="ecf-error"[^>]*>([\s\S]*?)<\//i.exec(html)?.[1] ?? '') || 'The court answered with an error page.' };
  return { kind: 'unknown', title: pageText(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '') };
}

/** Real CM/ECF: "PACER Login", a password field, or a form posting to login.pl (NEF-AND-PACER.md §3.1). */
function isLoginPage(html: string, text: string): boolean {
  return /PACER Login/i.test(text) || /<input\b[^>]*type=["']?password/i.test(html) || /action=["'][^"']*login\.pl/i.test(html);
}

/** §2.5: a login instead of the document means sealed or restricted, expired (15 days), or used already. */
function loginState(text: string): 'used' | 'expired' | 'sealed' {
  if (/\b(?:sealed|restricted)\b/i.test(text)) return 'sealed';
  if (/\bexpired\b/i.test(text)) return 'expired';
  return 'used';
}

/** "Cost: 0.30" (CM/ECF) or "Cost $3.00" (a table), in cents. */
function readCostCents(text: string): number | null {
  const cost = /\bCost:?\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/i.exec(text);
  if (!cost) return null;
  return Number((cost[1] ?? '0').replace(/,/g, '')) * 100 + Number((cost[2] ?? '0').padEnd(2, '0'));
}

/** One row a document: its link's text is "Main Document" (or the entry's number) or the attachment number. */
function readSelection(html: string, pageUrl: string): SelectionLink[] {
  const documents: SelectionLink[] = [];
  const rows = html.match(/<tr\b[\s\S]*?<\/tr>/gi) ?? [html];
  for (const row of rows) {
    const cells = (row.match(/<td\b[\s\S]*?<\/td>/gi) ?? [row]).map((cell) => ({ html: cell, text: pageText(cell) }));
    const linkCell = cells.findIndex((cell) => readLinks(cell.html, pageUrl).some((link) => isDocumentPath(link.url)));
    if (linkCell < 0) continue;
    const link = readLinks(cells[linkCell]?.html ?? '', pageUrl).find((candidate) => isDocumentPath(candidate.url));
    if (!link || documents.some((document) => document.url === link.url)) continue;
    const isMain = documents.length === 0 && (/Main Document|Document Number/i.test(pageText(row)) || !/^\d+$/.test(link.text));
    const number = isMain ? '0' : /^\d+$/.test(link.text) ? link.text : String(documents.length);
    const description = cells.slice(linkCell + 1).map((cell) => cell.text).find((cellText) => cellText !== '' && !/^\d+\s*pages?(?:\(s\))?$|^[\d.]+\s*[KM]B$/i.test(cellText));
    documents.push({ number, description: description ?? (isMain ? 'Main Document' : `Attachment ${number}`), url: link.url });
  }
  return documents;
}

function isDocumentPath(url: string): boolean {
  return /\/(?:doc1|docs1)\/\d+/i.test(url);
}

function readLinks(html: string, pageUrl: string): { url: string; text: string }[] {
  const links: { url: string; text: string }[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a>/gi)) {
    const url = resolve(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''), pageUrl);
    if (url) links.push({ url, text: pageText(match[4] ?? '') });
  }
  return links;
}

function resolve(href: string, pageUrl: string): string | null {
  try {
    return new URL(href.trim(), pageUrl).href;
  } catch {
    return null;
  }
}

/** The words of a page: scripts and styles dropped, tags as spaces, entities decoded. */
function pageText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
