import { useRef, useState } from 'react';
import type { Finding, PageBox } from '../../src-main/shared/preflight';
import { placeBoxOnPage, type ViewportGeometry } from '../preview/page-overlay';
import { useContentWidth } from '../preview/use-content-width';
import { PageDrawingFailed } from '../preview/PageDrawingFailed';
import { usePageDrawing } from '../preview/use-page-drawing';
import type { PreviewDocument } from '../preview/pdf-document';
import './PagePreview.css';

/** What a box marks, read out with it, so a screen reader hears what the eye sees outlined. */
function describeBox(finding: Finding, index: number): string {
  const text = finding.boxes?.length === finding.text?.length ? finding.text?.[index] : undefined;
  if (finding.code === 'bad-redaction') {
    return text ? `text still under it: ${text}` : 'text still under it';
  }
  if (finding.code === 'hidden-text') {
    return text ? `text no one can see: ${text}` : 'text no one can see';
  }
  if (finding.code === 'unapplied-redaction') {
    return 'marked for redaction, never applied';
  }
  if (finding.code === 'hidden-layers') {
    return 'drawn on a layer';
  }
  return text ?? 'where this finding is';
}

/** What the preview needs: the finding whose boxes it outlines, the page to draw, and the opened document. */
export interface PagePreviewProps {
  readonly finding: Finding;
  readonly page: number;
  readonly openDocument: () => Promise<PreviewDocument>;
}

/**
 * One page of the document, drawn at the width of the panel and sharp at the screen's pixel ratio, with the finding's
 * boxes on that page outlined over it in the finding's colour. Each outline can be reached with Tab and says what it marks.
 * For hidden layers a checkbox redraws the page with every layer shown, so the user sees what a hidden layer holds;
 * it starts off, showing the page as the court would first see it.
 */
export function PagePreview({ finding, page, openDocument }: PagePreviewProps) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // Measured on the preview itself, which stays laid out while a failure hides the page, so "Try again" knows the width.
  const width = useContentWidth(container);
  const [showsEveryLayer, setShowsEveryLayer] = useState(false);
  const offersLayers = finding.code === 'hidden-layers';
  const { drawing, tryAgain } = usePageDrawing(canvas, openDocument, page, width, showsEveryLayer);

  const boxes = (finding.boxes ?? []).map((box, index) => ({ box, index })).filter(({ box }) => box.page === page);
  const total = finding.boxes?.length ?? 0;
  return (
    <div
      ref={setContainer}
      className="page-preview"
      data-testid="page-preview"
      data-page={page}
      data-state={drawing.state}
      data-layers={showsEveryLayer ? 'all' : 'as-filed'}
    >
      {offersLayers && (
        <label className="page-preview__layers">
          <input
            type="checkbox"
            data-testid="show-hidden-layers"
            checked={showsEveryLayer}
            onChange={(event) => setShowsEveryLayer(event.target.checked)}
          />
          Show hidden layers
        </label>
      )}
      {drawing.state === 'loading' && (
        <p className="page-preview__status" role="status">
          Drawing page {page}…
        </p>
      )}
      {drawing.state === 'failed' && (
        <PageDrawingFailed
          className="page-preview__status page-preview__status--failed"
          page={page}
          message={drawing.message}
          onTryAgain={tryAgain}
        />
      )}
      <div className="page-preview__frame" hidden={drawing.state === 'failed'}>
        <canvas
          ref={canvas}
          className="page-preview__canvas"
          data-testid="page-canvas"
          role="img"
          aria-label={showsEveryLayer ? `Page ${page}, every layer shown` : `Page ${page}`}
        />
        {drawing.state === 'drawn' &&
          boxes.map(({ box, index }) => (
            <BoxOutline
              key={index}
              box={box}
              viewport={drawing.viewport}
              severity={finding.severity}
              label={`Box ${index + 1} of ${total}: ${describeBox(finding, index)}`}
            />
          ))}
      </div>
    </div>
  );
}

/** One outlined box over the drawn page. */
function BoxOutline({
  box,
  viewport,
  severity,
  label,
}: {
  readonly box: PageBox;
  readonly viewport: ViewportGeometry;
  readonly severity: Finding['severity'];
  readonly label: string;
}) {
  const placement = placeBoxOnPage(box, viewport);
  return (
    <div
      className={`page-preview__box page-preview__box--${severity}`}
      data-testid="page-box"
      role="img"
      aria-label={label}
      tabIndex={0}
      style={{
        left: `${placement.left}%`,
        top: `${placement.top}%`,
        width: `${placement.width}%`,
        height: `${placement.height}%`,
      }}
    />
  );
}
