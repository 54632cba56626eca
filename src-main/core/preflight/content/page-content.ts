import { PDFArray, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFObject, PDFPage } from '@cantoo/pdf-lib';
import { readPageTree } from '../parse/page-tree';
import type { FilledRect, Glyph, PlacedImage, TextRun } from './content-sink';
import type { Box } from './geometry';
import { interpretPage } from './interpret-page';
import { isPageScaleImage } from './page-images';
import { countUndecodableContentReads } from './stream-bytes';
import { mayBeUnseen } from './unseen-text';

/**
 * One page as the content checks see it, from a single cheap pass over its content: where it paints opaque
 * boxes, where text runs sit, and its images. The per-glyph work (text decoding, glyph boxes) is left for the
 * few pages where a box meets text, because it would dominate the time on a 4,000-page filing.
 */
export interface PageContent {
  /** The page's number as viewers count pages (page-tree.ts). */
  readonly pageNumber: number;
  readonly page: PDFPage;
  /** The visible area (crop box), in page space. */
  readonly pageBox: Box;
  /** False when the page's content could not be read; the other fields are then empty. */
  readonly isReadable: boolean;
  /** Whether the pass met a content stream of the page (or of a form it draws, the first time one is drawn) that does not decode, so part or all of the page went unread. */
  readonly hasUndecodableContent: boolean;
  /** Whether the page shows any text, visible or not (an OCR layer is invisible text, and it is searchable). */
  readonly showsText: boolean;
  /** Whether some text may be unseen for its place or size alone: off the page, clipped away or tiny (unseen-text.ts). */
  readonly mayHaveUnseenText: boolean;
  /** Fully opaque solid-colour filled rectangles, in painting order. */
  readonly opaqueRects: readonly FilledRect[];
  /** Where the first text is painted in painting order (Infinity when there is none). */
  readonly firstTextSeq: number;
  /**
   * The text runs, kept only when an opaque rectangle or an image could cover them: `runStride` numbers each, the box
   * (x0, y0, x1, y1), the run's place in painting order, its fill colour key (content/colour.ts) and which side of the
   * box its glyphs span (`spanCodes`).
   */
  readonly textRuns: Float64Array;
  readonly images: readonly PlacedImage[];
}

/** A page's glyphs and boxes in painting order, for the pages where the words under a box matter. */
export interface PageGlyphs {
  readonly opaqueRects: readonly FilledRect[];
  readonly glyphs: readonly Glyph[];
  readonly images: readonly PlacedImage[];
}

/** How many numbers of `PageContent.textRuns` describe one run. */
export const runStride = 7;
/** `TextRun.glyphsSpan` as the last number of a run in `PageContent.textRuns`. */
export const spanCodes = { neither: 0, height: 1, width: 2 } as const;

const documentCache = new WeakMap<PDFDocument, readonly PageContent[]>();

/**
 * Every readable page's content summary, from the document's one bounded page walk, read once per document however
 * many checks ask; `onPage` hears of each page read.
 */
export function readPageContents(
  document: PDFDocument,
  onPage?: (pagesDone: number, pageCount: number) => void,
): readonly PageContent[] {
  const cached = documentCache.get(document);
  if (cached) {
    return cached;
  }
  const pages = readPageTree(document).pages;
  const contents = pages.map((page, index) => {
    const content = readPageContent(page.page, page.number);
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
        if (rect.alpha >= 1) {
          opaqueRects.push(rect);
        }
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

/**
 * Where a page's run numbers are gathered, reused from page to page and grown as needed: most pages keep none of them
 * (nothing on the page could cover its text), so they are copied out only for the pages that do.
 */
let runScratch = new Float64Array(runStride * 1024);

function readPageContent(page: PDFPage, pageNumber: number): PageContent {
  const opaqueRects: FilledRect[] = [];
  const images: PlacedImage[] = [];
  let runLength = 0;
  let showsText = false;
  let mayHaveUnseenText = false;
  let firstTextSeq = Number.POSITIVE_INFINITY;
  const pageBox = readVisibleBox(page);
  const undecodableBefore = countUndecodableContentReads(page.node.context);
  try {
    interpretPage(page, {
      fillRect: (rect) => {
        if (rect.alpha >= 1) {
          opaqueRects.push(rect);
        }
      },
      textRun: (run: TextRun) => {
        showsText = true;
        mayHaveUnseenText ||= mayBeUnseen(run, pageBox);
        firstTextSeq = Math.min(firstTextSeq, run.seq);
        if (runLength + runStride > runScratch.length) {
          const grown = new Float64Array(runScratch.length * 2);
          grown.set(runScratch);
          runScratch = grown;
        }
        const box = run.box;
        runScratch[runLength] = box.x0;
        runScratch[runLength + 1] = box.y0;
        runScratch[runLength + 2] = box.x1;
        runScratch[runLength + 3] = box.y1;
        runScratch[runLength + 4] = run.seq;
        runScratch[runLength + 5] = run.colour;
        runScratch[runLength + 6] = spanCodes[run.glyphsSpan];
        runLength += runStride;
      },
      image: (image) => images.push(image),
    });
  } catch {
    const nothing = {
      showsText: false,
      mayHaveUnseenText: false,
      firstTextSeq: Number.POSITIVE_INFINITY,
      opaqueRects: [],
      textRuns: new Float64Array(0),
      images: [],
    };
    return { pageNumber, page, pageBox, isReadable: false, hasUndecodableContent: false, ...nothing };
  }
  // A scan with its OCR layer paints the image first, so most image pages keep no run boxes; a smaller image painted
  // first may be a box the text is printed on (docs/court-rules.md#redaction-leaks).
  const mayCoverText =
    opaqueRects.length > 0 || images.some((image) => image.seq > firstTextSeq || !isPageScaleImage(image, pageBox));
  return {
    pageNumber,
    page,
    pageBox,
    isReadable: true,
    hasUndecodableContent: countUndecodableContentReads(page.node.context) > undecodableBefore,
    showsText,
    mayHaveUnseenText,
    firstTextSeq,
    opaqueRects,
    textRuns: mayCoverText ? runScratch.slice(0, runLength) : new Float64Array(0),
    images,
  };
}

const boxKeys = { crop: PDFName.of('CropBox'), media: PDFName.of('MediaBox') };
/** ISO 32000-1 §7.7.3.3: a page must have a MediaBox; viewers that meet one without it show US Letter, as pdf.js does. */
const letterBox: Box = { x0: 0, y0: 0, x1: 612, y1: 792 };

/** The page's crop box, else its media box (both may be inherited), else a letter page: a page with a missing or damaged box is still read. */
function readVisibleBox(page: PDFPage): Box {
  const lookUp = (key: PDFName): PDFObject | undefined =>
    page.node.context.lookup(page.node.getInheritableAttribute(key));
  try {
    return boxOf(lookUp(boxKeys.crop)) ?? boxOf(lookUp(boxKeys.media)) ?? letterBox;
  } catch {
    return letterBox;
  }
}

function boxOf(value: PDFObject | undefined): Box | null {
  if (!(value instanceof PDFArray) || value.size() !== 4) {
    return null;
  }
  const numbers = [0, 1, 2, 3].map((index) => value.lookup(index));
  if (!numbers.every((item) => item instanceof PDFNumber)) {
    return null;
  }
  const [x0, y0, x1, y1] = numbers.map((item) => (item as PDFNumber).asNumber()) as [number, number, number, number];
  return { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}
