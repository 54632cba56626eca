import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString } from '@cantoo/pdf-lib';
import type { PDFObject } from '@cantoo/pdf-lib';
import { nameFor, textOfName } from './pdf-names';

/** The value under `key`, with an indirect reference followed once; undefined when absent or dangling. */
export function valueOf(dictionary: PDFDict, key: string): PDFObject | undefined {
  const value = dictionary.get(nameFor(key));
  return value instanceof PDFRef ? dictionary.context.lookup(value) : value;
}

/** The dictionary under `key` (a stream's dictionary counts), or null. */
export function dictionaryOf(dictionary: PDFDict, key: string): PDFDict | null {
  return asDictionary(valueOf(dictionary, key));
}

/** An object as a dictionary (a stream gives its dictionary), or null. */
export function asDictionary(value: PDFObject | undefined): PDFDict | null {
  if (value instanceof PDFDict) {
    return value;
  }
  if (value instanceof PDFStream) {
    return value.dict;
  }
  return null;
}

/** The name under `key` without its slash (`/JavaScript` gives `JavaScript`), or null. */
export function nameOf(dictionary: PDFDict, key: string): string | null {
  const value = valueOf(dictionary, key);
  return value instanceof PDFName ? textOfName(value) : null;
}

/** The text of a string under `key` (PDFDocEncoding or UTF-16), or null. */
export function textOf(dictionary: PDFDict, key: string): string | null {
  return textOfValue(valueOf(dictionary, key));
}

/** The text of a string object, or null when it is not a string. */
export function textOfValue(value: PDFObject | undefined): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) {
    return value.decodeText();
  }
  return null;
}

/** The items of the array under `key`, references followed; a single non-array value counts as one item. */
export function itemsOf(dictionary: PDFDict, key: string): PDFObject[] {
  const value = valueOf(dictionary, key);
  if (value === undefined) {
    return [];
  }
  if (!(value instanceof PDFArray)) {
    return [value];
  }
  const items: PDFObject[] = [];
  for (let index = 0; index < value.size(); index += 1) {
    const item = value.get(index);
    items.push(item instanceof PDFRef ? (dictionary.context.lookup(item) ?? item) : item);
  }
  return items;
}

/** The numbers in the array under `key`, or null when it is not an array of numbers. */
export function numbersOf(dictionary: PDFDict, key: string): number[] | null {
  const items = itemsOf(dictionary, key);
  if (items.length === 0 || !items.every((item) => item instanceof PDFNumber)) {
    return null;
  }
  return items.map((item) => (item as PDFNumber).asNumber());
}

/** Page numbers, sorted and without repeats. */
export function distinctPages(pages: Iterable<number | null>): number[] {
  const found = new Set<number>();
  for (const page of pages) {
    if (page !== null) {
      found.add(page);
    }
  }
  return [...found].sort((left, right) => left - right);
}

/** "page 3", "pages 1, 4 and 7" (the first `limit` pages, then "and N more"). */
export function describePages(pages: readonly number[], limit = 12): string {
  if (pages.length === 1) {
    return `page ${pages[0]}`;
  }
  const shown = pages.slice(0, limit);
  const rest = pages.length - shown.length;
  if (rest > 0) {
    return `pages ${shown.join(', ')} and ${rest} more`;
  }
  return `pages ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
