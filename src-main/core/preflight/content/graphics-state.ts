import { ColourSpace } from './colour';
import type { ColourKey, ColourSpaceKind } from './colour';
import type { FontMetrics } from './font-metrics';
import { identityMatrix } from './geometry';
import type { Box, Matrix } from './geometry';

/**
 * Whether text in render mode `mode` (§9.3.6) shows on the page: 3 (neither fill nor stroke — how OCR layers
 * and hidden text are written) and 7 (clip only) paint nothing.
 */
export function isVisibleRenderMode(mode: number): boolean {
  return mode !== 3 && mode !== 7;
}

/**
 * The part of the graphics state (ISO 32000-1 §8.4, text state §9.3) that decides where things land and
 * whether they can be seen; `q` saves a copy and `Q` restores it.
 */
export class GraphicsState {
  ctm: Matrix = identityMatrix;
  /** The box around the clipping path (W, W*), or null before any clip; what falls outside is never seen. */
  clip: Box | null = null;
  fillSpace: ColourSpaceKind = ColourSpace.gray;
  /** Black, the initial fill colour. */
  fillColour: ColourKey = 0;
  /** The ExtGState /ca constant alpha for fills: 1 is opaque. */
  fillAlpha = 1;
  font: FontMetrics | null = null;
  fontSize = 0;
  charSpacing = 0;
  wordSpacing = 0;
  /** Tz as a factor (100 % = 1). */
  horizontalScale = 1;
  leading = 0;
  rise = 0;
  renderMode = 0;

  /** A copy for the save stack. */
  clone(): GraphicsState {
    return Object.assign(new GraphicsState(), this);
  }
}
