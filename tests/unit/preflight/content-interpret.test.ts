import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { rgbKey } from '../../../src-main/core/preflight/content/colour';
import type { FilledRect, Glyph, PlacedImage, TextRun } from '../../../src-main/core/preflight/content/content-sink';
import { interpretPage } from '../../../src-main/core/preflight/content/interpret-page';
import { makeRawContentPdf } from '../../support/content-pdfs';

interface Marks {
  rects: FilledRect[];
  runs: TextRun[];
  glyphs: Glyph[];
  images: PlacedImage[];
}

async function paint(bytes: Uint8Array): Promise<Marks> {
  const document = await PDFDocument.load(bytes);
  const marks: Marks = { rects: [], runs: [], glyphs: [], images: [] };
  interpretPage(document.getPage(0), {
    fillRect: (rect) => marks.rects.push(rect),
    textRun: (run) => marks.runs.push({ ...run, box: { ...run.box } }),
    image: (image) => marks.images.push(image),
    glyph: (glyph) => marks.glyphs.push(glyph),
  });
  return marks;
}

function rounded(box: { x0: number; y0: number; x1: number; y1: number }): number[] {
  return [box.x0, box.y0, box.x1, box.y1].map((value) => Math.round(value * 10) / 10);
}

describe('the page interpreter', () => {
  it('places rectangles through the CTM and restores it at Q', async () => {
    const marks = await paint(await makeRawContentPdf('q 2 0 0 2 10 20 cm 0 0 10 5 re f Q 0 0 10 5 re f'));
    expect(marks.rects.map((rect) => rounded(rect.box))).toEqual([
      [10, 20, 30, 30],
      [0, 0, 10, 5],
    ]);
  });

  it('does not report a clipping path as a box, and trims later boxes to the clip', async () => {
    const marks = await paint(await makeRawContentPdf('q 0 0 100 100 re W n 0 0 612 792 re f Q 0 0 50 50 re f'));
    expect(marks.rects.map((rect) => rounded(rect.box))).toEqual([
      [0, 0, 100, 100],
      [0, 0, 50, 50],
    ]);
  });

  it('reads a closed four-line path as a rectangle but a frame with a hole as no solid box', async () => {
    const marks = await paint(
      await makeRawContentPdf('10 10 m 60 10 l 60 40 l 10 40 l h f 100 100 100 100 re 110 110 80 80 re f*'),
    );
    expect(marks.rects.map((rect) => rounded(rect.box))).toEqual([[10, 10, 60, 40]]);
  });

  it('records the fill colour in each colour space and the ExtGState fill alpha', async () => {
    const marks = await paint(
      await makeRawContentPdf(
        '0 0 0 1 k 0 0 10 10 re f 1 0 0 rg 20 0 10 10 re f /Half gs 40 0 10 10 re f',
        (document, page) => {
          page.node.setExtGState(PDFName.of('Half'), document.context.obj({ ca: 0.5 }));
        },
      ),
    );
    expect(marks.rects.map((rect) => [rect.colour, rect.alpha])).toEqual([
      [rgbKey(0, 0, 0), 1],
      [rgbKey(1, 0, 0), 1],
      [rgbKey(1, 0, 0), 0.5],
    ]);
  });

  it('measures a text run from the font widths, kerning and size, and keeps its render mode', async () => {
    const marks = await paint(await makeRawContentPdf('BT /F1 10 Tf 3 Tr 100 200 Td [(AA) -1000 (A)] TJ ET'));
    const [run] = marks.runs;
    // Helvetica "A" is 667/1000 em wide; the -1000 adjustment adds one em: 3 × 6.67 + 10 = 30.01.
    expect(rounded(run!.box)).toEqual([100, 197.9, 130, 207.2]);
    expect(run!.renderMode).toBe(3);
    expect(marks.glyphs.map((glyph) => glyph.text).join('')).toBe('AAA');
  });

  it('follows form XObjects with their matrix and stops at a form that draws itself', async () => {
    const marks = await paint(
      await makeRawContentPdf('/Fm Do', (document, page) => {
        const form = document.context.flateStream('0 0 10 10 re f /Fm Do', {
          Type: 'XObject',
          Subtype: 'Form',
          BBox: [0, 0, 10, 10],
          Matrix: [1, 0, 0, 1, 50, 60],
        });
        const ref = document.context.register(form);
        form.dict.set(PDFName.of('Resources'), document.context.obj({ XObject: { Fm: ref } }));
        page.node.setXObject(PDFName.of('Fm'), ref);
      }),
    );
    expect(marks.rects.map((rect) => rounded(rect.box))).toEqual([[50, 60, 60, 70]]);
  });

  it('decodes two-byte codes of a composite font through its ToUnicode map and /W widths', async () => {
    const toUnicode =
      '/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <0053> <0002> <0053> endbfchar 1 beginbfrange <0003> <0005> <0031> endbfrange end';
    const marks = await paint(
      await makeRawContentPdf('BT /C0 10 Tf 0 0 Td <000100020003000400050006> Tj ET', (document, page) => {
        const cidFont = document.context.obj({
          Type: 'Font',
          Subtype: 'CIDFontType2',
          BaseFont: 'Test',
          DW: 500,
          W: [1, [600, 600], 3, 5, 700],
        });
        const font = document.context.obj({
          Type: 'Font',
          Subtype: 'Type0',
          BaseFont: 'Test',
          Encoding: 'Identity-H',
          DescendantFonts: [document.context.register(cidFont)],
          ToUnicode: document.context.register(document.context.flateStream(toUnicode)),
        });
        page.node.setFontDictionary(PDFName.of('C0'), document.context.register(font));
      }),
    );
    expect(marks.glyphs.map((glyph) => glyph.text).join('')).toBe('SS123\uFFFD');
    // 600 + 600 + 3 × 700 + 500 (DW for CID 6) = 3,800 thousandths of 10 pt.
    expect(rounded(marks.runs[0]!.box).slice(0, 3)).toEqual([0, -2, 38]);
  });

  it('records images with their placed box and resolution, inline images included', async () => {
    const marks = await paint(
      await makeRawContentPdf('q 72 0 0 36 10 10 cm BI /W 150 /H 60 /BPC 1 /CS /G /F /AHx ID 00> EI Q 0 0 5 5 re f'),
    );
    expect(marks.images).toHaveLength(1);
    expect(rounded(marks.images[0]!.box)).toEqual([10, 10, 82, 46]);
    expect([marks.images[0]!.ppiAcross, marks.images[0]!.ppiDown]).toEqual([150, 120]);
    expect(marks.rects).toHaveLength(1);
  });
});
