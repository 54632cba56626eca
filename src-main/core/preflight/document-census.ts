import { PDFArray, PDFDict, PDFStream } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFObject } from '@cantoo/pdf-lib';
import type { PageTree } from './parse/page-tree';
import { textOfName } from './pdf-names';
import { asDictionary, dictionaryOf, itemsOf, nameOf, valueOf } from './dictionary-entries';

/** One page of the page tree, in reading order. */
export interface CensusPage {
  /** 1-based page number, as viewers count pages (an entry of the tree that is no page still takes its number). */
  readonly number: number;
  readonly dictionary: PDFDict;
  /** The page's MediaBox (inherited from the tree when the page has none), or null when it has none at all. */
  readonly mediaBox: readonly number[] | null;
}

/** An annotation with the page it sits on (null when no page lists it). */
export interface CensusAnnotation {
  readonly dictionary: PDFDict;
  readonly subtype: string;
  readonly page: number | null;
}

/**
 * Every dictionary in the document, gathered in one walk over every parsed indirect object — including
 * those that came out of object streams and those no page refers to — because a byte scan misses what
 * object streams hide (ISO 32000-1 §7.5.7: object streams hold objects compressed where a byte scan cannot see them).
 */
export interface DocumentCensus {
  readonly catalog: PDFDict | null;
  /** Every dictionary: indirect ones, nested direct ones and stream dictionaries, each once. */
  readonly dictionaries: readonly PDFDict[];
  /** The readable pages, from the document's one bounded page walk (parse/page-tree.ts). */
  readonly pages: readonly CensusPage[];
  readonly annotations: readonly CensusAnnotation[];
  /** The page each dictionary hanging off a page or its annotations (by /A, /AA, /Next) belongs to. */
  readonly pageOfAction: ReadonlyMap<PDFDict, number>;
}

const annotationSubtypes = new Set([
  'Text',
  'Link',
  'FreeText',
  'Line',
  'Square',
  'Circle',
  'Polygon',
  'PolyLine',
  'Highlight',
  'Underline',
  'Squiggly',
  'StrikeOut',
  'Stamp',
  'Caret',
  'Ink',
  'Popup',
  'FileAttachment',
  'Sound',
  'Movie',
  'Widget',
  'Screen',
  'PrinterMark',
  'TrapNet',
  'Watermark',
  '3D',
  'Redact',
  'Projection',
  'RichMedia',
]);

/** Walks the parsed document once and gathers what the checks look at; `pageTree` is its walked page tree. */
export function takeCensus(document: PDFDocument, pageTree: PageTree): DocumentCensus {
  const dictionaries = collectDictionaries(document);
  const catalog = asDictionary(document.context.lookup(document.context.trailerInfo.Root));
  const pages = pageTree.pages;
  const annotations: CensusAnnotation[] = [];
  const placed = new Set<PDFDict>();
  const pageOfAction = new Map<PDFDict, number>();
  for (const page of pages) {
    markActions(page.dictionary, page.number, pageOfAction);
    for (const item of itemsOf(page.dictionary, 'Annots')) {
      const annotation = asDictionary(item);
      if (annotation === null || placed.has(annotation)) {
        continue;
      }
      placed.add(annotation);
      annotations.push({
        dictionary: annotation,
        subtype: nameOf(annotation, 'Subtype') ?? 'Unknown',
        page: page.number,
      });
      markActions(annotation, page.number, pageOfAction);
    }
  }
  for (const dictionary of dictionaries) {
    if (placed.has(dictionary) || valueOf(dictionary, 'Rect') === undefined) {
      continue;
    }
    const subtype = nameOf(dictionary, 'Subtype');
    if (subtype !== null && annotationSubtypes.has(subtype)) {
      annotations.push({ dictionary, subtype, page: null });
    }
  }
  return { catalog, dictionaries, pages, annotations, pageOfAction };
}

function collectDictionaries(document: PDFDocument): PDFDict[] {
  const dictionaries: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const pending: PDFObject[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    pending.push(object);
    while (pending.length > 0) {
      const value = pending.pop();
      if (value instanceof PDFStream) {
        pending.push(value.dict);
      } else if (value instanceof PDFDict) {
        if (seen.has(value)) {
          continue;
        }
        seen.add(value);
        dictionaries.push(value);
        for (const entry of value.values()) {
          if (holdsDictionaries(entry)) {
            pending.push(entry);
          }
        }
      } else if (value instanceof PDFArray) {
        for (const entry of value.asArray()) {
          if (holdsDictionaries(entry)) {
            pending.push(entry);
          }
        }
      }
    }
  }
  return dictionaries;
}

/** Only containers can hold dictionaries, and a font's Widths array alone holds hundreds of numbers; references are walked as indirect objects. */
function holdsDictionaries(value: PDFObject): boolean {
  return value instanceof PDFDict || value instanceof PDFArray || value instanceof PDFStream;
}

/** Records the page of every action hanging off `owner` by /A, /AA (each trigger) and their /Next chains. */
function markActions(owner: PDFDict, page: number, pageOfAction: Map<PDFDict, number>): void {
  const pending: PDFDict[] = [];
  const direct = dictionaryOf(owner, 'A');
  if (direct !== null) {
    pending.push(direct);
  }
  const triggers = dictionaryOf(owner, 'AA');
  if (triggers !== null) {
    for (const [key] of triggers.entries()) {
      pending.push(...itemsAsDictionaries(triggers, textOfName(key)));
    }
  }
  while (pending.length > 0) {
    const action = pending.pop();
    if (action === undefined || pageOfAction.has(action)) {
      continue;
    }
    pageOfAction.set(action, page);
    pending.push(...itemsAsDictionaries(action, 'Next'));
  }
}

function itemsAsDictionaries(dictionary: PDFDict, key: string): PDFDict[] {
  return itemsOf(dictionary, key)
    .map(asDictionary)
    .filter((item): item is PDFDict => item !== null);
}
