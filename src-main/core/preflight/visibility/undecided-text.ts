import { luminanceOf, patternColour } from '../content/colour';
import type { Glyph, PlacedImage } from '../content/content-sink';
import { isRedactionCandidate, occlusionThreshold } from '../content/covered-text';
import { boxArea, overlapArea } from '../content/geometry';
import type { Box } from '../content/geometry';
import { isVisibleRenderMode } from '../content/graphics-state';
import { meetsRun } from '../content/image-covers';
import { imageLuminance } from '../content/image-darkness';
import type { PageContent, PageGlyphs } from '../content/page-content';
import { isPageScaleImage } from '../content/page-images';

/**
 * Text over an image whose overall lightness is within this of the text's own may not stand out from it
 * (dark text on a dark photograph): only the rendered pixels can say.
 */
const closeLightness = 0.35;

/** Something painted on a page whose colour where it meets text only a renderer can tell. */
interface UndecidedCover {
  readonly box: Box;
  readonly seq: number;
  /** The mean lightness of the whole cover when known (a Flate image), else null. */
  readonly luminance: number | null;
}

/** Glyphs whose visibility turns on one undecided cover: painted over them (`isCoverOnTop`) or beneath them. */
export interface UndecidedText {
  readonly cover: Box;
  readonly isCoverOnTop: boolean;
  readonly glyphs: readonly Glyph[];
}

/**
 * The cheap test for the same covers: a pattern, shading or blended fill, or an image the samples cannot judge,
 * that meets a text run. Pattern fills are among the page's opaque rectangles, so `mayHideText` already finds
 * them; this adds the images, whether painted over the text or beneath it.
 */
export function mayHideTextUndecided(content: PageContent): boolean {
  const runs = content.textRuns;
  if (runs.length === 0) {
    return false;
  }
  return content.images.some((image) => meetsRun(image.box, runs) && undecidedImage(image, content.pageBox) !== null);
}

/**
 * Glyphs on a page that the vector reading cannot judge (docs/court-rules.md#redaction-leaks): more than 80 % of
 * the glyph lies under a pattern, shading or blended fill, or an image the samples cannot judge, painted after
 * it; or a visible glyph sits on such a cover (the top-most thing painted beneath it) whose lightness may be
 * close to its own. `decided` holds the glyphs the vector reading already found hidden.
 */
export function findUndecidedText(page: PageGlyphs, pageBox: Box, decided: ReadonlySet<Glyph>): UndecidedText[] {
  const covers: UndecidedCover[] = [];
  for (const rect of page.opaqueRects) {
    if (rect.colour === patternColour && isRedactionCandidate(rect, pageBox)) {
      covers.push({ box: rect.box, seq: rect.seq, luminance: null });
    }
  }
  for (const image of page.images) {
    const cover = undecidedImage(image, pageBox);
    if (cover !== null) {
      covers.push(cover);
    }
  }
  if (covers.length === 0) {
    return [];
  }
  // What lies beneath a glyph may also be a solid box painted after the cover, which decides it.
  const solids = page.opaqueRects.filter((rect) => rect.colour !== patternColour);
  const groups = new Map<UndecidedCover, { isCoverOnTop: boolean; glyphs: Glyph[] }>();
  const add = (cover: UndecidedCover, isCoverOnTop: boolean, glyph: Glyph): void => {
    const group = groups.get(cover) ?? { isCoverOnTop, glyphs: [] };
    group.glyphs.push(glyph);
    groups.set(cover, group);
  };
  for (const glyph of page.glyphs) {
    const area = boxArea(glyph.box);
    if (decided.has(glyph) || !(area > 0)) {
      continue;
    }
    const isMostlyUnder = (box: Box): boolean => overlapArea(box, glyph.box) / area > occlusionThreshold;
    // An image painted over text whose samples were read is settled: dark it is a cover, light a picture.
    const over = topMost(
      covers.filter((cover) => cover.seq > glyph.seq && cover.luminance === null && isMostlyUnder(cover.box)),
    );
    if (over) {
      add(over, true, glyph);
      continue;
    }
    if (!isVisibleRenderMode(glyph.renderMode)) {
      continue;
    }
    const beneath = topMost(covers.filter((cover) => cover.seq < glyph.seq && isMostlyUnder(cover.box)));
    const solidBeneath = topMost(solids.filter((rect) => rect.seq < glyph.seq && isMostlyUnder(rect.box)));
    if (beneath && (!solidBeneath || solidBeneath.seq < beneath.seq) && mayBlendIn(glyph, beneath)) {
      add(beneath, false, glyph);
    }
  }
  return [...groups].map(([cover, group]) => ({ cover: cover.box, ...group }));
}

/** An image that could hide words and whose look the samples do not settle; scans of whole pages are pages, not covers. */
function undecidedImage(image: PlacedImage, pageBox: Box): UndecidedCover | null {
  if (isPageScaleImage(image, pageBox) || !isRedactionCandidate({ ...image, colour: -1, alpha: 1 }, pageBox)) {
    return null;
  }
  const luminance = image.source ? imageLuminance(image.source, image.fillColour) : null;
  return { box: image.box, seq: image.seq, luminance };
}

/**
 * Whether a glyph might not stand out from the cover beneath it: the cover's look is unknown, or its mean lightness
 * is close to the text's. A dark image over text was already judged a cover by its samples.
 */
function mayBlendIn(glyph: Glyph, cover: UndecidedCover): boolean {
  const text = luminanceOf(glyph.colour);
  if (cover.luminance === null || text === undefined) {
    return true;
  }
  return Math.abs(cover.luminance - text) <= closeLightness;
}

function topMost<T extends { readonly seq: number }>(items: readonly T[]): T | undefined {
  let top: T | undefined;
  for (const item of items) {
    if (!top || item.seq > top.seq) {
      top = item;
    }
  }
  return top;
}
