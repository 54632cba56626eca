import { PDFDocument, StandardFonts, rgb, type PDFFont } from '@cantoo/pdf-lib';
import { courtTimeZone } from '../../shared/deadline-clock';
import type { FilingRecord, RecordEntry } from '../../shared/filing-record';
import { createPageFlow, wrapWords } from './pdf-text';

/** US Letter, with one-inch margins left and right. */
const pageSize: [number, number] = [612, 792];
const margin = 54;
const bodySize = 9.5;
const lineGap = 3.5;

const easternTime = new Intl.DateTimeFormat('en-US', {
  timeZone: courtTimeZone,
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** An entry's time as the court reads it (Eastern, FAQ 27) and in UTC. */
function timesOf(at: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    return at;
  }
  return `${easternTime.format(instant)} (${instant.toISOString().replace('.000Z', 'Z')})`;
}

/** The characters the standard fonts can draw (WinAnsi); anything else is shown as "?", never dropped silently. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function printable(text: string): string {
  return Array.from(text.replace(/[\r\n\t]+/g, ' '))
    .map((character) => {
      const code = character.codePointAt(0) ?? 0;
      return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(character)
        ? character
        : '?';
    })
    .join('');
}

/** Who acted: the OS user, and the PACER account logged in at the time. */
function whoOf(entry: RecordEntry): string {
  const account = entry.account
    ? `; PACER ${entry.account.loginId}${entry.account.name ? ` (${entry.account.name})` : ''}`
    : '; no PACER login';
  return `${entry.osUser}${account}`;
}

/** Lays out lines top to bottom, starting a new page when one is full. */
function createWriter(document: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont }) {
  const flow = createPageFlow(document, pageSize, margin);
  const width = pageSize[0] - 2 * margin;

  return {
    write(text: string, options: { font?: PDFFont; size?: number; indent?: number; gapAfter?: number } = {}): void {
      const font = options.font ?? fonts.regular;
      const size = options.size ?? bodySize;
      const indent = options.indent ?? 0;
      const lines = wrapWords(printable(text), (candidate) => font.widthOfTextAtSize(candidate, size), width - indent);
      for (const line of lines) {
        flow.ensure(size);
        flow.down(size);
        flow.page().drawText(line, { x: margin + indent, y: flow.y(), size, font, color: rgb(0.1, 0.1, 0.1) });
        flow.down(lineGap);
      }
      flow.down(options.gapAfter ?? 0);
    },
    /** Keeps a block together: a new page when fewer than `points` are left on this one. */
    keep: (points: number): void => flow.ensure(points),
  };
}

/**
 * The filing record as a readable report to keep with the matter (docs/architecture.md#the-filing-record): every entry
 * with its time in Eastern and UTC, who acted, what happened, the documents by SHA-256 and the court's answer, then the
 * head hash and how to check the JSON export. No document information (title, author, dates) is written.
 */
export async function filingRecordPdf(record: FilingRecord): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
    mono: await document.embedFont(StandardFonts.Courier),
  };
  const out = createWriter(document, fonts);
  out.write('Filing record', { font: fonts.bold, size: 18, gapAfter: 6 });
  out.write(`Court: ${record.court}`);
  out.write(`Case: ${record.caseNumber ?? 'not assigned'}`);
  out.write(`Draft: ${record.draftId}`);
  out.write(`Exported: ${timesOf(record.exportedAt)}`);
  out.write(`Entries: ${record.count}`, { gapAfter: 10 });

  if (record.entries.length === 0) {
    out.write('Nothing has been recorded for this filing.', { gapAfter: 10 });
  }
  for (const entry of record.entries) {
    out.keep(60);
    out.write(`${entry.index}. ${entry.action}`, { font: fonts.bold, size: 11 });
    out.write(`When: ${timesOf(entry.at)}`, { indent: 14 });
    out.write(`Who: ${whoOf(entry)}`, { indent: 14 });
    if (entry.detail) {
      out.write(entry.detail, { indent: 14 });
    }
    for (const item of entry.documents) {
      out.write(`${item.name}`, { indent: 14 });
      out.write(`SHA-256 ${item.sha256}`, { font: fonts.mono, size: 8, indent: 28 });
    }
    if (entry.courtAnswer !== null) {
      out.write(`The court's answer: ${entry.courtAnswer}`, { indent: 14 });
    }
    out.write(`Entry hash ${entry.hash}`, { font: fonts.mono, size: 7, indent: 14, gapAfter: 8 });
  }

  out.keep(70);
  out.write('Head hash', { font: fonts.bold, size: 11 });
  out.write(record.headHash, { font: fonts.mono, size: 9, gapAfter: 6 });
  out.write(
    'To check that no entry was changed, removed or reordered, run "ecf-desk audit verify FILE" on the JSON export of ' +
      'this record: it prints "The record holds" with this head hash, or names the first broken entry.',
  );
  return document.save({ useObjectStreams: false });
}
