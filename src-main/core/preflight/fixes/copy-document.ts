import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from '@cantoo/pdf-lib';
import type { PDFObject } from '@cantoo/pdf-lib';
import { asDictionary } from '../dictionary-entries';
import { annotationRemoval, isSilent } from './annotation-removal';
import type { Unwanted } from './blocked-content';
import { unwantedObject } from './blocked-content';
import { countAssociatedFiles, countTriggers } from './count-dropped';
import type { CleanCopyChoices } from './fix-results';
import { inheritedKeys, inheritedValue } from './inherited-attributes';
import type { RemovalTally } from './removal-tally';

/** What to copy into the new document. */
export interface CopyPlan {
  /** The pages to copy, in order. */
  readonly pages: readonly PDFRef[];
  /** The catalog entries to carry over, chosen by the caller; the page tree is always made new. */
  readonly catalogEntries: readonly (readonly [string, PDFObject])[];
  readonly dropAnnotations: CleanCopyChoices['dropAnnotations'];
  /** Objects of pages left out of this copy (a split part): references to them are dropped. */
  readonly isOutside: (reference: PDFRef) => boolean;
  /** Objects the file's index marks deleted: references to them read as null (ISO 32000-1 §7.3.10). */
  readonly isFreed: (reference: PDFRef) => boolean;
}

/**
 * Entries no clean copy carries, wherever they appear (docs/court-rules.md#clean-copies). The `PTEX.` entries are
 * what pdfTeX keeps of a PDF placed as a figure: its file name (a path on the author's computer) and its properties.
 */
const droppedKeys = new Set([
  'AA',
  'AF',
  'Metadata',
  'PieceInfo',
  'Thumb',
  'PTEX.FileName',
  'PTEX.InfoDict',
  'PTEX.PageNumber',
]);
/** Arrays whose items stand alone, so an item of a page outside the copy can go and leave the rest valid. */
const itemListKeys = new Set(['Annots', 'Kids', 'Fields', 'CO']);

/** A reference to a page outside the copy: the array holding it (a destination) goes too. */
const outside = Symbol('outside');
/** Left out on purpose (counted in the tally): the key or array item goes. */
const dropped = Symbol('dropped');
type Copied = PDFObject | typeof outside | typeof dropped;

/**
 * Builds a new document from only what the kept pages and catalog entries reach, so nothing unreachable, freed
 * or left behind by an earlier revision comes along (a rewrite keeps them:
 * docs/court-rules.md#clean-copies). On the way it leaves out active content, attachments, media, metadata and the
 * annotations the plan drops, counting each in `tally`. Stream data is shared with the source, not duplicated.
 */
