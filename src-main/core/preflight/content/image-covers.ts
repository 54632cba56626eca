import type { FilledRect, PlacedImage } from './content-sink';
import { isRedactionCandidate } from './covered-text';
import type { Box } from './geometry';
import { isDarkImage } from './image-darkness';
import { runStride } from './page-content';
import type { PageContent } from './page-content';

/**
 * An image is not one flat colour, so x-ray's "text in the box's own colour" rule cannot apply to it: only an
 * image painted after the words hides them. The unknown-colour key never equals a text colour.
 */
const noFlatColour = -1;

/**
 * The cheap test for dark images over words (docs/court-rules.md#redaction-leaks, x-ray PR #211): some image painted
 * after text meets a text run and is dark. Runs the sample test only for images that pass the box test.
 */
export function mayHideTextUnderImage(content: PageContent): boolean {
  const runs = content.textRuns;
  if (runs.length === 0) {
    return false;
  }
  return content.images.some(
    (image) => image.seq > content.firstTextSeq && meetsRun(image.box, runs) && isDarkCover(image, content.pageBox),
  );
}

/** Dark images on a page as boxes painted where and when the image was, for the glyph pass. */
export function findDarkImageCovers(images: readonly PlacedImage[], pageBox: Box): FilledRect[] {
  return images
    .filter((image) => isDarkCover(image, pageBox))
    .map((image) => ({ box: image.box, colour: noFlatColour, alpha: 1, seq: image.seq }));
}

function isDarkCover(image: PlacedImage, pageBox: Box): boolean {
  if (image.source === undefined) {
    return false;
  }
  if (!isRedactionCandidate({ box: image.box, colour: noFlatColour, alpha: 1, seq: image.seq }, pageBox)) {
    return false;
  }
  return isDarkImage(image.source, image.fillColour);
}

/** Whether `box` meets any of a page's kept text runs (`PageContent.textRuns`). */
export function meetsRun(box: Box, runs: Float64Array): boolean {
  const { x0, y0, x1, y1 } = box;
  for (let index = 0; index + runStride <= runs.length; index += runStride) {
    if (runs[index]! < x1 && runs[index + 2]! > x0 && runs[index + 1]! < y1 && runs[index + 3]! > y0) {
      return true;
    }
  }
  return false;
}
