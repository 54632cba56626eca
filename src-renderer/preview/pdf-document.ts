// The legacy build carries polyfills for the newer built-ins the main build calls directly (such as
// Map.prototype.getOrInsertComputed), so the preview works in whichever Chromium the host ships.
import {
  getDocument,
  GlobalWorkerOptions,
  type PDFDocumentProxy,
  type RenderTask,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
// Vite emits the worker beside the app's own scripts, so it loads from the app's origin under `worker-src 'self'`.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { ViewportGeometry } from './page-overlay';

GlobalWorkerOptions.workerSrc = workerUrl;

/** A page being drawn: where its overlays go, when it is done, and how to stop it. */
export interface PageDrawing {
  readonly viewport: ViewportGeometry;
  readonly done: Promise<void>;
  cancel(): void;
}

/** A run of text on a page as pdf.js extracts it: the string, and where it sits in PDF user space (points). */
export interface TextRun {
  readonly text: string;
  /** The baseline's start (x, y) and the run's width and font height, in points, for text that runs left to right. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Whether the run ends a line, so a search can read the next run as the next word. */
  readonly endsLine: boolean;
}

/** A page's size in points, as it is shown (its crop box, turned by its rotation). */
export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** A PDF opened for previewing its pages; closing it frees pdf.js's worker and memory. */
export interface PreviewDocument {
  readonly pageCount: number;
  /** The page's size in points, read without drawing it. */
  pageSize(pageNumber: number): Promise<PageSize>;
  /** The page's text runs, for finding words on it (text drawn as pictures has none). */
  pageText(pageNumber: number): Promise<readonly TextRun[]>;
  /**
   * Draws a page into `canvas`, `cssWidth` CSS pixels wide and sharp at the screen's pixel ratio. Once `signal` is aborted
   * the canvas is left alone, so a drawing that is no longer wanted never collides with the one that replaced it.
   * With `showEveryLayer` every optional content group (layer) is drawn, including those the file opens with hidden;
   * without it the page is drawn as the court and the public would first see it.
   */
  drawPage(
    pageNumber: number,
    canvas: HTMLCanvasElement,
    cssWidth: number,
    signal: AbortSignal,
    showEveryLayer?: boolean,
  ): Promise<PageDrawing>;
  close(): Promise<void>;
}

/**
 * Opens a PDF's bytes with pdf.js under the app's strict CSP: no eval (fonts are drawn by pdf.js's interpreter),
 * no WebAssembly (JPX images stay blank instead), and no fetches: no font or CMap address is given, so fonts a
 * PDF does not embed come from the system.
 */
export async function openPreviewDocument(bytes: Uint8Array): Promise<PreviewDocument> {
  const document: PDFDocumentProxy = await getDocument({
    data: bytes,
    isEvalSupported: false,
    useWasm: false,
  }).promise;
  return {
    pageCount: document.numPages,
    async pageSize(pageNumber) {
      const { width, height } = (await document.getPage(pageNumber)).getViewport({ scale: 1 });
      return { width, height };
    },
    async pageText(pageNumber) {
      const content = await (await document.getPage(pageNumber)).getTextContent();
      return content.items.flatMap((item) =>
        'str' in item
          ? [
              {
                text: item.str,
                x: item.transform[4] ?? 0,
                y: item.transform[5] ?? 0,
                width: item.width,
                height: item.height,
                endsLine: item.hasEOL,
              },
            ]
          : [],
      );
    },
    async drawPage(pageNumber, canvas, cssWidth, signal, showEveryLayer = false) {
      const page = await document.getPage(pageNumber);
      signal.throwIfAborted();
      const natural = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: cssWidth / natural.width });
      const pixelRatio = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.floor(viewport.width * pixelRatio));
      canvas.height = Math.max(1, Math.floor(viewport.height * pixelRatio));
      const task: RenderTask = page.render({
        canvas,
        viewport,
        transform: pixelRatio === 1 ? undefined : [pixelRatio, 0, 0, pixelRatio, 0, 0],
        ...(showEveryLayer ? { optionalContentConfigPromise: everyLayerVisible(document) } : {}),
      });
      return {
        viewport: { transform: viewport.transform, width: viewport.width, height: viewport.height },
        done: task.promise,
        cancel: () => task.cancel(),
      };
    },
    close: () => document.destroy(),
  };
}

/**
 * The document's layer configuration with every group switched on. pdf.js hands out a fresh configuration per call,
 * so the default drawing is untouched. Radio-button groups are not honoured here (`preserveRB` false), because
 * showing one member of such a group would switch its siblings off again and hide what the user asked to see.
 */
async function everyLayerVisible(document: PDFDocumentProxy) {
  const config = await document.getOptionalContentConfig();
  for (const [id] of config) {
    config.setVisibility(id, true, false);
  }
  return config;
}
