import { PDFArray, PDFDict, PDFName, PDFRef, PDFWriter } from '@cantoo/pdf-lib';
import type { PDFContext, PDFObject } from '@cantoo/pdf-lib';
import { chooseCatalogEntries } from './catalog-entries';
import { copyDocument } from './copy-document';
import type { FixFailure, SplitPart, SplitResult } from './fix-results';
import { findFreedObjects } from './freed-objects';
import { decodingFailure, openForFix, unreadable } from './open-for-fix';
import { topLevelOutlineStarts } from './outline-starts';
import { createPartMeter } from './part-meter';
import type { PartMeter } from './part-meter';
import { RemovalTally } from './removal-tally';

/** Aim this far under the limit, so the estimate's small errors rarely cost a second write. */
const estimateMargin = 0.99;

/**
 * Splits a filing over the court's size limit into parts that are each at most `limitBytes`, cut between pages
 * and, where it can, where a top-level bookmark starts — the court's "logical divisions, each not exceeding the
 * 50 MB limit" (court FAQ 48). Each part is a clean copy of its own pages (docs/court-rules.md#clean-copies).
 * Part sizes are estimated from the objects each page reaches, then checked on the written part.
 */
export async function splitDocument(bytes: Uint8Array, limitBytes: number): Promise<SplitResult> {
  const opened = await openForFix(bytes);
  if (!opened.ok) {
    return opened;
  }
  const context = opened.document.context;
  const pages = opened.pages;
  const shared = chooseCatalogEntries(context, { isWholeDocument: false, keepsForm: true }, new RemovalTally()).map(
    ([, value]) => value,
  );
  const meter = createPartMeter(context, new Set(pages));
  let isFreed: (reference: PDFRef) => boolean;
  try {
    isFreed = findFreedObjects(bytes, context);
  } catch {
    return decodingFailure(opened.document) ?? unreadable;
  }
  const failure = decodingFailure(opened.document);
  if (failure !== null) {
    return failure;
  }
  const outlineStarts = topLevelOutlineStarts(context, new Map(pages.map((page, index) => [page, index])));
  const ranges: { first: number; last: number; bytes: Uint8Array }[] = [];
  for (let first = 0; first < pages.length;) {
    let budget = limitBytes * estimateMargin;
    for (;;) {
      const last = furthestLastPage(meter, shared, pages, first, budget, outlineStarts);
      const written = await writePart(context, isFreed, pages, first, last);
      if (written.byteLength <= limitBytes) {
        ranges.push({ first, last, bytes: written });
        first = last + 1;
        break;
      }
      if (last === first) {
        return pageTooLarge(first + 1, written.byteLength, limitBytes);
      }
      budget -= written.byteLength - limitBytes + limitBytes * (1 - estimateMargin);
    }
  }
  return { ok: true, parts: ranges.map((range, index) => namePart(range, index, ranges.length)) };
}

/**
 * The last page (0-based) of the part starting at `first`: as far as the budget allows, then pulled back to just
 * before the last top-level bookmark inside it, if any. At least `first` itself, even over budget: whether a lone
 * page fits is decided on the written part.
 */
function furthestLastPage(
  meter: PartMeter,
  shared: readonly PDFObject[],
  pages: readonly PDFRef[],
  first: number,
  budget: number,
  outlineStarts: readonly number[],
): number {
  let size = meter.startPart(shared) + partOverhead(1);
  size += meter.addPage(pages[first] as PDFRef);
  let last = first;
  while (last + 1 < pages.length) {
    const added = meter.addPage(pages[last + 1] as PDFRef) + partOverhead(1) - partOverhead(0);
    if (size + added > budget) {
      break;
    }
    size += added;
    last += 1;
  }
  if (last === pages.length - 1) {
    return last;
  }
  const division = [...outlineStarts].reverse().find((start) => start > first && start <= last + 1);
  return division === undefined ? last : division - 1;
}

/** Header, catalog, page tree (about 10 bytes a page), trailer. */
function partOverhead(pages: number): number {
  return 1_000 + pages * 10;
}

async function writePart(
  context: PDFContext,
  isFreed: (reference: PDFRef) => boolean,
  pages: readonly PDFRef[],
  first: number,
  last: number,
): Promise<Uint8Array> {
  const kept = new Set(pages.slice(first, last + 1));
  const outside = new Set<PDFRef>();
  pages.forEach((page, index) => {
    if (index >= first && index <= last) {
      return;
    }
    outside.add(page);
    for (const annotation of annotationReferences(context, page)) {
      outside.add(annotation);
    }
  });
  const tally = new RemovalTally();
  const catalogEntries = chooseCatalogEntries(context, { isWholeDocument: false, keepsForm: true }, tally);
  const copy = copyDocument(
    context,
    {
      pages: [...kept],
      catalogEntries,
      dropAnnotations: 'none',
      isOutside: (reference) => outside.has(reference),
      isFreed,
    },
    tally,
  );
  return PDFWriter.forContext(copy, Number.POSITIVE_INFINITY).serializeToBuffer();
}

/** The annotations of a page held as references: a widget or note of a page left out must not come along by another path. */
function annotationReferences(context: PDFContext, page: PDFRef): PDFRef[] {
  const dictionary = context.lookup(page);
  if (!(dictionary instanceof PDFDict)) {
    return [];
  }
  const annotations = dictionary.lookup(PDFName.of('Annots'));
  if (!(annotations instanceof PDFArray)) {
    return [];
  }
  return annotations.asArray().filter((item): item is PDFRef => item instanceof PDFRef);
}

function namePart(range: { first: number; last: number; bytes: Uint8Array }, index: number, count: number): SplitPart {
  const pages = range.first === range.last ? `page ${range.first + 1}` : `pages ${range.first + 1}–${range.last + 1}`;
  return {
    name: `Part ${index + 1} of ${count} (${pages})`,
    firstPage: range.first + 1,
    lastPage: range.last + 1,
    bytes: range.bytes,
  };
}

function pageTooLarge(page: number, bytes: number, limitBytes: number): FixFailure {
  return {
    ok: false,
    code: 'fix.page-too-large',
    message:
      `Page ${page} alone takes ${megabytes(bytes)}, more than the court's limit of ${megabytes(limitBytes)} for one file, so no split between pages can bring it under. ` +
      'The court asks that oversized filings be broken into parts each within the limit (court FAQ 48). ' +
      'Make that page smaller — rescan it at 300 dpi in black and white, or print the file to the "Adobe PDF" printer at 300 dpi — and split again.',
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
