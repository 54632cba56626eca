import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream } from '@cantoo/pdf-lib';
import type { PDFContext, PDFObject } from '@cantoo/pdf-lib';
import { inheritedKeys, inheritedValue } from './inherited-attributes';

/** Bytes an indirect object costs beyond its own: "N 0 obj", "endobj", the stream keywords and its cross-reference line. */
const objectOverhead = 50;
/** Entries a copy never carries (see copy-document.ts), so they do not count towards a part's size. */
const skippedKeys = new Set(['Parent', 'P', 'AA', 'AF', 'Metadata', 'PieceInfo', 'Thumb']);

/** Measures a split part as pages are added to it. */
export interface PartMeter {
  /** Starts a new part that also carries `shared` (catalog entries every part copies); returns their size. */
  startPart(shared: readonly PDFObject[]): number;
  /** Adds a page and returns the bytes it adds: its objects not already in the part (shared fonts count once). */
  addPage(page: PDFRef): number;
}

/**
 * Estimates split parts' sizes from the objects each page reaches, counting objects shared between pages once per
 * part, so a 4,000-page filing can be cut under the court's limit (court FAQ 48) without writing trial copies.
 * Other pages are never followed: a part holds only its own pages.
 */
export function createPartMeter(context: PDFContext, pages: ReadonlySet<PDFRef>): PartMeter {
  let inPart = new Set<PDFRef>();
  const measure = (roots: readonly PDFObject[]): number => {
    let bytes = 0;
    const pending = [...roots];
    while (pending.length > 0) {
      const value = pending.pop();
      if (value instanceof PDFRef) {
        if (inPart.has(value)) {
          continue;
        }
        inPart.add(value);
        const target = context.lookup(value);
        if (target === undefined) {
          continue;
        }
        bytes +=
          objectOverhead +
          (target instanceof PDFRawStream ? target.contents.length + target.dict.sizeInBytes() : target.sizeInBytes());
        pending.push(target);
      } else if (value instanceof PDFDict) {
        for (const [key, item] of value.entries()) {
          if (!skippedKeys.has(key.decodeText()) && !isOtherPage(item)) {
            pending.push(item);
          }
        }
      } else if (value instanceof PDFStream) {
        pending.push(value.dict);
      } else if (value instanceof PDFArray) {
        for (const item of value.asArray()) {
          if (!isOtherPage(item)) {
            pending.push(item);
          }
        }
      }
    }
    return bytes;
  };
  const isOtherPage = (value: PDFObject): boolean => value instanceof PDFRef && pages.has(value) && !inPart.has(value);
  return {
    startPart(shared) {
      inPart = new Set();
      return measure(shared);
    },
    addPage(page) {
      const dictionary = context.lookup(page);
      const inherited: PDFObject[] = [];
      if (dictionary instanceof PDFDict) {
        for (const key of inheritedKeys) {
          if (dictionary.has(PDFName.of(key))) {
            continue;
          }
          const value = inheritedValue(dictionary, key);
          if (value !== undefined) {
            inherited.push(value);
          }
        }
      }
      return measure([page, ...inherited]);
    },
  };
}
