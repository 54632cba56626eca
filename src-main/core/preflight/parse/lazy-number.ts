import { numberToString, PDFNumber } from '@cantoo/pdf-lib';

/**
 * A PDFNumber whose text form is worked out on first use. pdf-lib builds that text in the constructor for
 * every number it parses, but only writing a file reads it, and preflight never writes: on a 4,500-page
 * filing that text is a tenth of the parse time. The object is still a PDFNumber in every other way
 * (`instanceof`, `asNumber()`, `toString()`, `constructor.name`).
 */
const lazyNumberPrototype: object = Object.create(PDFNumber.prototype, {
  stringValue: {
    get(this: { readonly numberValue: number }): string {
      return numberToString(this.numberValue);
    },
  },
});

interface WritableNumber {
  numberValue: number;
}

/**
 * Integers below this are shared, one PDFNumber per value: four in five of the million numbers in a 4,500-page
 * filing are such widths, counts and coordinates, and each would otherwise be an object the parse keeps.
 */
const sharedBelow = 1024;
const sharedNumbers: (PDFNumber | undefined)[] = new Array<PDFNumber | undefined>(sharedBelow);

/**
 * A PDFNumber for `value`, equal to `PDFNumber.of(value)` in everything preflight or pdf-lib reads. Small
 * non-negative integers come from one shared set: a PDFNumber never changes, and only writing a document
 * (which uses pdf-lib's own numbers) could tell two equal ones apart; damaged /Contents entries are counted by
 * their place, not their object (content/stream-bytes.ts).
 */
export function lazyNumberOf(value: number): PDFNumber {
  if (Number.isInteger(value) && value >= 0 && value < sharedBelow && !Object.is(value, -0)) {
    let shared = sharedNumbers[value];
    if (shared === undefined) {
      shared = unsharedLazyNumberOf(value);
      sharedNumbers[value] = shared;
    }
    return shared;
  }
  return unsharedLazyNumberOf(value);
}

/** A lazy PDFNumber of its own. */
function unsharedLazyNumberOf(value: number): PDFNumber {
  const number = Object.create(lazyNumberPrototype) as WritableNumber;
  number.numberValue = value;
  return number as unknown as PDFNumber;
}
