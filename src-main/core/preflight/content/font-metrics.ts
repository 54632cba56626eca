import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import { textOfName } from '../pdf-names';
import { lookupDict, lookupName, lookupNumber, readNumbers } from './lenient-lookups';
import { readStreamBytes } from './stream-bytes';
import { glyphNameText, standardFontMetrics, winAnsiText } from './standard-fonts';
import { parseToUnicode } from './to-unicode';

/** Width used for a glyph the font does not measure: half an em, a middling Latin letter. */
const fallbackWidth = 0.5;
/** Ascender and descender when the font gives none or nonsense: typical of Latin text faces. */
const fallbackAscent = 0.8;
const fallbackDescent = -0.2;

/**
 * What the interpreter needs to know about a font (ISO 32000-1 §9.2.4, §9.6–9.7): how many bytes a character
 * code takes, how far each glyph advances and how tall glyphs stand, in text-space units at font size 1.
 */
export interface FontMetrics {
  /** Type0 (composite) fonts read two bytes per code; simple fonts one. */
  readonly isTwoByte: boolean;
  /** Advance per one-byte code (simple fonts). */
  readonly widths: Float64Array | null;
  /** Advance per CID (composite fonts), from /W. */
  readonly cidWidths: Map<number, number> | null;
  readonly defaultWidth: number;
  readonly ascent: number;
  readonly descent: number;
  /** The font dictionary, kept so its text mapping is read only when a page needs the words; null for a missing font. */
  readonly dict: PDFDict | null;
}

const names = {
  subtype: PDFName.of('Subtype'),
  baseFont: PDFName.of('BaseFont'),
  widths: PDFName.of('Widths'),
  firstChar: PDFName.of('FirstChar'),
  fontDescriptor: PDFName.of('FontDescriptor'),
  missingWidth: PDFName.of('MissingWidth'),
  ascent: PDFName.of('Ascent'),
  descent: PDFName.of('Descent'),
  fontMatrix: PDFName.of('FontMatrix'),
  descendantFonts: PDFName.of('DescendantFonts'),
  w: PDFName.of('W'),
  dw: PDFName.of('DW'),
  toUnicode: PDFName.of('ToUnicode'),
  encoding: PDFName.of('Encoding'),
  differences: PDFName.of('Differences'),
};

const metricsCache = new WeakMap<PDFDict, FontMetrics>();
const textCache = new WeakMap<FontMetrics, (code: number) => string>();

/** The metrics of the font dictionary `dict`, read once per font. */
export function readFontMetrics(dict: PDFDict): FontMetrics {
  const cached = metricsCache.get(dict);
  if (cached) {
    return cached;
  }
  const metrics = lookupName(dict, names.subtype) === 'Type0' ? readCompositeMetrics(dict) : readSimpleMetrics(dict);
  metricsCache.set(dict, metrics);
  return metrics;
}

/** Stands in when Tf names a font the resources do not hold: a viewer still shows something, so measure something. */
export const unknownFont: FontMetrics = {
  isTwoByte: false,
  widths: new Float64Array(256).fill(fallbackWidth),
  cidWidths: null,
  defaultWidth: fallbackWidth,
  ascent: fallbackAscent,
  descent: fallbackDescent,
  dict: null,
};

/** A glyph's advance at font size 1. */
export function glyphWidth(font: FontMetrics, code: number): number {
  if (font.widths) {
    return code < 256 ? font.widths[code]! : font.defaultWidth;
  }
  return font.cidWidths?.get(code) ?? font.defaultWidth;
}

/**
 * How to turn a code of this font into text: the ToUnicode map when there is one (§9.10.2), else the
 * font's /Differences glyph names, else WinAnsi for one-byte fonts. Codes of composite fonts with no map
 * read as U+FFFD, the replacement character, which x-ray also treats as unreadable.
 */
export function fontTextDecoder(font: FontMetrics): (code: number) => string {
  const cached = textCache.get(font);
  if (cached) {
    return cached;
  }
  const toUnicode = font.dict?.lookup(names.toUnicode);
  const map = toUnicode instanceof PDFRawStream ? parseToUnicode(readStreamBytes(toUnicode)) : undefined;
  const differences = font.isTwoByte || !font.dict ? undefined : readDifferences(font.dict);
  const decoder = (code: number): string => {
    const mapped = map?.get(code);
    if (mapped !== undefined) {
      return mapped;
    }
    const named = differences?.get(code);
    if (named !== undefined) {
      return named;
    }
    return font.isTwoByte ? '\uFFFD' : (winAnsiText[code] ?? '\uFFFD');
  };
  textCache.set(font, decoder);
  return decoder;
}

