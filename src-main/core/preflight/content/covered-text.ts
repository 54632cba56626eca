import { isIndistinct } from '../visibility/contrast';
import { patternColour } from './colour';
import type { FilledRect, Glyph } from './content-sink';
import { boxArea, overlapArea } from './geometry';
import type { Box } from './geometry';
import { isVisibleRenderMode } from './graphics-state';
import { runStride, spanCodes } from './page-content';
import type { PageContent, PageGlyphs } from './page-content';

/** x-ray drops rectangles within 43 pt of the top edge: court header stamps, not redactions (pdf_utils.get_good_rectangles). */
const headerStrip = 43;
/** Rectangles this thin (points) are rules and table lines, not redaction boxes (x-ray: height or width ≤ 4). */
const thinnest = 4;
/** A glyph is hidden when more than this share of its box is under one box (x-ray's occlusion_threshold). */
export const occlusionThreshold = 0.8;

/** Text that can be copied out from under one box on a page. */
export interface CoveredText {
  readonly box: Box;
  readonly text: string;
}

/** The boxes with hidden text under them, and every glyph found hidden (for the renderer to leave alone). */
export interface CoveredPage {
  readonly covered: CoveredText[];
  readonly hidden: ReadonlySet<Glyph>;
}

/** x-ray's `get_good_rectangles`: an opaque box big enough to hide words and below the header strip. */
export function isRedactionCandidate(rect: FilledRect, pageBox: Box): boolean {
  const { x0, y0, x1, y1 } = rect.box;
  return x1 - x0 > thinnest && y1 - y0 > thinnest && y0 < pageBox.y1 - headerStrip && rect.alpha >= 1;
}

/**
 * The cheap test that decides whether a page needs the glyph pass: some candidate box meets some text run and could
 * hide it as `isHidden` judges, being painted after the run, or before it in a colour the run's cannot be told from.
 * A pattern, shading or blended box meeting text is left for the renderer, which needs the glyphs either way.
 */