export function copyDocument(source: PDFContext, plan: CopyPlan, tally: RemovalTally): PDFContext {
  const target = PDFContext.create();
  const copiedRefs = new Map<PDFRef, PDFRef>();
  const queue: PDFRef[] = [];
  const pageTree = target.nextRef();
  const keptPages = new Set(plan.pages);
  const kids = PDFArray.withContext(target);
  for (const page of plan.pages) {
    if (copiedRefs.has(page)) {
      continue;
    }
    const reference = target.nextRef();
    copiedRefs.set(page, reference);
    queue.push(page);
    kids.push(reference);
  }

  const copyValue = (value: PDFObject): Copied => {
    if (value instanceof PDFRef) {
      return copyReference(value);
    }
    if (value instanceof PDFDict || value instanceof PDFStream) {
      const unwanted = unwantedObject(value);
      if (unwanted !== null) {
        return drop(value, unwanted);
      }
      return value instanceof PDFDict ? copyDictionary(value) : copyStream(value);
    }
    if (value instanceof PDFArray) {
      return copyArray(value, '');
    }
    return value;
  };

  const copyReference = (reference: PDFRef): Copied => {
    const known = copiedRefs.get(reference);
    if (known !== undefined) {
      return known;
    }
    if (plan.isOutside(reference)) {
      return outside;
    }
    const value = plan.isFreed(reference) ? undefined : source.lookup(reference);
    if (value === undefined) {
      return PDFNull;
    }
    const unwanted = unwantedObject(value);
    if (unwanted !== null) {
      return drop(value, unwanted);
    }
    const copy = target.nextRef();
    copiedRefs.set(reference, copy);
    queue.push(reference);
    return copy;
  };

  const drop = (value: object, unwanted: Unwanted): typeof dropped => {
    if (tally.isFirstSight(value)) {
      tally.add(unwanted.singular, unwanted.plural, 1, unwanted.detail);
    }
    return dropped;
  };

  const copyArray = (array: PDFArray, key: string): PDFArray | typeof outside => {
    const isItemList = itemListKeys.has(key);
    const copy = PDFArray.withContext(target);
    for (let index = 0; index < array.size(); index += 1) {
      const item = array.get(index);
      const copied = key === 'Annots' ? copyAnnotation(item) : copyValue(item);
      if (copied === dropped || (copied === outside && isItemList)) {
        continue;
      }
      if (copied === outside && item instanceof PDFRef) {
        return outside;
      }
      copy.push(copied === outside ? PDFNull : copied);
    }
    return copy;
  };

  const copyAnnotation = (item: PDFObject): Copied => {
    const annotation = asDictionary(item instanceof PDFRef ? source.lookup(item) : item);
    const removal = annotation === null ? null : annotationRemoval(annotation, plan.dropAnnotations);
    if (annotation === null || removal === null) {
      return copyValue(item);
    }
    return isSilent(removal) ? dropped : drop(annotation, removal);
  };

  const copyDictionary = (dictionary: PDFDict, skipped: ReadonlySet<string> = noKeys): PDFDict => {
    const copy = PDFDict.withContext(target);
    for (const [key, value] of dictionary.entries()) {
      const name = key.decodeText();
      if (skipped.has(name)) {
        continue;
      }
      if (droppedKeys.has(name)) {
        countDroppedEntry(name, value, dictionary === sourceCatalog);
        continue;
      }
      const listed = value instanceof PDFRef && itemListKeys.has(name) ? source.lookup(value) : undefined;
      const copied =
        listed instanceof PDFArray
          ? copyArray(listed, name)
          : value instanceof PDFArray
            ? copyArray(value, name)
            : copyValue(value);
      if (copied === outside || copied === dropped) {
        continue;
      }
      copy.set(key, copied);
    }
    return copy;
  };

  const copyStream = (stream: PDFStream): PDFRawStream => {
    if (stream instanceof PDFRawStream) {
      return PDFRawStream.of(copyDictionary(stream.dict), stream.contents);
    }
    stream.updateDict();
    return PDFRawStream.of(copyDictionary(stream.dict), stream.getContents());
  };

  const copyPage = (page: PDFDict): PDFDict => {
    const copy = copyDictionary(page, pageTreeKeys);
    for (const key of inheritedKeys) {
      if (copy.has(PDFName.of(key))) {
        continue;
      }
      const inherited = inheritedValue(page, key);
      const copied = inherited === undefined ? undefined : copyValue(inherited);
      if (copied !== undefined && copied !== outside && copied !== dropped) {
        copy.set(PDFName.of(key), copied);
      }
    }
    copy.set(PDFName.of('Type'), PDFName.of('Page'));
    copy.set(PDFName.of('Parent'), pageTree);
    return copy;
  };

  const countDroppedEntry = (name: string, value: PDFObject, isCatalog: boolean): void => {
    const resolved = value instanceof PDFRef ? source.lookup(value) : value;
    if (resolved === undefined || !tally.isFirstSight(resolved)) {
      return;
    }
    if (name === 'AA') {
      countTriggers(source, asDictionary(resolved), tally);
    } else if (name === 'AF') {
      countAssociatedFiles(source, resolved, tally);
    } else if (name === 'Metadata' && isCatalog) {
      tally.flag('document metadata (XMP)');
    } else if (name === 'Metadata') {
      tally.add(
        'XMP metadata stream inside a page, image or font',
        'XMP metadata streams inside pages, images or fonts',
      );
    } else if (name === 'PieceInfo') {
      tally.flag('private data saved by the application that made the file (PieceInfo)');
    } else if (name.startsWith('PTEX.')) {
      tally.flag('the file names and properties of PDFs placed in it as figures (PTEX entries)');
    } else {
      tally.add('page thumbnail image', 'page thumbnail images');
    }
  };

  const sourceCatalog = asDictionary(source.lookup(source.trailerInfo.Root));
  const catalog = PDFDict.withContext(target);
  catalog.set(PDFName.of('Type'), PDFName.of('Catalog'));
  catalog.set(PDFName.of('Pages'), pageTree);
  for (const [key, value] of plan.catalogEntries) {
    const copied = value instanceof PDFArray ? copyArray(value, key) : copyValue(value);
    if (copied !== outside && copied !== dropped) {
      catalog.set(PDFName.of(key), copied);
    }
  }

  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const value = source.lookup(next);
    const copy = copiedRefs.get(next);
    if (value === undefined || copy === undefined) {
      continue;
    }
    if (keptPages.has(next) && value instanceof PDFDict) {
      target.assign(copy, copyPage(value));
    } else if (value instanceof PDFDict) {
      target.assign(copy, copyDictionary(value));
    } else if (value instanceof PDFStream) {
      target.assign(copy, copyStream(value));
    } else if (value instanceof PDFArray) {
      const copied = copyArray(value, '');
      target.assign(copy, copied === outside ? PDFNull : copied);
    } else {
      target.assign(copy, value);
    }
  }

  target.assign(pageTree, target.obj({ Type: 'Pages', Kids: kids, Count: PDFNumber.of(kids.size()) }));
  target.trailerInfo.Root = target.register(catalog);
  return target;
}

const noKeys: ReadonlySet<string> = new Set();
/** The page tree is made new; a page read leniently may carry a node's /Kids and /Count, which would drag other pages along as loose objects. */
const pageTreeKeys: ReadonlySet<string> = new Set(['Parent', 'Kids', 'Count']);
