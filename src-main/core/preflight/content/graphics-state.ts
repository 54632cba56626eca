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
  /** An ExtGState soft mask (/SMask other than /None) is in force. */
  hasSoftMask = false;
  /** An ExtGState blend mode other than Normal is in force. */
  hasBlendMode = false;
  font: FontMetrics | null = null;
  fontSize = 0;
  charSpacing = 0;
  wordSpacing = 0;
  /** Tz as a factor (100 % = 1). */
  horizontalScale = 1;
  leading = 0;
  rise = 0;
  renderMode = 0;

  /** Whether fills are mixed with what lies beneath (a soft mask or blend mode), so their colour is not what shows. */
  get isBlended(): boolean {
    return this.hasSoftMask || this.hasBlendMode;
  }

  /** A copy for the save stack, field by field: q runs thousands of times a page, and Object.assign is slower. */
  clone(): GraphicsState {
    const copy = new GraphicsState();
    copy.ctm = this.ctm;
    copy.clip = this.clip;
    copy.fillSpace = this.fillSpace;
    copy.fillColour = this.fillColour;
    copy.fillAlpha = this.fillAlpha;
    copy.hasSoftMask = this.hasSoftMask;
    copy.hasBlendMode = this.hasBlendMode;
    copy.font = this.font;
    copy.fontSize = this.fontSize;
    copy.charSpacing = this.charSpacing;
    copy.wordSpacing = this.wordSpacing;
    copy.horizontalScale = this.horizontalScale;
    copy.leading = this.leading;
    copy.rise = this.rise;
    copy.renderMode = this.renderMode;
    return copy;
  }
}
