import { PDFNumber } from '@cantoo/pdf-lib';
import type { PDFDict } from '@cantoo/pdf-lib';
import type { CensusAnnotation } from '../document-census';
import { numbersOf, valueOf } from '../dictionary-entries';
import { ColourSpace, colourKey, luminanceOf } from './colour';
import type { ColourKey } from './colour';
import type { FilledRect } from './content-sink';
import type { Box } from './geometry';
import { darkestCover } from './image-darkness';

/**
 * Which colour entry fills each area annotation (ISO 32000-1 §12.5.6): a highlight is painted in /C, squares
 * and polygons are filled with their interior colour /IC, and a free-text box's background is /C. Redact
 * annotations are another check's business; line-like annotations (Ink, Line, Underline) hide no words.
 */
const fillKeyOf: Readonly<Record<string, string>> = { Highlight: 'C', Square: 'IC', Polygon: 'IC', FreeText: 'C' };
/** Below this opacity (/CA) the words show through (PDF 1.4 constant opacity). */
const leastOpacity = 0.9;
/** Annotation flag bit 2, Hidden (§12.5.3): neither shown nor printed. */
const hiddenFlag = 2;
/** Viewers paint annotations after the page's content, so they are on top of every mark on it. */
const aboveContent = Number.POSITIVE_INFINITY;

/**
 * Dark annotations that can sit over words (docs/court-rules.md#redaction-leaks, x-ray PR #208: dark /Highlight and
 * /Square annotations): a black highlight looks like a redaction but is a layer over text that is still in
 * the file. Each becomes a box painted above the page, by page number; a highlight's quads are a box each.
 */
export function findDarkAnnotationCovers(annotations: readonly CensusAnnotation[]): Map<number, FilledRect[]> {
  const covers = new Map<number, FilledRect[]>();
  for (const annotation of annotations) {
    if (annotation.page === null) {
      continue;
    }
    const fillKey = fillKeyOf[annotation.subtype];
    if (fillKey === undefined || !isShown(annotation.dictionary)) {
      continue;
    }
    const colour = readColour(annotation.dictionary, fillKey);
    const luminance = colour === undefined ? undefined : luminanceOf(colour);
    if (colour === undefined || luminance === undefined || luminance > darkestCover) {
      continue;
    }
    const boxes =
      annotation.subtype === 'Highlight'
        ? (readQuads(annotation.dictionary) ?? readRect(annotation.dictionary))
        : readRect(annotation.dictionary);
    const pageCovers = covers.get(annotation.page) ?? [];
    for (const box of boxes) {
      pageCovers.push({ box, colour, alpha: 1, seq: aboveContent });
    }
    covers.set(annotation.page, pageCovers);
  }
  return covers;
}

function isShown(annotation: PDFDict): boolean {
  const flags = valueOf(annotation, 'F');
  if (flags instanceof PDFNumber && (flags.asNumber() & hiddenFlag) !== 0) {
    return false;
  }
  const opacity = valueOf(annotation, 'CA');
  return !(opacity instanceof PDFNumber) || opacity.asNumber() >= leastOpacity;
}

/** An annotation colour array: 1 number is grey, 3 RGB, 4 CMYK; an empty array is transparent (§12.5.2). */
function readColour(annotation: PDFDict, key: string): ColourKey | undefined {
  const values = numbersOf(annotation, key);
  if (values === null) {
    return undefined;
  }
  if (values.length === 1) {
    return colourKey(ColourSpace.gray, values);
  }
  if (values.length === 3) {
    return colourKey(ColourSpace.rgb, values);
  }
  if (values.length === 4) {
    return colourKey(ColourSpace.cmyk, values);
  }
  return undefined;
}

function readRect(annotation: PDFDict): Box[] {
  const rect = numbersOf(annotation, 'Rect');
  if (rect === null || rect.length !== 4) {
    return [];
  }
  const [left, bottom, right, top] = rect as [number, number, number, number];
  return [
    { x0: Math.min(left, right), y0: Math.min(bottom, top), x1: Math.max(left, right), y1: Math.max(bottom, top) },
  ];
}

/** /QuadPoints: eight numbers a quadrilateral (§12.5.6.10); each is its own box, so a two-line highlight does not cover the gap. */
function readQuads(annotation: PDFDict): Box[] | null {
  const points = numbersOf(annotation, 'QuadPoints');
  if (points === null || points.length < 8) {
    return null;
  }
  const boxes: Box[] = [];
  for (let index = 0; index + 7 < points.length; index += 8) {
    const xs = [points[index]!, points[index + 2]!, points[index + 4]!, points[index + 6]!];
    const ys = [points[index + 1]!, points[index + 3]!, points[index + 5]!, points[index + 7]!];
    boxes.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
  }
  return boxes;
}
