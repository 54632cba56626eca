import type { Glyph, TextRun } from './content-sink';
import { overlapArea } from './geometry';
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
  return overlapArea(first, second) > 0;
}

/**
 * The cheap pass's test: some glyph of the run may be unseen. A run wholly outside the visible page or its clip is
 * unseen. A run may be tiny when its box is under `tiniestReadableText` both ways, or, for text set square to the page,
 * when it is that short across the line and its glyphs average less than that along it (a font whose heights are
 * wrong gives a short run of glyphs of ordinary width, which are seen).
 */
export function mayBeUnseen(run: TextRun, pageBox: Box): boolean {
  if (!meets(run.box, pageBox) || (run.clip !== null && !meets(run.box, run.clip))) {
    return true;
  }
  const across = run.box.x1 - run.box.x0;
  const down = run.box.y1 - run.box.y0;
  const count = Math.max(1, run.glyphCount);
  return (
    (across < tiniestReadableText && down < tiniestReadableText) ||
    (run.glyphsSpan === 'height' && down < tiniestReadableText && across / count < tiniestReadableText) ||
    (run.glyphsSpan === 'width' && across < tiniestReadableText && down / count < tiniestReadableText)
  );
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
