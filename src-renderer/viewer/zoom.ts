/** How the page is sized: to the viewer's width, or at a share of its printed size. */
export type Zoom = { readonly kind: 'fit-width' } | { readonly kind: 'percent'; readonly percent: number };

/** The sizes zooming in and out steps through, as percentages of the printed page. */
export const zoomSteps: readonly number[] = [50, 75, 100, 125, 150, 200, 300];

/** CSS pixels a PDF point takes at 100%: CSS has 96 pixels an inch, PDF 72 points. */
const pixelsPerPoint = 96 / 72;

/** The width a page is drawn at, in CSS pixels, for a page `pageWidth` points wide in a viewer `availableWidth` wide. */
export function pageWidthFor(zoom: Zoom, pageWidth: number, availableWidth: number): number {
  return Math.max(
    1,
    Math.floor(zoom.kind === 'fit-width' ? availableWidth : pageWidth * pixelsPerPoint * (zoom.percent / 100)),
  );
}

/** The percentage a drawn width stands for, as the zoom buttons name it ("Fit width" shows its size too). */
export function percentOf(drawnWidth: number, pageWidth: number): number {
  return Math.round((drawnWidth / (pageWidth * pixelsPerPoint)) * 100);
}

/** The next step up (or down) from the size shown now; null at either end. */
export function stepZoom(currentPercent: number, direction: 1 | -1): number | null {
  const next =
    direction === 1
      ? zoomSteps.find((step) => step > currentPercent)
      : [...zoomSteps].reverse().find((step) => step < currentPercent);
  return next ?? null;
}
