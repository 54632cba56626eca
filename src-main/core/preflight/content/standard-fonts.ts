import { Encodings, Font } from '@cantoo/pdf-lib/standard-fonts';
import type { IFontNames } from '@cantoo/pdf-lib/standard-fonts';

/**
 * Metrics of the 14 standard fonts (ISO 32000-1 §9.6.2.2), which a PDF may use without widths or an embedded
 * file, from the Adobe font metrics pdf-lib ships. Without them a line drawn in Helvetica would be measured
 * with a guessed width and a box over it could miss its last characters.
 */

const standardNames = new Set<string>([
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Symbol',
  'ZapfDingbats',
]);

/** A standard font's advance widths per one-byte code (1/1000 text-space units) and its ascender and descender. */
export interface StandardFontMetrics {
  readonly widths: Float64Array;
  readonly ascent: number;
  readonly descent: number;
}

const metricsCache = new Map<string, StandardFontMetrics>();

/** The metrics of `baseFont` when it names one of the 14 standard fonts, else undefined. */
export function standardFontMetrics(baseFont: string): StandardFontMetrics | undefined {
  if (!standardNames.has(baseFont)) {
    return undefined;
  }
  const cached = metricsCache.get(baseFont);
  if (cached) {
    return cached;
  }
  const font = Font.load(baseFont as IFontNames);
  const encoding =
    baseFont === 'Symbol' ? Encodings.Symbol : baseFont === 'ZapfDingbats' ? Encodings.ZapfDingbats : Encodings.WinAnsi;
  const widths = new Float64Array(256).fill(font.getWidthOfGlyph('space') || 250);
  for (const codePoint of encoding.supportedCodePoints) {
    const { code, name } = encoding.encodeUnicodeCodePoint(codePoint);
    const width = font.getWidthOfGlyph(name);
    if (code < 256 && typeof width === 'number') {
      widths[code] = width;
    }
  }
  const metrics = { widths, ascent: (font.Ascender || 800) / 1000, descent: (font.Descender || -200) / 1000 };
  metricsCache.set(baseFont, metrics);
  return metrics;
}

/** WinAnsi (Windows-1252) byte → text, the reading of a simple font's bytes when it has no ToUnicode map (§D.2). */
export const winAnsiText: readonly string[] = buildWinAnsiText();

/** Glyph name → text for the names WinAnsi uses ("A", "space", "hyphen"…), to read a font's /Differences. */
export const glyphNameText: ReadonlyMap<string, string> = buildGlyphNames();

function buildWinAnsiText(): string[] {
  const text = Array.from({ length: 256 }, (_, code) => String.fromCharCode(code));
  for (const codePoint of Encodings.WinAnsi.supportedCodePoints) {
    const { code } = Encodings.WinAnsi.encodeUnicodeCodePoint(codePoint);
    if (code < 256) {
      text[code] = String.fromCodePoint(codePoint);
    }
  }
  return text;
}

function buildGlyphNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const codePoint of Encodings.WinAnsi.supportedCodePoints) {
    names.set(Encodings.WinAnsi.encodeUnicodeCodePoint(codePoint).name, String.fromCodePoint(codePoint));
  }
  return names;
}
