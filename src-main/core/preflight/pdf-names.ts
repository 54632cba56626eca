import { PDFName } from '@cantoo/pdf-lib';

/*
 * pdf-lib's PDFName.of runs a regular expression over its argument and decodeText rebuilds the text byte by
 * byte on every call. The census and the checks ask for the same few dozen keys hundreds of thousands of times
 * on a large filing, so both answers are remembered. PDFName instances are interned by pdf-lib, which makes
 * them safe keys.
 */
const namesByText = new Map<string, PDFName>();
const textsByName = new WeakMap<PDFName, string>();

/** `PDFName.of(text)`, remembered. */
export function nameFor(text: string): PDFName {
  let name = namesByText.get(text);
  if (name === undefined) {
    name = PDFName.of(text);
    namesByText.set(text, name);
  }
  return name;
}

/** A name's text without its slash (`name.decodeText()`), remembered. */
export function textOfName(name: PDFName): string {
  let text = textsByName.get(name);
  if (text === undefined) {
    text = name.decodeText();
    textsByName.set(name, text);
  }
  return text;
}
