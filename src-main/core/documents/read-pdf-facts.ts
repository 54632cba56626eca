import { countPages } from '../preflight/parse/count-pages';
import type { PdfFacts } from '../ports';

/** PDF 1.7 (ISO 32000-1, 7.5.2) lets readers accept the header anywhere in the first 1024 bytes. */
const headerWindow = 1024;
const header = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Whether the bytes carry a `%PDF-` header where readers look for one. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, headerWindow) - header.length;
  for (let start = 0; start <= end; start += 1) {
    if (header.every((byte, offset) => bytes[start + offset] === byte)) {
      return true;
    }
  }
  return false;
}

/** Counts a PDF's pages in a child process in the app (`IsolatedReaders.countPdfPages`); null when it cannot be read. */
export type PdfPageCounter = (bytes: Uint8Array) => Promise<number | null>;

/**
 * Is it a PDF, and how many pages, counted as preflight counts them (parse/count-pages.ts): for documents a court
 * sends (what viewing one again would cost). Encrypted files are still counted; a file with an object that cannot be
 * parsed, or no page at all, is `unreadable`. Runs inside a child process in the real hosts, because PDFs are hostile
 * input. A document the user adds is read by preflight instead (read-document.ts), once.
 */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  if (!hasPdfHeader(bytes)) {
    return { kind: 'not-pdf' };
  }
  const count = await countPages(bytes, { isStrict: true });
  if (count.kind === 'unreadable') {
    return count;
  }
  return count.pages > 0 ? { kind: 'pdf', pages: count.pages } : { kind: 'unreadable', reason: 'it has no pages' };
}