function readSimpleMetrics(dict: PDFDict): FontMetrics {
  const descriptor = lookupDict(dict, names.fontDescriptor);
  const scale = readNumbers(dict.lookup(names.fontMatrix))?.[0] ?? 0.001;
  const baseFont = stripSubsetPrefix(lookupName(dict, names.baseFont) ?? '');
  const standard = standardFontMetrics(baseFont);
  const declared = readNumbers(dict.lookup(names.widths));
  const missing = lookupNumber(descriptor, names.missingWidth, 0) * scale;
  const defaultWidth = missing > 0 ? missing : fallbackWidth;
  const widths = new Float64Array(256);
  if (declared) {
    widths.fill(defaultWidth);
    const firstChar = lookupNumber(dict, names.firstChar, 0);
    declared.forEach((width, index) => {
      const code = firstChar + index;
      if (code >= 0 && code < 256) {
        widths[code] = width * scale;
      }
    });
  } else if (standard) {
    standard.widths.forEach((width, code) => (widths[code] = width / 1000));
  } else {
    widths.fill(defaultWidth);
  }
  const [ascent, descent] = readVerticalMetrics(descriptor, standard);
  return { isTwoByte: false, widths, cidWidths: null, defaultWidth, ascent, descent, dict };
}

function readCompositeMetrics(dict: PDFDict): FontMetrics {
  const descendants = dict.lookup(names.descendantFonts);
  const descendant = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
  const cidFont = descendant instanceof PDFDict ? descendant : undefined;
  const defaultWidth = lookupNumber(cidFont, names.dw, 1000) / 1000;
  const cidWidths = new Map<number, number>();
  const table = cidFont?.lookup(names.w);
  if (table instanceof PDFArray) {
    readCidWidths(table, cidWidths);
  }
  const [ascent, descent] = readVerticalMetrics(lookupDict(cidFont, names.fontDescriptor), undefined);
  return { isTwoByte: true, widths: null, cidWidths, defaultWidth, ascent, descent, dict };
}

/** /W is a list of `c [w1 w2 …]` and `cFirst cLast w` entries (§9.7.4.3). */
function readCidWidths(table: PDFArray, widths: Map<number, number>): void {
  let index = 0;
  while (index + 1 < table.size()) {
    const first = table.lookup(index);
    const next = table.lookup(index + 1);
    if (!(first instanceof PDFNumber)) {
      return;
    }
    if (next instanceof PDFArray) {
      const start = first.asNumber();
      (readNumbers(next) ?? []).forEach((width, offset) => widths.set(start + offset, width / 1000));
      index += 2;
      continue;
    }
    const width = table.lookup(index + 2);
    if (!(next instanceof PDFNumber) || !(width instanceof PDFNumber)) {
      return;
    }
    const last = Math.min(next.asNumber(), first.asNumber() + 0xffff);
    for (let cid = first.asNumber(); cid <= last; cid += 1) {
      widths.set(cid, width.asNumber() / 1000);
    }
    index += 3;
  }
}

function readVerticalMetrics(
  descriptor: PDFDict | undefined,
  standard: { ascent: number; descent: number } | undefined,
): [number, number] {
  const ascent = lookupNumber(descriptor, names.ascent, 0) / 1000;
  const descent = lookupNumber(descriptor, names.descent, 1) / 1000;
  return [
    ascent > 0 && ascent <= 1.5 ? ascent : (standard?.ascent ?? fallbackAscent),
    descent <= 0 && descent >= -0.8 ? descent : (standard?.descent ?? fallbackDescent),
  ];
}

function readDifferences(dict: PDFDict): Map<number, string> | undefined {
  const differences = lookupDict(dict, names.encoding)?.lookup(names.differences);
  if (!(differences instanceof PDFArray)) {
    return undefined;
  }
  const map = new Map<number, string>();
  let code = 0;
  for (let index = 0; index < differences.size(); index += 1) {
    const item = differences.lookup(index);
    if (item instanceof PDFNumber) {
      code = item.asNumber();
    } else if (item instanceof PDFName) {
      const text = glyphText(textOfName(item));
      if (text !== undefined) {
        map.set(code, text);
      }
      code += 1;
    }
  }
  return map;
}

/** Text for a glyph name: the WinAnsi names, and the `uniXXXX` / `uXXXX` forms of the Adobe Glyph List. */
function glyphText(name: string): string | undefined {
  const known = glyphNameText.get(name);
  if (known !== undefined) {
    return known;
  }
  const hex = /^uni([0-9A-F]{4})$/.exec(name)?.[1] ?? /^u([0-9A-F]{4,6})$/.exec(name)?.[1];
  return hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : undefined;
}

/** Embedded subsets are named `ABCDEF+Helvetica` (§9.6.4); the metrics are the base font's. */
function stripSubsetPrefix(name: string): string {
  return /^[A-Z]{6}\+/.test(name) ? name.slice(7) : name;
}
