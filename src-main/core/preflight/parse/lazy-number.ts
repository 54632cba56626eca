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

/** A PDFNumber for `value`, equal to `PDFNumber.of(value)` in everything preflight or pdf-lib reads. */
export function lazyNumberOf(value: number): PDFNumber {
  const number = Object.create(lazyNumberPrototype) as WritableNumber;
  number.numberValue = value;
  return number as unknown as PDFNumber;
}
