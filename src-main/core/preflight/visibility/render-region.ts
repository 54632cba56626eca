import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Box } from '../content/geometry';

/** Pixels per point: enough to see 6-point text as more than a smudge, little enough to stay cheap. */
const pixelsPerPoint = 2;
/** The most pixels one region may have; a larger region is rendered at a lower scale. */
const mostPixels = 4_000_000;
/** Images larger than this (pixels) are not decoded by the renderer: a hostile page cannot make it allocate gigabytes. */
const largestImage = 64_000_000;
/** A page that takes longer than this to render is left undecided. */
const renderTimeLimitMs = 8000;
/** pdf.js operator codes of the four text-showing operators (Tj, TJ, ' and "). */
const textShowingOperators = new Set([44, 45, 46, 47]);

/** One region of a page drawn twice: as a reader sees it, and with the page's text left out. */
export interface RenderedRegion {
  readonly width: number;
  readonly height: number;
  /** RGBA pixels as a reader sees the region. */
  readonly withText: Uint8ClampedArray;
  /** RGBA pixels with every text-showing operator skipped. */
  readonly withoutText: Uint8ClampedArray;
  /** Maps a box in page space to pixel bounds in the region, clamped to it. */
  readonly toPixels: (box: Box) => { left: number; top: number; right: number; bottom: number };
}

type PdfJs = typeof PdfJsModule;
type PdfDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type RenderParameters = Parameters<Awaited<ReturnType<PdfDocumentProxy['getPage']>>['render']>[0];

/** A document opened in pdf.js, for drawing the few page regions the vector reading cannot decide. */
export interface RegionRenderer {
  render(pageNumber: number, region: Box): Promise<RenderedRegion | null>;
  close(): Promise<void>;
}

/**
 * Opens `bytes` in pdf.js (legacy build, drawing with @napi-rs/canvas) without fonts from the system, without eval,
 * and with images above 64 million pixels left undrawn. Loaded only when a page needs it, so preflight of an ordinary
 * file never pays for pdf.js.
 */
export async function openRegionRenderer(bytes: Uint8Array): Promise<RegionRenderer> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const assets = pdfJsAssets();
  const document: PdfDocumentProxy = await pdfjs.getDocument({
    // pdf.js may transfer the buffer it is given to its worker: a copy keeps the caller's bytes intact.
    data: Uint8Array.from(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    maxImageSize: largestImage,
    verbosity: 0,
    standardFontDataUrl: assets.standardFonts,
    wasmUrl: assets.wasm,
  }).promise;
  // pdf.js finds a page by its own walk of the page tree, which refuses loops (unlike pdf-lib's, see parse/page-tree.ts).
  const openPage = document.getPage.bind(document);
  const render = async (pageNumber: number, region: Box): Promise<RenderedRegion | null> => {
    const page = await openPage(pageNumber);
    const base = page.getViewport({ scale: 1 });
    const [ax, ay, bx, by] = base.convertToViewportRectangle([region.x0, region.y0, region.x1, region.y1]);
    const widthPoints = Math.abs(bx - ax);
    const heightPoints = Math.abs(by - ay);
    if (!(widthPoints > 0 && heightPoints > 0)) {
      return null;
    }
    const scale = Math.min(pixelsPerPoint, Math.sqrt(mostPixels / (widthPoints * heightPoints)));
    const width = Math.max(1, Math.ceil(widthPoints * scale));
    const height = Math.max(1, Math.ceil(heightPoints * scale));
    const viewport = page.getViewport({
      scale,
      offsetX: -Math.min(ax, bx) * scale,
      offsetY: -Math.min(ay, by) * scale,
    });
    const operators = await withinTimeLimit(page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }));
    if (operators === null) {
      page.cleanup();
      return null;
    }
    const draw = async (operationsFilter?: (index: number) => boolean): Promise<Uint8ClampedArray> => {
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      // @napi-rs/canvas stands in for the browser's canvas, which pdf.js's types name.
      const parameters = {
        canvas,
        canvasContext: context,
        viewport,
        annotationMode: pdfjs.AnnotationMode.DISABLE,
        background: 'rgb(255,255,255)',
        ...(operationsFilter ? { operationsFilter } : {}),
      } as unknown as RenderParameters;
      const task = page.render(parameters);
      const timer = setTimeout(() => task.cancel(), renderTimeLimitMs);
      try {
        await task.promise;
      } finally {
        clearTimeout(timer);
      }
      return new Uint8ClampedArray(context.getImageData(0, 0, width, height).data);
    };
    const functions = operators.fnArray;
    try {
      const withText = await draw();
      const withoutText = await draw((index) => !textShowingOperators.has(functions[index]!));
      const toPixels = (box: Box): { left: number; top: number; right: number; bottom: number } => {
        const [cx, cy, dx, dy] = viewport.convertToViewportRectangle([box.x0, box.y0, box.x1, box.y1]);
        const clamp = (value: number, most: number): number => Math.max(0, Math.min(most, Math.round(value)));
        return {
          left: clamp(Math.min(cx, dx), width),
          top: clamp(Math.min(cy, dy), height),
          right: clamp(Math.max(cx, dx), width),
          bottom: clamp(Math.max(cy, dy), height),
        };
      };
      return { width, height, withText, withoutText, toPixels };
    } catch {
      return null;
    } finally {
      page.cleanup();
    }
  };
  return { render, close: () => document.destroy() };
}

/** The promise's value, or null once the render time limit has passed without one. */
async function withinTimeLimit<T>(work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), renderTimeLimitMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Where pdf.js keeps the standard 14 fonts' outlines and its image decoders, as folder paths ending in a separator. */
function pdfJsAssets(): { standardFonts: string; wasm: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string): string => path.join(root, name) + path.sep;
  // In Node pdf.js reads these folders with the file system.
  return { standardFonts: folder('standard_fonts'), wasm: folder('wasm') };
}
