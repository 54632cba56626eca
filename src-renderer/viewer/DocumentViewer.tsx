import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { downloadFile } from '../filings/download-file';
import type { PageSize, PreviewDocument } from '../preview/pdf-document';
import { useContentWidth } from '../preview/use-content-width';
import { useInBackground } from '../state/background';
import { messageForUser } from '../state/message-for-user';
import { FindBar } from './FindBar';
import { printDocument } from './print-document';
import { useFindInDocument } from './use-find-in-document';
import { ViewerPage } from './ViewerPage';
import { pageWidthFor, percentOf, stepZoom, type Zoom } from './zoom';
import './DocumentViewer.css';

type Opening =
  | { readonly state: 'loading' }
  | { readonly state: 'open'; readonly document: PreviewDocument }
  | { readonly state: 'failed'; readonly message: string };

/** What the viewer needs: what to call the document, how to open it for drawing, and its bytes for a saved copy. */
export interface DocumentViewerProps {
  /** The document's name as the screen shows it ("Main Document", "Motion.pdf"). */
  readonly name: string;
  /** The name a saved copy gets. */
  readonly fileName: string;
  readonly openDocument: () => Promise<PreviewDocument>;
  readonly readBytes: () => Promise<Uint8Array>;
}

/** Whether a key press comes from a field that uses the keys itself (typing a page number, a word to find). */
function isTyping(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLInputElement;
}

/**
 * A PDF viewer for the documents the app keeps (a notice's saved free look, a document added for filing): page
 * through it with the buttons or PageUp/PageDown and the arrow keys, go to a page, zoom (fit width, in and out, + and
 * -), find words with every match marked, save a copy and print. Only the page shown is drawn. pdf.js draws it with
 * the app's settings (no eval, no scripts), so nothing in the PDF runs.
 */
