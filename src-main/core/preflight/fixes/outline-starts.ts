import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from '@cantoo/pdf-lib';
import type { PDFContext, PDFObject } from '@cantoo/pdf-lib';
import { asDictionary, dictionaryOf, nameOf, valueOf } from '../dictionary-entries';
import { nameTreeEntries } from './name-trees';

/**
 * The pages (0-based) where the document's top-level bookmarks point: the "logical divisions" the court asks an
 * oversized filing to be broken into (court FAQ 48). Bookmarks that point nowhere, or at a name the document does
 * not define, are skipped.
 */
export function topLevelOutlineStarts(context: PDFContext, pageIndexes: ReadonlyMap<PDFRef, number>): number[] {
  const catalog = asDictionary(context.lookup(context.trailerInfo.Root));
  const outlines = catalog === null ? null : dictionaryOf(catalog, 'Outlines');
  if (catalog === null || outlines === null) {
    return [];
  }
  const named = namedDestinations(context, catalog);
  const starts = new Set<number>();
  const seen = new Set<PDFDict>();
  for (
    let item = dictionaryOf(outlines, 'First');
    item !== null && !seen.has(item);
    item = dictionaryOf(item, 'Next')
  ) {
    seen.add(item);
    const page = pageOfDestination(context, destinationOf(item), named, pageIndexes);
    if (page !== null) {
      starts.add(page);
    }
  }
  return [...starts].sort((left, right) => left - right);
}

/** A bookmark's destination: its /Dest, or the /D of a GoTo action. */
function destinationOf(item: PDFDict): PDFObject | undefined {
  const destination = valueOf(item, 'Dest');
  if (destination !== undefined) {
    return destination;
  }
  const action = dictionaryOf(item, 'A');
  return action !== null && nameOf(action, 'S') === 'GoTo' ? valueOf(action, 'D') : undefined;
}

function pageOfDestination(
  context: PDFContext,
  destination: PDFObject | undefined,
  named: () => ReadonlyMap<string, PDFObject>,
  pageIndexes: ReadonlyMap<PDFRef, number>,
): number | null {
  let target = destination instanceof PDFRef ? context.lookup(destination) : destination;
  if (target instanceof PDFName || target instanceof PDFString || target instanceof PDFHexString) {
    const found = named().get(target.decodeText());
    target = found instanceof PDFRef ? context.lookup(found) : found;
  }
  if (target instanceof PDFDict) {
    target = valueOf(target, 'D');
  }
  if (!(target instanceof PDFArray) || target.size() === 0) {
    return null;
  }
  const page = target.get(0);
  return page instanceof PDFRef ? (pageIndexes.get(page) ?? null) : null;
}

/** Named destinations, from the catalog's /Dests and the /Names /Dests tree, read only when a bookmark uses one. */
function namedDestinations(context: PDFContext, catalog: PDFDict): () => ReadonlyMap<string, PDFObject> {
  let cached: Map<string, PDFObject> | null = null;
  return () => {
    if (cached !== null) {
      return cached;
    }
    cached = new Map();
    const names = dictionaryOf(catalog, 'Names');
    for (const [key, value] of nameTreeEntries(context, names?.get(PDFName.of('Dests')))) {
      cached.set(key, value);
    }
    const legacy = dictionaryOf(catalog, 'Dests');
    if (legacy !== null) {
      for (const [key, value] of legacy.entries()) {
        cached.set(key.decodeText(), value);
      }
    }
    return cached;
  };
}
