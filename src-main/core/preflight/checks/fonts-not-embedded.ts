import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { dictionaryOf, nameOf, valueOf } from '../dictionary-entries';

/** The 14 standard PDF fonts every reader supplies (ISO 32000-1 §9.6.2.2), named with or without a subset prefix. */
const standardFonts = new Set([
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Symbol',
  'ZapfDingbats',
]);

/**
 * Lists fonts the PDF uses without carrying them (no FontFile, FontFile2 or FontFile3): another computer may show the
 * text in a substitute font. Some courts ask for embedded fonts or an approved list (not the CIT:
 * docs/court-rules.md#pdf-rules). Type 3 fonts are drawn by the file itself and Type 0 fonts are judged by their
 * descendant font, so neither is listed.
 */
export function findFontsNotEmbedded(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const names = new Set<string>();
  for (const dictionary of census.dictionaries) {
    if (nameOf(dictionary, 'Type') !== 'Font') {
      continue;
    }
    const subtype = nameOf(dictionary, 'Subtype');
    if (subtype === null || subtype === 'Type0' || subtype === 'Type3') {
      continue;
    }
    const descriptor = dictionaryOf(dictionary, 'FontDescriptor');
    const isEmbedded =
      descriptor !== null &&
      ['FontFile', 'FontFile2', 'FontFile3'].some((key) => valueOf(descriptor, key) !== undefined);
    if (!isEmbedded) {
      names.add(nameOf(dictionary, 'BaseFont') ?? 'unnamed font');
    }
  }
  if (names.size === 0) {
    return [];
  }
  const listed = [...names].sort();
  const standard = listed.filter((name) => standardFonts.has(name.replace(/^[A-Z]{6}\+/, '')));
  return [
    {
      code: 'fonts-not-embedded',
      severity: 'info',
      message:
        `This PDF uses ${listed.length === 1 ? 'a font' : `${listed.length} fonts`} without including ${listed.length === 1 ? 'it' : 'them'} in the file, so another computer may show the text in a substitute font. ` +
        `${standard.length > 0 ? `${standard.length === listed.length ? (listed.length === 1 ? 'It is' : 'All of them are') : `${standard.length} of them ${standard.length === 1 ? 'is' : 'are'}`} among the 14 standard PDF fonts (Times, Helvetica, Courier, Symbol, ZapfDingbats) that every PDF reader supplies, which is usually fine. ` : ''}` +
        'CM/ECF accepts such files, but some courts ask for embedded fonts; saving as PDF/A embeds them.',
      text: listed,
    },
  ];
}
