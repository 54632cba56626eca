import type { PreviewDocument } from '../preview/pdf-document';

/** How wide each page is drawn for the printer, in CSS pixels: a letter page at about 130 dots an inch, times the screen's ratio. */
const printWidth = 1100;

/** The class that tells the print style sheet to print the prepared pages and nothing else of the window. */
const printingClass = 'is-printing-document';

/**
 * Prints the document through the window's own print dialog (the browser's in browser mode, the system's in the
 * desktop app): every page is drawn once into one canvas and kept as a PNG image, so a long document needs the
 * memory of one drawn page at a time, and the images, printed one a sheet, are all the print style sheet shows.
 * pdf.js draws the pages, so the PDF's own scripts and forms never run, in print as on screen.
 */
export async function printDocument(
  document: PreviewDocument,
  signal: AbortSignal,
  onPage: (page: number) => void,
): Promise<void> {
  const body = window.document.body;
  const sheet = window.document.createElement('div');
  sheet.className = 'document-print';
  sheet.dataset.testid = 'document-print';
  const canvas = window.document.createElement('canvas');
  const urls: string[] = [];
  try {
    for (let page = 1; page <= document.pageCount; page += 1) {
      signal.throwIfAborted();
      onPage(page);
      const drawing = await document.drawPage(page, canvas, printWidth, signal);
      await drawing.done;
      const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!png) {
        throw new Error(`Page ${page} could not be prepared for printing.`);
      }
      const url = URL.createObjectURL(png);
      urls.push(url);
      const image = window.document.createElement('img');
      image.src = url;
      image.alt = `Page ${page}`;
      sheet.append(image);
    }
    signal.throwIfAborted();
    body.append(sheet);
    await Promise.all(Array.from(sheet.querySelectorAll('img'), (image) => image.decode().catch(() => undefined)));
    body.classList.add(printingClass);
    // The dialog holds the window until it closes, so the pages are taken away only once they are printed.
    window.print();
  } finally {
    body.classList.remove(printingClass);
    sheet.remove();
    for (const url of urls) {
      URL.revokeObjectURL(url);
    }
  }
}
