import { PDFDocument, degrees } from '@cantoo/pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { placeBoxOnPage, type ViewportGeometry } from '../../../src-renderer/preview/page-overlay';

/** A box as preflight reports one: 80 × 18 points whose bottom-left corner is at (70, 695) in PDF user space. */
const box = { x0: 70, y0: 695, x1: 150, y1: 713 };

/** The viewport pdf.js gives for a letter page built in code with the crop box and rotation a case needs. */
async function viewportOf(options: {
  readonly rotation?: number;
  readonly cropBox?: readonly [number, number, number, number];
  readonly scale?: number;
}): Promise<ViewportGeometry> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  if (options.cropBox) {
    page.setCropBox(...options.cropBox);
  }
  if (options.rotation) {
    page.setRotation(degrees(options.rotation));
  }
  const pdf = await getDocument({ data: await document.save(), isEvalSupported: false, useWasm: false }).promise;
  try {
    const viewport = (await pdf.getPage(1)).getViewport({ scale: options.scale ?? 1 });
    return { transform: viewport.transform, width: viewport.width, height: viewport.height };
  } finally {
    await pdf.destroy();
  }
}

/** A placement in points, back from percentages of a page `width` × `height` points, rounded to hundredths. */
function inPoints(placement: ReturnType<typeof placeBoxOnPage>, width: number, height: number) {
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    left: round((placement.left * width) / 100),
    top: round((placement.top * height) / 100),
    width: round((placement.width * width) / 100),
    height: round((placement.height * height) / 100),
  };
}

describe('placing a finding’s box over the drawn page', () => {
  it('turns PDF points with the origin bottom-left into a place measured from the top-left of an upright page', async () => {
    const placement = placeBoxOnPage(box, await viewportOf({}));
    expect(inPoints(placement, 612, 792)).toEqual({ left: 70, top: 79, width: 80, height: 18 });
  });

  it('gives the same place at any scale, so the outline follows the page when the panel is wider or the screen sharper', async () => {
    expect(placeBoxOnPage(box, await viewportOf({ scale: 2.5 }))).toEqual(
      placeBoxOnPage(box, await viewportOf({ scale: 1 })),
    );
  });

  it('measures from the crop box, not the paper, when the page is cropped', async () => {
    const placement = placeBoxOnPage(box, await viewportOf({ cropBox: [36, 72, 504, 648] }));
    // The crop box is 504 × 648 points from (36, 72): its top edge is y = 720.
    expect(inPoints(placement, 504, 648)).toEqual({ left: 34, top: 7, width: 80, height: 18 });
  });

  it('turns the box with a page shown rotated a quarter turn, so a tall box on its side becomes a wide one', async () => {
    const placement = placeBoxOnPage(box, await viewportOf({ rotation: 90, cropBox: [36, 72, 504, 648] }));
    // Turned clockwise, the crop box is 648 wide and 504 tall; the page's bottom edge (y = 72) is now its left edge.
    expect(inPoints(placement, 648, 504)).toEqual({ left: 623, top: 34, width: 18, height: 80 });
  });

  it('turns the box upside down with a page rotated half a turn', async () => {
    const placement = placeBoxOnPage(box, await viewportOf({ rotation: 180 }));
    expect(inPoints(placement, 612, 792)).toEqual({ left: 462, top: 695, width: 80, height: 18 });
  });

  it('accepts a box whose corners come in either order', async () => {
    const viewport = await viewportOf({});
    expect(placeBoxOnPage({ x0: box.x1, y0: box.y1, x1: box.x0, y1: box.y0 }, viewport)).toEqual(
      placeBoxOnPage(box, viewport),
    );
  });
});
