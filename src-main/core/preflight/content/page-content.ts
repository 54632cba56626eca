import type { PDFDocument, PDFPage } from '@cantoo/pdf-lib';
import type { FilledRect, Glyph, PlacedImage, TextRun } from './content-sink';
import type { Box } from './geometry';
import { interpretPage } from './interpret-page';

/**
 * One page as the content checks see it, from a single cheap pass over its content: where it paints opaque
 * boxes, where text runs sit, and its images. The per-glyph work (text decoding, glyph boxes) is left for the
 * few pages where a box meets text, because it would dominate the time on a 4,000-page filing.
 */
export interface PageContent {
  readonly pageNumber: number;
  readonly page: PDFPage;
  /** The visible area (crop box), in page space. */
  readonly pageBox: Box;
  /** False when the page's content could not be read; the other fields are then empty. */
  readonly isReadable: boolean;
  /** Whether the page shows any text, visible or not (an OCR layer is invisible text, and it is searchable). */
  readonly showsText: boolean;
  /** Fully opaque solid-colour filled rectangles, in painting order. */
  readonly opaqueRects: readonly FilledRect[];
  /** Where the first text is painted in painting order (Infinity when there is none). */
  readonly firstTextSeq: number;
  /** Text run boxes as x0, y0, x1, y1 quadruples, kept only when an opaque rectangle or a later image could cover them. */
  readonly textRunBoxes: Float32Array;
  readonly images: readonly PlacedImage[];
}

/** A page's glyphs and boxes in painting order, for the pages where the words under a box matter. */
export interface PageGlyphs {
  readonly opaqueRects: readonly FilledRect[];
  readonly glyphs: readonly Glyph[];
  readonly images: readonly PlacedImage[];
}

const documentCache = new WeakMap<PDFDocument, readonly PageContent[]>();

/** Every page's content summary, read once per document however many checks ask; `onPage` hears of each page read. */
export function readPageContents(document: PDFDocument, onPage?: (pagesDone: number, pageCount: number) => void): readonly PageContent[] {
  const cached = documentCache.get(document);
  if (cached) return cached;
  const pages = document.getPages();
  const contents = pages.map((page, index) => {
    const content = readPageContent(page, index + 1);
    onPage?.(index + 1, pages.length);
    return content;
  });
  documentCache.set(document, contents);
  return contents;
}

/** The glyph-level pass over one page (empty if its text cannot be decoded, as its cheap pass already succeeded). */
export function readPageGlyphs(page: PDFPage): PageGlyphs {
  const opaqueRects: FilledRect[] = [];
  const glyphs: Glyph[] = [];
  const images: PlacedImage[] = [];
  try {
    interpretPage(page, {
      fillRect: (rect) => {
        if (rect.alpha >= 1) opaqueRects.push(rect);
      },
      textRun: () => undefined,
      image: (image) => images.push(image),
      glyph: (glyph) => glyphs.push(glyph),
    });
  } catch {
    return { opaqueRects: [], glyphs: [], images: [] };
  }
  return { opaqueRects, glyphs, images };
}

function readPageContent(page: PDFPage, pageNumber: number): PageContent {
  const opaqueRects: FilledRect[] = [];
  const images: PlacedImage[] = [];
  let runBoxes: number[] = [];
  let showsText = false;
  let firstTextSeq = Number.POSITIVE_INFINITY;
  let pageBox: Box = { x0: 0, y0: 0, x1: 612, y1: 792 };
  try {
    const crop = page.getCropBox();
    pageBox = { x0: crop.x, y0: crop.y, x1: crop.x + crop.width, y1: crop.y + crop.height };
    interpretPage(page, {
      fillRect: (rect) => {
        if (rect.alpha >= 1) opaqueRects.push(rect);
      },
      textRun: (run: TextRun) => {
        showsText = true;
        firstTextSeq = Math.min(firstTextSeq, run.seq);
        runBoxes.push(run.box.x0, run.box.y0, run.box.x1, run.box.y1);
      },
      image: (image) => images.push(image),
    });
  } catch {
    const nothing = { showsText: false, firstTextSeq: Number.POSITIVE_INFINITY, opaqueRects: [], textRunBoxes: new Float32Array(0), images: [] };
    return { pageNumber, page, pageBox, isReadable: false, ...nothing };
  }
  // A scan with its OCR layer paints the image first, so most image pages keep no run boxes.
  const mayCoverText = opaqueRects.length > 0 || images.some((image) => image.seq > firstTextSeq);
  if (!mayCoverText) runBoxes = [];
  return { pageNumber, page, pageBox, isReadable: true, showsText, firstTextSeq, opaqueRects, textRunBoxes: Float32Array.from(runBoxes), images };
}
