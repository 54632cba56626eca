import type { Glyph, TextRun } from './content-sink';
import type { Box } from './geometry';

/**
 * Text printed smaller than this (points, the height of its glyphs on the page) cannot be read on screen or on paper:
 * at 100 % zoom a point is about a pixel and a third (docs/court-rules.md#redaction-leaks).
 */
export const tiniestReadableText = 1;

/** Why a reader cannot see text that is in the file, when nothing is painted over it. */
export type UnseenReason = 'off-page' | 'clipped' | 'tiny';

/** Whether two boxes share any area. */
function meets(first: Box, second: Box): boolean {
  return first.x0 < second.x1 && first.x1 > second.x0 && first.y0 < second.y1 && first.y1 > second.y0;
}

/**
 * The cheap pass's test: some glyph of the run may be unseen. A run wholly outside the visible page or its clip is
 * unseen; so is one whose glyphs are all shorter than `tiniestReadableText`, which the run's box tells only when the
 * text is set square to the page (a run turned by another angle counts only when its whole box is that small).
 */
export function mayBeUnseen(run: TextRun, pageBox: Box): boolean {
  if (!meets(run.box, pageBox) || (run.clip !== null && !meets(run.box, run.clip))) {
    return true;
  }
  const { x0, y0, x1, y1 } = run.box;
  const isShort = y1 - y0 < tiniestReadableText;
  const isNarrow = x1 - x0 < tiniestReadableText;
  return (isShort && isNarrow) || (run.glyphsSpan === 'height' && isShort) || (run.glyphsSpan === 'width' && isNarrow);
}

/**
 * Why a glyph cannot be seen, or null when it can (as far as its place and size tell): it lies wholly outside the
 * visible page (the crop box) or outside its clip, or the whole glyph is smaller than `tiniestReadableText` each way.
 */
export function unseenReason(glyph: Glyph, pageBox: Box): UnseenReason | null {
  const { x0, y0, x1, y1 } = glyph.box;
  if (!(x1 > x0 && y1 > y0)) {
    return null;
  }
  if (!meets(glyph.box, pageBox)) {
    return 'off-page';
  }
  if (glyph.clip !== null && !meets(glyph.box, glyph.clip)) {
    return 'clipped';
  }
  return x1 - x0 < tiniestReadableText && y1 - y0 < tiniestReadableText ? 'tiny' : null;
}
