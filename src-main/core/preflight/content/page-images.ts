import type { PlacedImage } from './content-sink';
import { boxArea, intersectBoxes } from './geometry';
import type { Box } from './geometry';

/** Share of the page an image must cover to be a scanned page rather than a logo, seal or signature. */
const scanCoverage = 0.25;

/** Whether `image` covers at least a quarter of the visible page: a scan (court FAQ 44), not a logo. */
export function isPageScaleImage(image: PlacedImage, pageBox: Box): boolean {
  const visible = intersectBoxes(image.box, pageBox);
  const pageArea = boxArea(pageBox);
  return visible !== null && pageArea > 0 && boxArea(visible) >= scanCoverage * pageArea;
}
