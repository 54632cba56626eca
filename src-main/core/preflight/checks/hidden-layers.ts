import type { PDFDict } from '@cantoo/pdf-lib';
import type { Finding, PageBox } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { layersOf, readOptionalContentUse } from '../content/optional-content';
import {
  asDictionary,
  describePages,
  dictionaryOf,
  distinctPages,
  itemsOf,
  nameOf,
  numbersOf,
  textOf,
  valueOf,
} from '../dictionary-entries';

/**
 * Finds optional content (layers): content on a layer that is off when the file opens, or that a reader can
 * switch off, is still in the file the court receives (court FAQ 45; docs/court-rules.md#redaction-leaks).
 */
export function findHiddenLayers(pdf: InspectedPdf): Finding[] {
  const catalog = pdf.census?.catalog ?? null;
  const properties = catalog === null ? null : dictionaryOf(catalog, 'OCProperties');
  if (properties === null) {
    return [];
  }
  const layers = itemsOf(properties, 'OCGs')
    .map(asDictionary)
    .filter((layer): layer is PDFDict => layer !== null);
  if (layers.length === 0) {
    return [];
  }
  const hidden = hiddenLayers(properties, layers);
  const use = findLayerUse(pdf, layers);
  const pagesOf = (layer: PDFDict): number[] => distinctPages(use.pagesByLayer.get(layer) ?? []);
  const label = (layer: PDFDict): string => {
    const on = pagesOf(layer);
    return `${textOf(layer, 'Name') ?? 'unnamed layer'}${hidden.includes(layer) ? ' (hidden when the file opens)' : ''}${on.length > 0 ? `, on ${describePages(on)}` : ''}`;
  };
  const pages = distinctPages([...use.pagesByLayer.values()].flat());
  const whereText = pages.length > 0 ? ` Layered content is on ${describePages(pages)}.` : '';
  const hiddenText =
    hidden.length > 0
      ? ` ${hidden.length === layers.length ? 'All of them are' : `${hidden.length} of them ${hidden.length === 1 ? 'is' : 'are'}`} hidden when the file opens.`
      : '';
  return [
    {
      code: 'hidden-layers',
      severity: 'warn',
      message:
        `This PDF has ${layers.length === 1 ? 'a layer' : `${layers.length} layers`} that can be shown or hidden.${hiddenText}${whereText} ` +
        'Whatever is on a hidden layer is still in the file: the court and the public receive it, and anyone can switch it on. ' +
        'In Adobe Acrobat open the Layers panel, show every layer and check what appears, then flatten the layers (Layers panel, Options, Flatten Layers) before filing.',
      ...(pages.length > 0 ? { pages } : {}),
      ...(use.boxes.length > 0 ? { boxes: use.boxes } : {}),
      text: layers.map(label),
    },
  ];
}

/** The layers the default configuration turns off: those in /OFF, or all but /ON when /BaseState is /OFF. */
function hiddenLayers(properties: PDFDict, layers: readonly PDFDict[]): PDFDict[] {
  const defaults = dictionaryOf(properties, 'D');
  if (defaults === null) {
    return [];
  }
  const listed = (key: string): Set<PDFDict> =>
    new Set(
      itemsOf(defaults, key)
        .map(asDictionary)
        .filter((layer): layer is PDFDict => layer !== null),
    );
  if (nameOf(defaults, 'BaseState') === 'OFF') {
    const on = listed('ON');
    return layers.filter((layer) => !on.has(layer));
  }
  const off = listed('OFF');
  return layers.filter((layer) => off.has(layer));
}

/** Which pages draw on each layer, and the boxes of the images, forms and annotations placed on one. */
interface LayerUse {
  readonly pagesByLayer: Map<PDFDict, number[]>;
  readonly boxes: PageBox[];
}

/**
 * Reads every page for the layers it draws on, so the preview can show where a layer's content sits. Only
 * documents that declare layers get here, which keeps the extra pass off ordinary filings.
 */
function findLayerUse(pdf: InspectedPdf, layers: readonly PDFDict[]): LayerUse {
  const known = new Set(layers);
  const pagesByLayer = new Map<PDFDict, number[]>();
  const boxes: PageBox[] = [];
  const note = (layer: PDFDict, page: number): void => {
    const pages = pagesByLayer.get(layer) ?? [];
    pages.push(page);
    pagesByLayer.set(layer, pages);
  };
  const round = (value: number): number => Math.round(value * 100) / 100;
  for (const { page, number } of pdf.pageTree?.pages ?? []) {
    const use = readOptionalContentUse(page, known);
    for (const layer of use.layers) {
      note(layer, number);
    }
    for (const box of use.boxes) {
      boxes.push({ page: number, x0: round(box.x0), y0: round(box.y0), x1: round(box.x1), y1: round(box.y1) });
    }
  }
  for (const annotation of pdf.census?.annotations ?? []) {
    if (annotation.page === null) {
      continue;
    }
    const annotationLayers = layersOf(valueOf(annotation.dictionary, 'OC'), known);
    if (annotationLayers.length === 0) {
      continue;
    }
    for (const layer of annotationLayers) {
      note(layer, annotation.page);
    }
    const rect = numbersOf(annotation.dictionary, 'Rect');
    if (rect?.length === 4) {
      const [x0, y0, x1, y1] = rect as [number, number, number, number];
      boxes.push({
        page: annotation.page,
        x0: Math.min(x0, x1),
        y0: Math.min(y0, y1),
        x1: Math.max(x0, x1),
        y1: Math.max(y0, y1),
      });
    }
  }
  return { pagesByLayer, boxes };
}