export function DocumentViewer({ name, fileName, openDocument, readBytes }: DocumentViewerProps) {
  const [opening, setOpening] = useState<Opening>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [page, setPage] = useState(1);
  const [size, setSize] = useState<PageSize | null>(null);
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fit-width' });
  const [query, setQuery] = useState('');
  const [chosenMatch, setChosenMatch] = useState<{ readonly query: string; readonly index: number } | null>(null);
  const [printingPage, setPrintingPage] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const [area, setArea] = useState<HTMLDivElement | null>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const inBackground = useInBackground();
  const document = opening.state === 'open' ? opening.document : null;
  const pageCount = document?.pageCount ?? 0;
  const found = useFindInDocument(document, query);
  // The page area's padding stays around a page drawn to fit.
  const availableWidth = Math.max(0, useContentWidth(area) - 32);

  useEffect(() => {
    let isCurrent = true;
    // Another document (the reader moved to another notice) starts at its first page, with nothing searched.
    setOpening({ state: 'loading' });
    setPage(1);
    setQuery('');
    openDocument().then(
      (opened) => isCurrent && setOpening({ state: 'open', document: opened }),
      (error: unknown) => isCurrent && setOpening({ state: 'failed', message: messageForUser(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [openDocument, attempt]);

  useEffect(() => {
    if (!document) {
      return;
    }
    let isCurrent = true;
    document.pageSize(page).then(
      (measured) => isCurrent && setSize(measured),
      () => isCurrent && setSize({ width: 612, height: 792 }),
    );
    return () => {
      isCurrent = false;
    };
  }, [document, page]);

  // The match shown: the one chosen in this search, or, once a new search is done, its first match on or after the page
  // shown. Worked out here rather than in an effect, so the count and Enter agree from the first moment it shows.
  const isChosenNow = chosenMatch?.query === found.query;
  const firstFromPage = Math.max(
    0,
    found.matches.findIndex((match) => match.page >= page),
  );
  const matchIndex = isChosenNow ? chosenMatch.index : found.isDone && found.matches.length > 0 ? firstFromPage : null;
  // A new search, once done, shows the page of its first match; the match chosen in another search is forgotten, so the
  // same words searched again start afresh.
  useEffect(() => {
    if (isChosenNow) {
      return;
    }
    setChosenMatch(matchIndex === null ? null : { query: found.query, index: matchIndex });
    if (matchIndex !== null) {
      setPage(found.matches[matchIndex]?.page ?? page);
    }
  }, [found, isChosenNow, matchIndex, page]);

  const goTo = (wanted: number): void => {
    if (pageCount > 0) {
      setPage(Math.min(pageCount, Math.max(1, Math.round(wanted))));
    }
  };
  const drawnWidth = size ? pageWidthFor(zoom, size.width, availableWidth) : 0;
  const percent = size && drawnWidth > 0 ? percentOf(drawnWidth, size.width) : 100;
  const zoomBy = (direction: 1 | -1): void => {
    const next = stepZoom(percent, direction);
    if (next !== null) {
      setZoom({ kind: 'percent', percent: next });
    }
  };
  const showMatch = (direction: 1 | -1): void => {
    const count = found.matches.length;
    if (count === 0) {
      return;
    }
    const index = matchIndex === null ? 0 : (matchIndex + direction + count) % count;
    setChosenMatch({ query: found.query, index });
    setPage(found.matches[index]?.page ?? page);
  };

  const saveCopy = (): void =>
    inBackground('Saving a copy', async () => {
      try {
        downloadFile(await readBytes(), fileName, 'application/pdf');
        setNotice(`A copy is being saved as “${fileName}”: it goes where your downloads go, or where you choose.`);
      } catch (error) {
        setNotice(`No copy was saved: ${messageForUser(error)} Try again; the document stays in ECF Desk either way.`);
      }
    });

  const print = (): void => {
    if (!document || printingPage !== null) {
      return;
    }
    inBackground('Printing the document', async () => {
      setNotice('');
      try {
        await printDocument(document, new AbortController().signal, setPrintingPage);
      } catch (error) {
        setNotice(
          `The document could not be printed: ${messageForUser(error)} Try again, or save a copy and print that.`,
        );
      } finally {
        setPrintingPage(null);
      }
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      findInput.current?.focus();
      return;
    }
    if (isTyping(event) || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const actions: Record<string, () => void> = {
      PageDown: () => goTo(page + 1),
      ArrowRight: () => goTo(page + 1),
      PageUp: () => goTo(page - 1),
      ArrowLeft: () => goTo(page - 1),
      Home: () => goTo(1),
      End: () => goTo(pageCount),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  if (opening.state !== 'open') {
    return (
      <section
        className="document-viewer"
        data-testid="document-viewer"
        data-state={opening.state}
        aria-label={`Viewer: ${name}`}
      >
        {opening.state === 'loading' ? (
          <p className="document-viewer__status" role="status">
            Opening {name}…
          </p>
        ) : (
          <div className="document-viewer__status document-viewer__status--failed" role="alert">
            <p>
              {name} could not be opened. {opening.message}
            </p>
            <button type="button" className="button button--small" onClick={() => setAttempt((count) => count + 1)}>
              Try again
            </button>
          </div>
        )}
      </section>
    );
  }

  const currentMatch = matchIndex === null ? null : found.matches[matchIndex];
  const highlights = found.matches
    .filter((match) => match.page === page)
    .flatMap((match) => match.boxes.map((box) => ({ box, isCurrent: match === currentMatch })));
  return (
    <section
      className="document-viewer"
      data-testid="document-viewer"
      data-state="open"
      aria-label={`Viewer: ${name}`}
      onKeyDown={onKeyDown}
    >
      <div className="document-viewer__toolbar" role="toolbar" aria-label={`Pages and zoom of ${name}`}>
        <div className="document-viewer__group">
          <button
            type="button"
            className="button button--small"
            data-testid="viewer-previous-page"
            disabled={page <= 1}
            onClick={() => goTo(page - 1)}
          >
            Previous page
          </button>
          <PageNumberField page={page} pageCount={pageCount} onGo={goTo} />
          <button
            type="button"
            className="button button--small"
            data-testid="viewer-next-page"
            disabled={page >= pageCount}
            onClick={() => goTo(page + 1)}
          >
            Next page
          </button>
        </div>
        <div className="document-viewer__group">
          <button
            type="button"
            className="button button--small"
            aria-label="Zoom out"
            aria-keyshortcuts="-"
            disabled={stepZoom(percent, -1) === null}
            onClick={() => zoomBy(-1)}
          >
            −
          </button>
          <span className="document-viewer__zoom" data-testid="viewer-zoom" aria-live="polite">
            {zoom.kind === 'fit-width' ? `Fit width (${percent}%)` : `${percent}%`}
          </span>
          <button
            type="button"
            className="button button--small"
            aria-label="Zoom in"
            aria-keyshortcuts="+"
            disabled={stepZoom(percent, 1) === null}
            onClick={() => zoomBy(1)}
          >
            +
          </button>
          <button
            type="button"
            className="button button--small"
            aria-pressed={zoom.kind === 'fit-width'}
            onClick={() => setZoom({ kind: 'fit-width' })}
          >
            Fit width
          </button>
        </div>
        <div className="document-viewer__group">
          <button type="button" className="button button--small" data-testid="viewer-save" onClick={saveCopy}>
            Save a copy
          </button>
          <button
            type="button"
            className="button button--small"
            data-testid="viewer-print"
            disabled={printingPage !== null}
            onClick={print}
          >
            {printingPage === null ? 'Print…' : `Preparing page ${printingPage} of ${pageCount}…`}
          </button>
        </div>
      </div>
      <FindBar
        ref={findInput}
        query={query}
        found={found}
        pageCount={pageCount}
        matchIndex={matchIndex}
        onQueryChange={setQuery}
        onShowMatch={showMatch}
      />
      <p className="document-viewer__notice" role="status" data-testid="viewer-notice">
        {notice}
      </p>
      <div
        ref={setArea}
        className="document-viewer__area"
        data-testid="viewer-area"
        // The page area scrolls when the page is zoomed past its width, so it takes focus for the arrow keys.
        tabIndex={0}
        role="group"
        aria-label={`Page ${page} of ${pageCount}`}
      >
        {drawnWidth > 0 && document && (
          <ViewerPage openDocument={openDocument} page={page} cssWidth={drawnWidth} highlights={highlights} />
        )}
      </div>
    </section>
  );
}

/** "Page [3] of 12": the page shown, which the user can type over to go to another one. */
function PageNumberField({
  page,
  pageCount,
  onGo,
}: {
  readonly page: number;
  readonly pageCount: number;
  readonly onGo: (page: number) => void;
}) {
  // What the user is typing, for the page it was typed on: once the page changes, by any means, or the typing is
  // acted on, the field shows the page again in the same render (an effect would show the old number for a frame).
  const [typing, setTyping] = useState<{ readonly page: number; readonly text: string } | null>(null);
  const typed = typing?.page === page ? typing.text : String(page);
  const inputId = useId();
  const go = (): void => {
    const wanted = Number.parseInt(typed, 10);
    setTyping(null);
    if (Number.isFinite(wanted)) {
      onGo(wanted);
    }
  };
  return (
    <span className="document-viewer__page-number" data-testid="viewer-page-number">
      <label htmlFor={inputId}>Page</label>{' '}
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={1}
        max={pageCount}
        value={typed}
        data-testid="viewer-go-to-page"
        className="document-viewer__page-input"
        onChange={(event) => setTyping({ page, text: event.target.value })}
        onBlur={go}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            go();
          }
        }}
      />{' '}
      of {pageCount}
    </span>
  );
}
