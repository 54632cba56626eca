import { PDFDocument } from 'pdf-lib';
import type { PdfFacts } from '../ports';

/** PDF 1.7 (ISO 32000-1, 7.5.2) lets readers accept the header anywhere in the first 1024 bytes. */
const headerWindow = 1024;
const header = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Whether the bytes carry a `%PDF-` header where readers look for one. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, headerWindow) - header.length;
  for (let start = 0; start <= end; start += 1) {
    if (header.every((byte, offset) => bytes[start + offset] === byte)) return true;
  }
  return false;
}

/** Counts a PDF's pages in a child process in the app (`IsolatedReaders.countPdfPages`); null when it cannot be read. */
export type PdfPageCounter = (bytes: Uint8Array) => Promise<number | null>;

/**
 * Reads what the document list shows: is it a PDF, and how many pages. Encrypted files are still
 * counted (preflight reports the encryption); anything pdf-lib cannot parse is `unreadable`.
 * Runs inside a worker in the real hosts, because PDFs are hostile input.
 */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  if (!hasPdfHeader(bytes)) return { kind: 'not-pdf' };
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    const pages = document.getPageCount();
    return pages > 0 ? { kind: 'pdf', pages } : { kind: 'unreadable', reason: 'it has no pages' };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
