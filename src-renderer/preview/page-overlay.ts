import type { PageBox } from '../../src-main/shared/preflight';

/**
 * What the overlays need of a page's viewport (pdf.js `PageViewport` has these): the transform from PDF user space
 * to viewport pixels, which carries the crop box's origin, the page's rotation and the scale, and the viewport's size.
 */
export interface ViewportGeometry {
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** Where an overlay sits over the drawn page, as percentages of the page's width and height, so it follows the canvas at any size. */
export interface OverlayPlacement {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Places a box given in PDF user-space points (origin bottom-left) over a page drawn with `viewport`: both corners go
 * through the viewport's transform (as pdf.js `convertToViewportRectangle` does), and the rectangle between them,
 * whichever way the page is rotated, becomes percentages of the viewport.
 */
export function placeBoxOnPage(
  box: Pick<PageBox, 'x0' | 'y0' | 'x1' | 'y1'>,
  viewport: ViewportGeometry,
): OverlayPlacement {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = viewport.transform;
  const toViewport = (x: number, y: number): [number, number] => [a * x + c * y + e, b * x + d * y + f];
  const [firstX, firstY] = toViewport(box.x0, box.y0);
  const [secondX, secondY] = toViewport(box.x1, box.y1);
  const left = Math.min(firstX, secondX);
  const top = Math.min(firstY, secondY);
  return {
    left: (left / viewport.width) * 100,
    top: (top / viewport.height) * 100,
    width: ((Math.max(firstX, secondX) - left) / viewport.width) * 100,
    height: ((Math.max(firstY, secondY) - top) / viewport.height) * 100,
  };
}
