import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFObject, PDFPage } from '@cantoo/pdf-lib';
import { textOfName } from '../pdf-names';

/**
 * Lenient readers for the dictionary values the interpreter needs. Real filings carry wrong types often
 * enough (a Widths entry that is a reference, a number written as a name) that pdf-lib's throwing typed
 * `lookup` would stop preflight on one bad font; these return undefined instead.
 */

/** The dictionary at `key` (a stream's dictionary counts), or undefined. */
export function lookupDict(dict: PDFDict | undefined, key: PDFName): PDFDict | undefined {
  const value = dict?.lookup(key);
  if (value instanceof PDFDict) {
    return value;
  }
  if (value instanceof PDFRawStream) {
    return value.dict;
  }
  return undefined;
}

/** The number at `key`, or `fallback`. */
export function lookupNumber(dict: PDFDict | undefined, key: PDFName, fallback: number): number {
  const value = dict?.lookup(key);
  return value instanceof PDFNumber ? value.asNumber() : fallback;
}

/** The name at `key` without its slash, or undefined. */
export function lookupName(dict: PDFDict | undefined, key: PDFName): string | undefined {
  const value = dict?.lookup(key);
  return value instanceof PDFName ? textOfName(value) : undefined;
}

/** The numbers of an array object (non-numbers read as 0), or undefined when it is not an array. */
export function readNumbers(value: PDFObject | undefined): number[] | undefined {
  if (!(value instanceof PDFArray)) {
    return undefined;
  }
  const numbers: number[] = [];
  for (let index = 0; index < value.size(); index += 1) {
    const item = value.lookup(index);
    numbers.push(item instanceof PDFNumber ? item.asNumber() : 0);
  }
  return numbers;
}

const resourcesKey = PDFName.of('Resources');

/**
 * A page's resources, inherited from the page tree where the page has none (ISO 32000-1 §7.7.3.4), or undefined
 * when there are none or they are no dictionary: the content is still read, with no fonts or images to name.
 */
export function readPageResources(page: PDFPage): PDFDict | undefined {
  const value = page.node.context.lookup(page.node.getInheritableAttribute(resourcesKey));
  return value instanceof PDFDict ? value : undefined;
}
