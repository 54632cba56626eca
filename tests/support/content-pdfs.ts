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
import type { PDFFont, PDFObject, PDFPage, PDFRawStream } from '@cantoo/pdf-lib';

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
  const drawBox = (): void =>
    page.drawRectangle({ x: 70, y: 695, width: width + 4, height: 18, color: grayscale(options.boxColour ?? 0) });
  if (options.isBoxFirst) {
    drawBox();
  }
  if (options.isTextInvisible) {
    drawInvisibleText(page, font, options.text);
  } else {
    page.drawText(options.text, { x: 72, y: 700, size: 12, font, color: grayscale(options.textColour ?? 0) });
  }
  if (!options.isBoxFirst) {
    drawBox();
  }
  page.drawText('Visible text elsewhere on the page.', { x: 72, y: 600, size: 12, font });
  return document.save();
}

/** One line of text with an annotation over it, as a reviewer's markup tool would leave it. */
interface AnnotatedText {
  readonly text: string;
  readonly subtype: 'Highlight' | 'Square' | 'Polygon' | 'FreeText';
  /** The fill: /C for Highlight and FreeText, /IC for Square and Polygon (0–1 components). */
  readonly colour: readonly number[];
  /** Annotation flags (/F); 2 is Hidden. */
  readonly flags?: number;
  /** Constant opacity (/CA). */
  readonly opacity?: number;
}

/** A letter page with `text` at (72, 700) in 12 pt Helvetica and an annotation whose /Rect (and quad, for a highlight) covers that line. */
export async function makeAnnotatedTextPdf(options: AnnotatedText): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([612, 792]);
  page.drawText(options.text, { x: 72, y: 700, size: 12, font });
  page.drawText('Visible text elsewhere on the page.', { x: 72, y: 600, size: 12, font });
  const right = 74 + font.widthOfTextAtSize(options.text, 12);
  const fillKey = options.subtype === 'Square' || options.subtype === 'Polygon' ? 'IC' : 'C';
  const annotation = document.context.obj({
    Type: 'Annot',
    Subtype: options.subtype,
    Rect: [70, 695, right, 713],
    [fillKey]: [...options.colour],
    ...(options.subtype === 'Highlight' ? { QuadPoints: [70, 713, right, 713, 70, 695, right, 695] } : {}),
    ...(options.flags === undefined ? {} : { F: options.flags }),
    ...(options.opacity === undefined ? {} : { CA: options.opacity }),
  });
  page.node.addAnnot(document.context.register(annotation));
  return document.save();
}

/** One line of ASCII text (no parentheses) and an image of one flat grey over it, placed before or after the text. */
interface ImageAndText {
  readonly text: string;
  readonly isImageFirst: boolean;
  /** The grey of every sample, 0 (black) to 255 (white). */
  readonly grey: number;
}

/** A 40 × 10 pixel 8-bit grey image XObject of one flat `grey` (0 black, 255 white), with any `extra` dictionary entries. */
export function flatGreyImage(
  document: PDFDocument,
  grey: number,
  extra: { [key: string]: PDFObject } = {},
): PDFRawStream {
  return document.context.flateStream(new Uint8Array(40 * 10).fill(grey), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: 40,
    Height: 10,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
    ...extra,
  });
}

/** A letter page with `text` at (72, 700) in 12 pt Helvetica and an 8-bit grey Flate image stretched over exactly that line. */
export async function makeImageAndTextPdf(options: ImageAndText): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const width = font.widthOfTextAtSize(options.text, 12) + 4;
  const image = flatGreyImage(document, options.grey);
  const page = document.addPage([612, 792]);
  page.node.setFontDictionary(PDFName.of('F1'), font.ref);
  const name = page.node.newXObject('Cover', document.context.register(image)).decodeText();
  const drawImage = `q ${width} 0 0 18 70 695 cm /${name} Do Q`;
  const drawText = `BT /F1 12 Tf 72 700 Td (${options.text}) Tj ET BT /F1 12 Tf 72 600 Td (Visible text elsewhere) Tj ET`;
  appendContent(document, page, options.isImageFirst ? `${drawImage} ${drawText}` : `${drawText} ${drawImage}`);
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
export async function makeRawContentPdf(
  content: string,
  decorate?: (document: PDFDocument, page: PDFPage) => void,
): Promise<Uint8Array> {
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
