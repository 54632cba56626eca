import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';

/** A plain letter-size PDF with one line of text per page, built in code so every check has a fixture. */
export async function makePdf(pages: number): Promise<Uint8Array<ArrayBuffer>> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page += 1) {
    document
      .addPage([612, 792])
      .drawText(`Synthetic exhibit page ${page} of ${pages}`, { x: 72, y: 700, size: 12, font });
  }
  return new Uint8Array(await document.save());
}

/** A PDF whose body was cut off after the header: it claims to be a PDF but cannot be parsed. */
export function makeTruncatedPdf(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R');
}

/** A file that is not a PDF at all (a word-processor file renamed by mistake, as far as the app can tell). */
export function makeNotPdf(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode('PK\u0003\u0004 this is a word-processor document, not a PDF\n');
}

/** A one-page PDF padded with an incompressible stream to about `megabytes` MB: big enough that adding it takes a while. */
export async function makeLargePdf(megabytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const document = await PDFDocument.create();
  document.addPage([612, 792]);
  const padding = document.context.stream(randomBytes(megabytes * 1024 * 1024));
  document.catalog.set(document.context.obj('ECFDeskPadding'), document.context.register(padding));
  return new Uint8Array(await document.save());
}
