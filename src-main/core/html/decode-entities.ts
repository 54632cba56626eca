const namedEntities: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sect: '§',
  bull: '•',
  copy: '©',
  reg: '®',
  hellip: '…',
};

/** Characters that take no space on screen and would otherwise split words (zero-width space, BOM). */
const invisibleCharacters = /\u200b|\u200c|\u200d|\ufeff/g;

/**
 * Decodes HTML character references. CM/ECF writes `&nbsp` without the semicolon (`&nbsp &nbsp`),
 * so the common names are accepted without one; numeric references may be decimal or hex.
 */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d{1,7});?/g, (whole, digits: string) => fromCodePoint(Number.parseInt(digits, 10)) ?? whole)
    .replace(/&#x([0-9a-f]{1,6});?/gi, (whole, hex: string) => fromCodePoint(Number.parseInt(hex, 16)) ?? whole)
    .replace(/&([a-z]{2,8});?/gi, (whole, name: string) => namedEntities[name.toLowerCase()] ?? whole)
    .replace(invisibleCharacters, '')
    .replace(/\u00a0/g, ' ');
}

function fromCodePoint(codePoint: number): string | null {
  if (!Number.isFinite(codePoint) || codePoint <= 0 || codePoint > 0x10ffff) {
    return null;
  }
  return String.fromCodePoint(codePoint);
}
