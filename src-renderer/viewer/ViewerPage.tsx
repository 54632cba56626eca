import { useRef } from 'react';
import type { PageBox } from '../../src-main/shared/preflight';
import { placeBoxOnPage } from '../preview/page-overlay';
import type { PreviewDocument } from '../preview/pdf-document';
import { PageDrawingFailed } from '../preview/PageDrawingFailed';
import { usePageDrawing } from '../preview/use-page-drawing';

/** A found word to mark on the page, and whether it is the one the find bar is on. */
export interface PageHighlight {
  readonly box: PageBox;
  readonly isCurrent: boolean;
}

/** What one drawn page needs: the opened document, which page, how wide, and the found words to mark on it. */
export interface ViewerPageProps {
  readonly openDocument: () => Promise<PreviewDocument>;
  readonly page: number;
  readonly cssWidth: number;
  readonly highlights: readonly PageHighlight[];
}

/**
 * The one page the viewer shows, drawn `cssWidth` CSS pixels wide and sharp at the screen's pixel ratio, with the
 * find bar's matches marked over it. Only this page is ever drawn, so a 2,000-page exhibit opens as fast as a letter.
 */
export function ViewerPage({ openDocument, page, cssWidth, highlights }: ViewerPageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { drawing, tryAgain } = usePageDrawing(canvas, openDocument, page, cssWidth);

  return (
    <div className="document-viewer__page" data-testid="viewer-page" data-page={page} data-state={drawing.state}>
      {drawing.state === 'failed' && (
        <PageDrawingFailed
          className="document-viewer__status document-viewer__status--failed"
          page={page}
          message={drawing.message}
          onTryAgain={tryAgain}
        />
      )}
      <div className="document-viewer__sheet" style={{ width: `${cssWidth}px` }} hidden={drawing.state === 'failed'}>
        <canvas
          ref={canvas}
          className="document-viewer__canvas"
          data-testid="viewer-canvas"
          role="img"
          aria-label={`Page ${page}`}
        />
        {drawing.state === 'drawn' &&
          highlights.map(({ box, isCurrent }, index) => {
            const placement = placeBoxOnPage(box, drawing.viewport);
            return (
              <mark
                key={index}
                className={`document-viewer__match${isCurrent ? ' document-viewer__match--current' : ''}`}
                data-testid="viewer-match"
                data-current={isCurrent}
                style={{
                  left: `${placement.left}%`,
                  top: `${placement.top}%`,
                  width: `${placement.width}%`,
                  height: `${placement.height}%`,
                }}
              />
            );
          })}
      </div>
    </div>
  );
}
