import { createCanvas } from '@napi-rs/canvas';
import { PDFName } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFPage } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findBadRedactions } from '../../../src-main/core/preflight/checks/bad-redaction';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { flatGreyImage, makeRawContentPdf } from '../../support/content-pdfs';

/** The words every case hides (or shows), set in 12 pt Helvetica at (72, 700); a second line elsewhere stays visible. */
const secret = 'SSN 123-45-6789';
const showSecret = `BT /F1 12 Tf 72 700 Td (${secret}) Tj ET`;
const otherLine = '0 g BT /F1 12 Tf 72 600 Td (Visible text elsewhere) Tj ET';
/** A box a little larger than the secret's line. */
const box = '70 695 100 18 re f';
/** The same place as an image's unit square. */
const imageAt = 'q 100 0 0 18 70 695 cm /Cover Do Q';

async function hiddenText(bytes: Uint8Array): Promise<readonly string[]> {
  const findings = await findBadRedactions(await inspectPdf(bytes, citPreflightOptions));
  for (const finding of findings) {
    expect(finding).toMatchObject({ code: 'bad-redaction', severity: 'block', pages: [1] });
  }
  return findings.flatMap((finding) => finding.text ?? []);
}

/** A JPEG of one flat colour, as a scanner or a word processor's picture would hold it. */
function jpegOf(colour: string): Uint8Array {
  const canvas = createCanvas(40, 10);
  const context = canvas.getContext('2d');
  context.fillStyle = colour;
  context.fillRect(0, 0, 40, 10);
  return new Uint8Array(canvas.encodeSync('jpeg'));
}

function addJpeg(colour: string): (document: PDFDocument, page: PDFPage) => void {
  return (document, page) => {
    const stream = document.context.stream(jpegOf(colour), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 40,
      Height: 10,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
      Filter: 'DCTDecode',
    });
    page.node.setXObject(PDFName.of('Cover'), document.context.register(stream));
  };
}

describe('text judged by what a reader can see', () => {
  it("a word processor's black highlighting (a black box, then black text on it) hides the words", async () => {
    expect(await hiddenText(await makeRawContentPdf(`0 0 0 rg ${box} 0 0 0 rg ${showSecret} ${otherLine}`))).toEqual([
      secret,
    ]);
  });

  it('black text on a near-black box (5 % grey) is just as lost', async () => {
    expect(await hiddenText(await makeRawContentPdf(`0.05 g ${box} 0 0 0 rg ${showSecret} ${otherLine}`))).toEqual([
      secret,
    ]);
  });

  it('white text on a white box hides the words', async () => {
    expect(await hiddenText(await makeRawContentPdf(`1 g ${box} 1 g ${showSecret} ${otherLine}`))).toEqual([secret]);
  });

  it('text under an opaque black JPEG painted after it is hidden', async () => {
    expect(await hiddenText(await makeRawContentPdf(`${showSecret} ${imageAt} ${otherLine}`, addJpeg('#000')))).toEqual(
      [secret],
    );
  });

  it('black text printed on a black JPEG is hidden', async () => {
    expect(
      await hiddenText(await makeRawContentPdf(`${imageAt} 0 g ${showSecret} ${otherLine}`, addJpeg('#050505'))),
    ).toEqual([secret]);
  });

  it('text under a dark pattern fill is hidden', async () => {
    const withPattern = (document: PDFDocument, page: PDFPage): void => {
      const tile = document.context.stream('0 g 0 0 8 8 re f 0.15 g 0 0 4 4 re f', {
        PatternType: 1,
        PaintType: 1,
        TilingType: 1,
        BBox: [0, 0, 8, 8],
        XStep: 8,
        YStep: 8,
        Resources: {},
      });
      page.node
        .normalizedEntries()
        .Resources.set(PDFName.of('Pattern'), document.context.obj({ Hatch: document.context.register(tile) }));
    };
    expect(
      await hiddenText(
        await makeRawContentPdf(`${showSecret} /Pattern cs /Hatch scn ${box} ${otherLine}`, withPattern),
      ),
    ).toEqual([secret]);
  });

  it('text behind a black image with a soft mask is hidden', async () => {
    const withMaskedImage = (document: PDFDocument, page: PDFPage): void => {
      const mask = flatGreyImage(document, 255);
      const image = flatGreyImage(document, 0, { SMask: document.context.register(mask) });
      page.node.setXObject(PDFName.of('Cover'), document.context.register(image));
    };
    expect(await hiddenText(await makeRawContentPdf(`${showSecret} ${imageAt} ${otherLine}`, withMaskedImage))).toEqual(
      [secret],
    );
  });

  it('black text on a white backing stroked over a black panel stays visible', async () => {
    const panel = '0 g 60 685 130 40 re f';
    const backing = '1 G 16 w 70 704 m 170 704 l S';
    expect(await hiddenText(await makeRawContentPdf(`${panel} ${backing} 0 g ${showSecret} ${otherLine}`))).toEqual([]);
  });

  it('black text over the corner of a black triangle is not judged by the box around the triangle', async () => {
    const triangle = '0 g 70 695 m 170 713 l 70 713 l h f';
    expect(await hiddenText(await makeRawContentPdf(`${triangle} 0 g ${showSecret} ${otherLine}`))).toEqual([]);
  });

  it('a light highlighter (yellow or light grey) under black text is not a redaction', async () => {
    expect(await hiddenText(await makeRawContentPdf(`1 1 0 rg ${box} 0 g ${showSecret} ${otherLine}`))).toEqual([]);
    expect(await hiddenText(await makeRawContentPdf(`0.8 g ${box} 0 g ${showSecret} ${otherLine}`))).toEqual([]);
  });

  it('a yellow highlighter blended over black text (multiply) leaves it readable', async () => {
    const withMultiply = (document: PDFDocument, page: PDFPage): void => {
      page.node
        .normalizedEntries()
        .Resources.set(
          PDFName.of('ExtGState'),
          document.context.obj({ Marker: { Type: 'ExtGState', BM: 'Multiply' } }),
        );
    };
    expect(
      await hiddenText(
        await makeRawContentPdf(`0 g ${showSecret} q /Marker gs 1 1 0 rg ${box} Q ${otherLine}`, withMultiply),
      ),
    ).toEqual([]);
  });

  it('a light picture laid over words, such as a signature, is not a redaction', async () => {
    expect(
      await hiddenText(await makeRawContentPdf(`${showSecret} ${imageAt} ${otherLine}`, addJpeg('#f4f4f4'))),
    ).toEqual([]);
  });

  it('black text printed on a light JPEG is plain to see', async () => {
    expect(
      await hiddenText(await makeRawContentPdf(`${imageAt} 0 g ${showSecret} ${otherLine}`, addJpeg('#eeeeee'))),
    ).toEqual([]);
  });

  it('white text printed on a black JPEG is plain to see', async () => {
    expect(
      await hiddenText(await makeRawContentPdf(`${imageAt} 1 g ${showSecret} ${otherLine}`, addJpeg('#000'))),
    ).toEqual([]);
  });
});
