import { PDFDocument, StandardFonts, type PDFFont } from '@cantoo/pdf-lib';
import type { ServedParty, ServiceInput } from '../../shared/certificate-of-service';
import { createPageFlow, wrapWords } from './pdf-text';

/** US Letter, 8.5 × 11 in, with 1-inch margins (in PDF points, 72 to the inch). */
const page = { width: 612, height: 792, margin: 72 } as const;
const bodySize = 12;
const lineHeight = 16;
/** Each party's paragraph is indented under its number. */
const partyIndent = 24;

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-12-05` as a certificate writes it: "December 5, 2026". */
export function formatServiceDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${months[(month ?? 1) - 1] ?? ''} ${day ?? ''}, ${year ?? ''}`;
}

/** How one party was served, as the certificate says it (FAQ 36: the court's notice serves registered parties). */
export function describeService(party: ServedParty): string {
  const address = oneLine(party.address ?? '');
  switch (party.method) {
    case 'electronic':
      return "through the court's CM/ECF system";
    case 'mail':
      return `by first-class mail to ${address}`;
    case 'hand':
      return `by hand to ${address}`;
    case 'email':
      return `by e-mail to ${address}`;
  }
}

/** An address typed on several lines, as one line of a sentence. */
function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(', ');
}

/**
 * The certificate of service a filing carries when some party is served other than electronically (FAQ 38): the
 * court and caption, the date and document served, each party with how it was served, and the `/s/` signature block
 * (FAQ 35). Real text in the standard fonts on US Letter pages, continued onto further pages as the list needs; no
 * document properties (no title, author, producer or dates), so the same input gives the same bytes and preflight has
 * nothing to warn about (docs/court-rules.md#pdf-rules).
 */
export async function certificateOfServicePdf(input: ServiceInput): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const regular = await document.embedFont(StandardFonts.TimesRoman);
  const bold = await document.embedFont(StandardFonts.TimesRomanBold);
  const writer = createPageWriter(document);

  writer.centered(input.court.toUpperCase(), bold);
  writer.gap(1);
  writer.paragraph(input.caption, regular, 0);
  writer.line(`Court No. ${input.caseNumber}`, regular);
  writer.gap(1);
  writer.centered('CERTIFICATE OF SERVICE', bold);
  writer.gap(1);
  const date = formatServiceDate(input.date);
  writer.paragraph(
    `I hereby certify that on ${date}, I served the foregoing ${input.documentTitle} on the following parties, as stated below:`,
    regular,
    0,
  );
  writer.gap(0.5);
  input.parties.forEach((party, index) => {
    const role = party.role ? ` (${party.role})` : '';
    writer.numbered(`${index + 1}.`, `${party.name}${role}, ${describeService(party)}.`, regular);
    writer.gap(0.5);
  });
  writer.gap(1);
  const signature = [
    `Dated: ${date}`,
    '',
    `/s/ ${input.signer.name}`,
    input.signer.name,
    input.signer.firm,
    ...input.signer.address.split(/\r?\n/),
    input.signer.email,
  ].filter((line, index) => index === 1 || line.trim() !== '');
  writer.block(signature, regular);
  return document.save({ useObjectStreams: false });
}

/** Writes lines top to bottom, starting a new page when the next line would cross the bottom margin. */
function createPageWriter(document: PDFDocument) {
  const flow = createPageFlow(document, [page.width, page.height], page.margin);
  const width = page.width - 2 * page.margin;
  const wrap = (text: string, font: PDFFont, lineWidth: number): string[] =>
    wrapWords(text, (candidate) => font.widthOfTextAtSize(encodable(candidate, font), bodySize), lineWidth);
  const baseline = (): number => flow.y() + (lineHeight - bodySize);

  const draw = (text: string, font: PDFFont, x: number): void => {
    flow.ensure(lineHeight);
    flow.down(lineHeight);
    flow.page().drawText(encodable(text, font), { x, y: baseline(), size: bodySize, font });
  };

  return {
    line: (text: string, font: PDFFont): void => draw(text, font, page.margin),
    centered(text: string, font: PDFFont): void {
      for (const line of wrap(text, font, width)) {
        draw(line, font, page.margin + (width - font.widthOfTextAtSize(encodable(line, font), bodySize)) / 2);
      }
    },
    paragraph(text: string, font: PDFFont, indent: number): void {
      for (const line of wrap(text, font, width - indent)) {
        draw(line, font, page.margin + indent);
      }
    },
    /** A numbered paragraph with its lines hanging under the text; it starts on the next page rather than alone at the bottom. */
    numbered(number: string, text: string, font: PDFFont): void {
      const lines = wrap(text, font, width - partyIndent);
      flow.ensure(Math.min(lines.length, 2) * lineHeight);
      lines.forEach((line, index) => {
        draw(line, font, page.margin + partyIndent);
        if (index === 0) {
          flow.page().drawText(number, { x: page.margin, y: baseline(), size: bodySize, font });
        }
      });
    },
    /** Lines kept together on one page (the signature block). */
    block(lines: readonly string[], font: PDFFont): void {
      const wrapped = lines.flatMap((line) => (line === '' ? [''] : wrap(line, font, width / 2)));
      flow.ensure(wrapped.length * lineHeight);
      for (const line of wrapped) {
        draw(line, font, page.margin + width / 2);
      }
    },
    gap(lines: number): void {
      flow.down(lines * lineHeight);
      flow.ensure(lineHeight);
    },
  };
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/**
 * The text as the standard fonts can write it (their WinAnsi character set): an accented letter the font lacks
 * loses its accent, and anything else becomes "?", rather than the whole certificate failing.
 */
function encodable(text: string, font: PDFFont): string {
  let supported = characterSets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    characterSets.set(font, supported);
  }
  const known = supported;
  return Array.from(text.normalize('NFC'), (character) => {
    if (known.has(character.codePointAt(0) ?? 0)) {
      return character;
    }
    const plain = character.normalize('NFD').replace(/\p{Mark}/gu, '');
    return plain !== '' && Array.from(plain).every((each) => known.has(each.codePointAt(0) ?? 0)) ? plain : '?';
  }).join('');
}
