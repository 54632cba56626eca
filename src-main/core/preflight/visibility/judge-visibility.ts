import type { CoveredText } from '../content/covered-text';
import { joinGlyphs } from '../content/covered-text';
import type { Glyph } from '../content/content-sink';
import type { Box } from '../content/geometry';
import { darkestCover } from '../content/image-darkness';
import type { RegionRenderer, RenderedRegion } from './render-region';
import type { UndecidedText } from './undecided-text';

/** Points of margin around the rendered region, so anti-aliased edges of the glyphs at its border are inside it. */
const margin = 2;
/** A pixel changed by text when a channel moved by more than this (of 255): the faintest difference a reader sees. */
const visibleChange = 48;
/** A glyph shows when at least this share of the pixels in its box change when the text is drawn. */
const visibleShare = 0.02;

/**
 * Decides, from the rendered page, which undecided glyphs a reader cannot see (docs/court-rules.md#redaction-leaks).
 * The region holding them is drawn twice by pdf.js, once as the page is and once with every text-showing operator
 * skipped; what the text adds to the page is the difference. A glyph is hidden when almost none of the pixels in its
 * box change (under 2 % by more than 48 of 255 in any channel): whatever lies over it or beneath it leaves the
 * reader nothing to see. Text under a cover must also find the cover dark there (mean lightness 0.2 or below), as
 * x-ray counts dark images (PR #211): a light picture laid over words, such as a signature, is not a redaction.
 * Returns one entry for each cover with hidden glyphs; null when the region could not be drawn (undecided).
 */
export async function judgeUndecidedText(
  renderer: RegionRenderer,
  pageNumber: number,
  groups: readonly UndecidedText[],
): Promise<CoveredText[] | null> {
  const region = unionOf(groups.flatMap((group) => group.glyphs.map((glyph) => glyph.box)));
  if (region === null) {
    return [];
  }
  const rendered = await renderer.render(pageNumber, {
    x0: region.x0 - margin,
    y0: region.y0 - margin,
    x1: region.x1 + margin,
    y1: region.y1 + margin,
  });
  if (rendered === null) {
    return null;
  }
  const found: CoveredText[] = [];
  for (const group of groups) {
    const hidden = group.glyphs.filter((glyph) => isHiddenInPixels(rendered, glyph, group.isCoverOnTop));
    if (hidden.length > 0) {
      found.push({ box: group.cover, text: joinGlyphs(hidden) });
    }
  }
  return found;
}

function isHiddenInPixels(rendered: RenderedRegion, glyph: Glyph, isCoverOnTop: boolean): boolean {
  const { left, top, right, bottom } = rendered.toPixels(glyph.box);
  const count = (right - left) * (bottom - top);
  if (count <= 0) {
    return false;
  }
  const { withText, withoutText, width } = rendered;
  let changed = 0;
  let lightness = 0;
  const beneath = [0, 0, 0];
  for (let row = top; row < bottom; row += 1) {
    for (let column = left; column < right; column += 1) {
      const at = (row * width + column) * 4;
      const red = withText[at]!;
      const green = withText[at + 1]!;
      const blue = withText[at + 2]!;
      if (
        Math.abs(red - withoutText[at]!) > visibleChange ||
        Math.abs(green - withoutText[at + 1]!) > visibleChange ||
        Math.abs(blue - withoutText[at + 2]!) > visibleChange
      ) {
        changed += 1;
      }
      lightness += (0.299 * red + 0.587 * green + 0.114 * blue) / 255;
      beneath[0]! += withoutText[at]!;
      beneath[1]! += withoutText[at + 1]!;
      beneath[2]! += withoutText[at + 2]!;
    }
  }
  if (changed > visibleShare * count) {
    return false;
  }
  if (isCoverOnTop) {
    return lightness / count <= darkestCover;
  }
  // Text printed on the cover: its own colour must match what the page shows beneath it, so a font the renderer
  // could not draw is never mistaken for text that blends in.
  const colour = glyph.colour;
  if (colour < 0) {
    return false;
  }
  const channels = [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255];
  return channels.every((channel, index) => Math.abs(channel - beneath[index]! / count) <= visibleChange);
}

function unionOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) {
    return null;
  }
  return boxes.reduce((union, box) => ({
    x0: Math.min(union.x0, box.x0),
    y0: Math.min(union.y0, box.y0),
    x1: Math.max(union.x1, box.x1),
    y1: Math.max(union.y1, box.y1),
  }));
}