export function mayHideText(content: PageContent): boolean {
  const runs = content.textRuns;
  for (const rect of content.opaqueRects) {
    if (!isRedactionCandidate(rect, content.pageBox)) {
      continue;
    }
    const { x0, y0, x1, y1 } = rect.box;
    for (let index = 0; index + runStride <= runs.length; index += runStride) {
      if (!(runs[index]! < x1 && runs[index + 2]! > x0 && runs[index + 1]! < y1 && runs[index + 3]! > y0)) {
        continue;
      }
      if (rect.colour === patternColour) {
        return true;
      }
      if (!mayCoverGlyphs(rect.box, runs, index)) {
        continue;
      }
      if (rect.seq > runs[index + 4]! || (rect.isOutline !== true && isIndistinct(runs[index + 5]!, rect.colour))) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether `box` can cover more than `occlusionThreshold` of a glyph of the run at `index`: when every glyph spans the
 * run's full height (or width), the box must span more than that share of it.
 */
function mayCoverGlyphs(box: Box, runs: Float64Array, index: number): boolean {
  const span = runs[index + 6];
  if (span === spanCodes.height) {
    const height = runs[index + 3]! - runs[index + 1]!;
    return Math.min(box.y1, runs[index + 3]!) - Math.max(box.y0, runs[index + 1]!) > occlusionThreshold * height;
  }
  if (span === spanCodes.width) {
    const width = runs[index + 2]! - runs[index]!;
    return Math.min(box.x1, runs[index + 2]!) - Math.max(box.x0, runs[index]!) > occlusionThreshold * width;
  }
  return true;
}

/**
 * x-ray's geometry (`get_intersecting_chars`, `group_chars_by_rect`), judged by what a reader sees
 * (docs/court-rules.md#redaction-leaks): a glyph is hidden by a box painted after it, or by the box it is printed
 * on when the two colours cannot be told apart (black text on a black box, as a word processor's black
 * highlighting or shading draws it, or white on white); it counts when more than 80 % of it is under such a box.
 * Each hidden glyph goes to the box that covers most of it (the top-most on a tie). Invisible text (render mode 3)
 * is treated like any other: it is still there to be copied. Boxes of a pattern, a shading or a blended fill are
 * left to the renderer (visibility/judge-visibility.ts). Boxes with nothing under them are left out.
 */
export function findCoveredText(page: PageGlyphs, pageBox: Box): CoveredPage {
  const candidates = page.opaqueRects
    .filter((rect) => rect.colour !== patternColour && isRedactionCandidate(rect, pageBox))
    .sort((first, second) => second.seq - first.seq);
  const hidden = new Set<Glyph>();
  if (candidates.length === 0) {
    return { covered: [], hidden };
  }
  const covered = new Map<FilledRect, Glyph[]>();
  const marks = marksOf(page);
  for (const glyph of page.glyphs) {
    if (!isHidden(glyph, candidates, marks)) {
      continue;
    }
    const owner = largestCover(glyph, candidates);
    if (!owner) {
      continue;
    }
    hidden.add(glyph);
    const glyphs = covered.get(owner) ?? [];
    glyphs.push(glyph);
    covered.set(owner, glyphs);
  }
  return {
    covered: [...covered]
      .filter(([rect]) => isUniform(rect, page))
      .map(([rect, glyphs]) => ({ box: rect.box, text: joinGlyphs(glyphs) })),
    hidden,
  };
}

/** The candidate that covers most of the glyph; candidates come top-most first, so a tie goes to the top-most. */
function largestCover(glyph: Glyph, candidates: readonly FilledRect[]): FilledRect | undefined {
  let owner: FilledRect | undefined;
  let largest = 0;
  for (const rect of candidates) {
    const overlap = overlapArea(rect.box, glyph.box);
    if (overlap > largest) {
      largest = overlap;
      owner = rect;
    }
  }
  return owner;
}

/**
 * Stands in for x-ray's pixel test (`filter_redactions_by_pixmap`: keep a box only if it renders as one flat
 * colour), which needs a renderer: a box is not flat when visible text of another colour, another box or an
 * image is painted mostly inside it afterwards — a page background with the content drawn on top, for one.
 * Strokes are not counted, so a black box with grey hatching still counts as the solid box it is.
 */
function isUniform(rect: FilledRect, page: PageGlyphs): boolean {
  const isOnTop = (mark: { box: Box; seq: number }): boolean => mark.seq > rect.seq && mostlyInside(mark.box, rect.box);
  if (
    page.glyphs.some(
      (glyph) => isVisibleRenderMode(glyph.renderMode) && !isIndistinct(glyph.colour, rect.colour) && isOnTop(glyph),
    )
  ) {
    return false;
  }
  if (page.opaqueRects.some((other) => !isIndistinct(other.colour, rect.colour) && isOnTop(other))) {
    return false;
  }
  return !page.images.some(isOnTop);
}

/** More than half of the smaller of the two boxes lies in their overlap. */
function mostlyInside(mark: Box, box: Box): boolean {
  return overlapArea(mark, box) > 0.5 * Math.min(boxArea(mark), boxArea(box));
}

/** Marks painted between a box and the text on it: more than this many and the page is not a word processor's highlighting. */
const mostMarksBetween = 10_000;

/**
 * Hidden when more than 80 % of the glyph lies under one box painted after it, or when the top-most box painted
 * before it that covers that much of it is a true rectangle of a colour the glyph cannot be told from, and every mark
 * painted between the two is known and none of another colour lies over a fifth of the glyph (a white backing box on
 * a black one). A stroke or a translucent fill in between is not modelled, so the glyph is then not judged hidden.
 */
function isHidden(glyph: Glyph, candidates: readonly FilledRect[], page: PageMarks): boolean {
  const area = boxArea(glyph.box);
  if (!(area > 0)) {
    return false;
  }
  let beneath: FilledRect | undefined;
  for (const rect of candidates) {
    const share = overlapArea(rect.box, glyph.box) / area;
    if (!(share > occlusionThreshold)) {
      continue;
    }
    if (rect.seq > glyph.seq) {
      return true;
    }
    // Candidates come top-most first, so the first one painted before the glyph is what it is printed on.
    beneath ??= rect;
  }
  if (beneath === undefined || beneath.isOutline === true || !isIndistinct(glyph.colour, beneath.colour)) {
    return false;
  }
  const under = beneath;
  if (glyph.seq - under.seq > mostMarksBetween) {
    return false;
  }
  for (let seq = under.seq + 1; seq < glyph.seq; seq += 1) {
    if (!page.knownSeqs.has(seq)) {
      return false;
    }
  }
  const isBetween = (mark: { readonly seq: number; readonly box: Box }): boolean =>
    mark.seq > under.seq && mark.seq < glyph.seq && overlapArea(mark.box, glyph.box) / area > 1 - occlusionThreshold;
  return !(
    page.rects.some((rect) => isBetween(rect) && !isIndistinct(glyph.colour, rect.colour)) ||
    page.images.some(isBetween)
  );
}

/** What a page paints, as `isHidden` needs it. */
interface PageMarks {
  readonly rects: readonly FilledRect[];
  readonly images: readonly { readonly seq: number; readonly box: Box }[];
  /** The painting-order numbers of every fill, glyph and image reported. */
  readonly knownSeqs: ReadonlySet<number>;
}

function marksOf(page: PageGlyphs): PageMarks {
  const knownSeqs = new Set<number>();
  for (const mark of [...page.opaqueRects, ...page.glyphs, ...page.images]) {
    knownSeqs.add(mark.seq);
  }
  return { rects: page.opaqueRects, images: page.images, knownSeqs };
}

/** Glyphs in painting order, with a space where the page leaves a word gap or starts a new line without writing one. */
export function joinGlyphs(glyphs: readonly Glyph[]): string {
  let text = '';
  let previous: Glyph | undefined;
  for (const glyph of glyphs) {
    if (previous && !/\s$/.test(text) && !/^\s/.test(glyph.text)) {
      const height = glyph.box.y1 - glyph.box.y0;
      const isNewLine = Math.abs(glyph.box.y0 - previous.box.y0) > height / 2;
      const isWordGap = glyph.box.x0 - previous.box.x1 > height * 0.25;
      if (isNewLine || isWordGap) {
        text += ' ';
      }
    }
    text += glyph.text;
    previous = glyph;
  }
  return text;
}
