import type { PDFRawStream } from '@cantoo/pdf-lib';
import type { ColourKey } from './colour';
import type { Box } from './geometry';

/**
 * What the interpreter reports as it paints a page. Every mark carries `seq`, its place in painting order,
 * because x-ray's rule turns on whether a box was painted after the text beneath it (later paints on top).
 */

/** A rectangle of a filled path, in page space. */
export interface FilledRect {
  readonly box: Box;
  readonly colour: ColourKey;
  /** Constant fill alpha (ExtGState /ca); 1 is opaque. */
  readonly alpha: number;
  readonly seq: number;
  /** The box around a filled shape that is not a rectangle (a curve, an outline): it does not fill all of its box. */
  readonly isOutline?: boolean;
}

/** Text painted by one text-showing operator (Tj, TJ, ', "), or one glyph of it. */
interface TextMark {
  readonly box: Box;
  readonly colour: ColourKey;
  readonly renderMode: number;
  readonly seq: number;
  /** The box around the clipping path in force (null when none): what lies wholly outside it is never seen. */
  readonly clip: Box | null;
}

/** The extent of one text-showing operator (Tj, TJ, ', "). */
export interface TextRun extends TextMark {
  /**
   * Which side of the run's box every one of its glyphs spans in full: its height when the text is set upright or
   * upside down, its width when it is turned a quarter, neither when it is turned by another angle or skewed.
   */
  readonly glyphsSpan: 'height' | 'width' | 'neither';
  /** How many glyphs the run shows. */
  readonly glyphCount: number;
}

/** One shown glyph with the text it stands for (reported only when a page's words are asked for). */
export interface Glyph extends TextMark {
  readonly text: string;
}

/** An image painted on the page (XObject or inline), with where it landed and how sharp it is there. */
export interface PlacedImage {
  readonly box: Box;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** Pixels per inch along the image's own width and height as placed (1 inch = 72 points). */
  readonly ppiAcross: number;
  readonly ppiDown: number;
  readonly seq: number;
  /** The image XObject, so a check can look at its samples; absent for inline images. */
  readonly source?: PDFRawStream;
  /** The fill colour when it was painted: what an image mask (§8.9.6.2) paints with. */
  readonly fillColour: ColourKey;
}

/** Receives a page's marks in painting order. `glyph` is optional: leaving it out skips the per-glyph work. */
export interface ContentSink {
  fillRect(rect: FilledRect): void;
  /** The run and its box are filled afresh for the next run (one record serves them all): a sink that keeps a run copies it. */
  textRun(run: TextRun): void;
  image(image: PlacedImage): void;
  glyph?(glyph: Glyph): void;
}
