import { PDFDocument } from 'pdf-lib';

/**
 * The number of pages of a PDF the court sent, or null when pdf-lib cannot read it. The count tells the user what
 * viewing it again would cost ($0.10 a page, NEF-AND-PACER.md §0.1); the bytes are kept either way.
 */
export async function countPdfPages(bytes: Uint8Array): Promise<number | null> {
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return document.getPageCount();
  } catch {
    return null;
  }
}
