import type { PDFDict } from '@cantoo/pdf-lib';
import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { asDictionary, dictionaryOf, itemsOf, nameOf, textOf } from '../pdf-values';

/**
 * Finds optional content (layers): content on a layer that is off when the file opens, or that a reader can
 * switch off, is still in the file the court receives (PDF-PREFLIGHT.md §7 row 12).
 */
export function findHiddenLayers(pdf: InspectedPdf): Finding[] {
  const catalog = pdf.census?.catalog ?? null;
  const properties = catalog === null ? null : dictionaryOf(catalog, 'OCProperties');
  if (properties === null) return [];
  const layers = itemsOf(properties, 'OCGs')
    .map(asDictionary)
    .filter((layer): layer is PDFDict => layer !== null);
  if (layers.length === 0) return [];
  const hidden = hiddenLayers(properties, layers);
  const label = (layer: PDFDict): string => textOf(layer, 'Name') ?? 'unnamed layer';
  const hiddenText = hidden.length > 0 ? ` ${hidden.length === layers.length ? 'All of them are' : `${hidden.length} of them ${hidden.length === 1 ? 'is' : 'are'}`} hidden when the file opens.` : '';
  return [
    {
      code: 'hidden-layers',
      severity: 'warn',
      message:
        `This PDF has ${layers.length === 1 ? 'a layer' : `${layers.length} layers`} that can be shown or hidden.${hiddenText} ` +
        'Whatever is on a hidden layer is still in the file: the court and the public receive it, and anyone can switch it on. ' +
        'In Adobe Acrobat open the Layers panel, show every layer and check what appears, then flatten the layers (Layers panel, Options, Flatten Layers) before filing.',
      text: layers.map((layer) => `${label(layer)}${hidden.includes(layer) ? ' (hidden when the file opens)' : ''}`),
    },
  ];
}

/** The layers the default configuration turns off: those in /OFF, or all but /ON when /BaseState is /OFF. */
function hiddenLayers(properties: PDFDict, layers: readonly PDFDict[]): PDFDict[] {
  const defaults = dictionaryOf(properties, 'D');
  if (defaults === null) return [];
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
