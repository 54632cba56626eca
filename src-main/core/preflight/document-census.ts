import { PDFArray, PDFDict, PDFStream } from '@cantoo/pdf-lib';
import type { PDFContext, PDFDocument, PDFName, PDFObject, PDFRef } from '@cantoo/pdf-lib';
import type { PageTree } from './parse/page-tree';
import { nameFor, textOfName } from './pdf-names';
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
  const rectKey = nameFor('Rect');
  for (let index = 0; index < dictionaries.length; index += 1) {
    const dictionary = dictionaries[index] as PDFDict;
    // Most dictionaries have no /Rect at all, which `get` tells without following anything.
    if (dictionary.get(rectKey) === undefined || placed.has(dictionary) || valueOf(dictionary, 'Rect') === undefined) {
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
  const pushContainer = (entry: PDFObject): void => {
    if (holdsDictionaries(entry)) {
      pending.push(entry);
    }
  };
  const objects = indirectObjectsInOrder(document.context);
  // Indexed loops and Map#forEach: on a large filing the walk visits a million values, and copies of every
  // dictionary's and array's entries (`values()`, `asArray()`, for…of) were most of its time.
  for (let index = 0; index < objects.length; index += 1) {
    pending.push(objects[index] as PDFObject);
    while (pending.length > 0) {
      const value = pending.pop();
      if (value instanceof PDFStream) {
        pending.push(value.dict);
      } else if (value instanceof PDFDict) {
        const size = seen.size;
        seen.add(value);
        if (seen.size === size) {
          continue;
        }
        dictionaries.push(value);
        entriesOf(value).forEach(pushContainer);
      } else if (value instanceof PDFArray) {
        for (let item = 0; item < value.size(); item += 1) {
          pushContainer(value.get(item));
        }
      }
    }
  }
  return dictionaries;
}

/** The private entries of a PDFDict, which `values()` copies on every call. */
interface DictionaryEntries {
  readonly dict: Map<PDFName, PDFObject>;
}

function entriesOf(dictionary: PDFDict): Map<PDFName, PDFObject> {
  return (dictionary as unknown as DictionaryEntries).dict;
}

/** The private table of indirect objects, which `enumerateIndirectObjects()` copies into pairs and sorts. */
interface IndirectObjects {
  readonly indirectObjects: Map<PDFRef, PDFObject>;
}

/**
 * The document's indirect objects in the order `enumerateIndirectObjects()` gives them (ascending object number,
 * as added when equal). A parsed file usually lists them in that order already; when it does not, pdf-lib's own sort decides.
 */
function indirectObjectsInOrder(context: PDFContext): PDFObject[] {
  const objects: PDFObject[] = [];
  let previous = -1;
  let isInOrder = true;
  (context as unknown as IndirectObjects).indirectObjects.forEach((object, ref) => {
    if (ref.objectNumber < previous) {
      isInOrder = false;
    }
    previous = ref.objectNumber;
    objects.push(object);
  });
  if (isInOrder) {
    return objects;
  }
  return context.enumerateIndirectObjects().map(([, object]) => object);
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
      pushDictionaries(pending, triggers, textOfName(key));
    }
  }
  while (pending.length > 0) {
    const action = pending.pop();
    if (action === undefined || pageOfAction.has(action)) {
      continue;
    }
    pageOfAction.set(action, page);
    pushDictionaries(pending, action, 'Next');
  }
}

/** Pushes the items under `key` that are dictionaries, in order. */
function pushDictionaries(pending: PDFDict[], dictionary: PDFDict, key: string): void {
  const items = itemsOf(dictionary, key);
  for (let index = 0; index < items.length; index += 1) {
    const item = asDictionary(items[index]);
    if (item !== null) {
      pending.push(item);
    }
  }
}
