import { useEffect, useState, type RefObject } from 'react';
import { useInBackground } from '../state/background';
import { messageForUser } from '../state/message-for-user';
import type { ViewportGeometry } from './page-overlay';
import type { PreviewDocument } from './pdf-document';

/** Where drawing a page stands: under way, drawn (with where its overlays go), or failed with a reason. */
export type PageDrawingState =
  | { readonly state: 'loading' }
  | { readonly state: 'drawn'; readonly viewport: ViewportGeometry }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Draws page `page` of the document into `canvas`, `cssWidth` CSS pixels wide, again whenever the page, the width or
 * the layers asked for change, and once more on `tryAgain`. A drawing no longer wanted is cancelled, so a quick run
 * of page changes ends with the last page drawn, never an older one over it.
 */
export function usePageDrawing(
  canvas: RefObject<HTMLCanvasElement | null>,
  openDocument: () => Promise<PreviewDocument>,
  page: number,
  cssWidth: number,
  showEveryLayer = false,
): { readonly drawing: PageDrawingState; readonly tryAgain: () => void } {
  const [drawing, setDrawing] = useState<PageDrawingState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const inBackground = useInBackground();

  useEffect(() => {
    const target = canvas.current;
    if (!target || cssWidth <= 0) {
      return;
    }
    const stop = new AbortController();
    let cancel = (): void => undefined;
    setDrawing({ state: 'loading' });
    inBackground('Drawing the page', async () => {
      try {
        const document = await openDocument();
        if (stop.signal.aborted) {
          return;
        }
        if (page > document.pageCount) {
          throw new Error(`the document has ${document.pageCount} pages`);
        }
        const pageDrawing = await document.drawPage(page, target, cssWidth, stop.signal, showEveryLayer);
        cancel = pageDrawing.cancel;
        if (stop.signal.aborted) {
          return pageDrawing.cancel();
        }
        await pageDrawing.done;
        if (!stop.signal.aborted) {
          setDrawing({ state: 'drawn', viewport: pageDrawing.viewport });
        }
      } catch (error) {
        if (!stop.signal.aborted) {
          setDrawing({ state: 'failed', message: messageForUser(error) });
        }
      }
    });
    return () => {
      stop.abort();
      cancel();
    };
  }, [canvas, inBackground, openDocument, page, cssWidth, attempt, showEveryLayer]);

  return { drawing, tryAgain: () => setAttempt((count) => count + 1) };
}
