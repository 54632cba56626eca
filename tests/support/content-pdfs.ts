import {
  PDFDocument,
  PDFName,
  StandardFonts,
  TextRenderingMode,
  endText,
  beginText,
  grayscale,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextRenderingMode,
  showText,
  moveText,
} from '@cantoo/pdf-lib';
import type { PDFFont, PDFPage } from '@cantoo/pdf-lib';

/**
 * Synthetic PDFs for the content checks, built in code because the shared fixtures have no clean example of
 * each case (white text on a white box, invisible text under a box, a scan at an exact resolution).
 */

/** One line of text and one box, in the order and colours a case needs. */
interface BoxAndText {
  readonly text: string;
  readonly isBoxFirst: boolean;
  readonly boxColour?: number;
  readonly textColour?: number;
  readonly isTextInvisible?: boolean;
}

/** A letter page with `text` at (72, 700) in 12 pt Helvetica and a box over exactly that line. */
export async function makeBoxAndTextPdf(options: BoxAndText): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([612, 792]);
  const width = font.widthOfTextAtSize(options.text, 12);
  const drawBox = (): void => page.drawRectangle({ x: 70, y: 695, width: width + 4, height: 18, color: grayscale(options.boxColour ?? 0) });
  if (options.isBoxFirst) drawBox();
  if (options.isTextInvisible) drawInvisibleText(page, font, options.text);
  else page.drawText(options.text, { x: 72, y: 700, size: 12, font, color: grayscale(options.textColour ?? 0) });
  if (!options.isBoxFirst) drawBox();
  page.drawText('Visible text elsewhere on the page.', { x: 72, y: 600, size: 12, font });
  return document.save();
}

/** Text in render mode 3: kept in the file and searchable, never painted (how OCR layers are written). */
function drawInvisibleText(page: PDFPage, font: PDFFont, text: string): void {
  const name = page.node.newFontDictionary(font.name, font.ref);
  page.pushOperators(
    beginText(),
    setFontAndSize(name, 12),
    setTextRenderingMode(TextRenderingMode.Invisible),
    setFillingColor(rgb(0, 0, 0)),
    moveText(72, 700),
    showText(font.encodeText(text)),
    endText(),
  );
}

/**
 * A page of `pagePoints` square showing one grey image of `pixels` square stretched across it, so the image's
 * resolution is pixels ÷ (pagePoints ÷ 72) ppi; with `caption`, an OCR-style invisible text layer on top.
 */
export async function makeImagePagePdf(pixels: number, pagePoints: number, caption?: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([pagePoints, pagePoints]);
  const image = document.context.flateStream(new Uint8Array(pixels * pixels).fill(200), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: pixels,
    Height: pixels,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
  });
  const name = page.node.newXObject('Scan', document.context.register(image));
  const content = `q ${pagePoints} 0 0 ${pagePoints} 0 0 cm /${name.decodeText()} Do Q`;
  appendContent(document, page, content);
  if (caption) {
    const font = await document.embedFont(StandardFonts.Helvetica);
    drawInvisibleText(page, font, caption);
  }
  return document.save();
}

/**
 * A one-page PDF whose content stream is exactly `content`, with Helvetica as /F1 and any extra resources
 * `decorate` adds: for cases the drawing API cannot express (frames, clips, forms, inline images).
 */
export async function makeRawContentPdf(content: string, decorate?: (document: PDFDocument, page: PDFPage) => void): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.node.setFontDictionary(PDFName.of('F1'), font.ref);
  decorate?.(document, page);
  appendContent(document, page, content);
  return document.save();
}

function appendContent(document: PDFDocument, page: PDFPage, content: string): void {
  const stream = document.context.flateStream(content);
  page.node.addContentStream(document.context.register(stream));
}
