import { maxDocketTextCharacters } from '../inbox-limits';
import { fieldLabels, isLabelOrHeading } from './notice-labels';
import type { NoticeLink, NoticeText } from './notice-text';
import { isDocketLink, isDocumentLink } from './read-links';
import { toIsoDate } from './read-transaction';

/** One case table of a notice, with the docket text printed after it (if any), before interpretation. */
export interface CaseTable {
  readonly caseName: string | null;
  readonly caseNumber: string | null;
  readonly docketLink: string | null;
  readonly filer: string | null;
  /** The Document Number cell as printed: `716`, `460(No document attached)` or empty. */
  readonly documentNumberCell: string | null;
  /** The first document link of the table (district doc1, appellate docs1), or the first ACMS "Document:" link. */
  readonly documentLink: NoticeLink | null;
  readonly caseClosedOn: string | null;
  readonly docketText: string | null;
}

/**
 * Reads every case table of a notice in order. District multi-case NEFs repeat table and docket text
 * once per case; bankruptcy multi-case NEFs print all tables and then one docket text, which the
 * caller shares. A new table starts at each "Case Name:" line.
 */
export function readCaseTables(text: NoticeText): CaseTable[] {
  const starts = text.lines.flatMap((line, index) => (fieldLabels.caseName.test(line) ? [index] : []));
  return starts.map((start, position) => readCaseTable(text, start, starts[position + 1] ?? text.lines.length));
}

function readCaseTable(text: NoticeText, start: number, end: number): CaseTable {
  const field = (label: RegExp): { value: string | null; line: number } | null => {
    for (let index = start; index < end; index += 1) {
      const line = text.lines[index] ?? '';
      if (label.test(line)) {
        return { value: readFieldValue(text, index, label, end), line: index };
      }
    }
    return null;
  };
  const caseNumber = field(fieldLabels.caseNumber);
  const docketTextField = findDocketText(text, start, end);
  const tableEnd = docketTextField?.line ?? end;
  const linksOf = (from: number, to: number): NoticeLink[] => linksOnLines(text.links, from, to);
  const documentLink =
    linksOf(start, tableEnd).find((link) => isDocumentLink(link.href)) ??
    linksOf(docketTextField?.endLine ?? end, end).find((link) => isDocumentLink(link.href)) ??
    null;
  const docketLink = caseNumber
    ? (linksOf(caseNumber.line, caseNumber.line + 3).find((link) => isDocketLink(link.href))?.href ?? null)
    : null;
  const closed = field(fieldLabels.caseClosed)?.value ?? null;
  return {
    caseName: field(fieldLabels.caseName)?.value ?? null,
    caseNumber: caseNumber?.value ? caseNumber.value.replace(/\s*https?:\/\/\S+/g, '').trim() || null : null,
    docketLink,
    filer: field(fieldLabels.filer)?.value ?? null,
    documentNumberCell: field(fieldLabels.documentNumber)?.value ?? null,
    documentLink,
    caseClosedOn: closed ? toIsoDate(closed.split(/\s/)[0] ?? '') : null,
    docketText: docketTextField?.value ?? null,
  };
}

/** The value after a label: the rest of its line, wrapped lines in plain text, or the next line when empty (Outlook forwards). */
function readFieldValue(text: NoticeText, index: number, label: RegExp, end: number): string | null {
  const parts = [(text.lines[index] ?? '').replace(label, '').trim()];
  let next = index + 1;
  if (parts[0] === '') {
    while (next < end && text.lines[next] === '') {
      next += 1;
    }
    const candidate = text.lines[next] ?? '';
    if (next < end && next <= index + 2 && !isLabelOrHeading(candidate)) {
      parts[0] = candidate;
      next += 1;
    }
  }
  if (text.wrapsValues && parts[0] !== '') {
    while (
      next < end &&
      text.lines[next] !== '' &&
      !isLabelOrHeading(text.lines[next] ?? '') &&
      !/^https?:\/\//i.test(text.lines[next] ?? '')
    ) {
      parts.push(text.lines[next] ?? '');
      next += 1;
    }
  }
  const value = parts.join(' ').replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

/** The docket text: every line after "Docket Text:" up to the next label, recipient list or documents list. */
function findDocketText(
  text: NoticeText,
  start: number,
  end: number,
): { value: string | null; line: number; endLine: number } | null {
  for (let index = start; index < end; index += 1) {
    if (!fieldLabels.docketText.test(text.lines[index] ?? '')) {
      continue;
    }
    const parts = [(text.lines[index] ?? '').replace(fieldLabels.docketText, '')];
    let next = index + 1;
    while (next < text.lines.length && !isLabelOrHeading(text.lines[next] ?? '')) {
      parts.push(text.lines[next] ?? '');
      next += 1;
    }
    const value = boundDocketText(cleanDocketText(parts.join(' ')));
    return { value: value === '' ? null : value, line: index, endLine: next };
  }
  return null;
}

/**
 * Plain-text NEFs still carry the HTML formatting tags of the docket text (`<b>`, `<i></i>`). Only those tags go:
 * other `<…>` in a docket text are words. A tag stops at the next `<` as well as at `>`, so an unclosed one costs
 * one scan, not a scan to the end for every `<b` in the text.
 */
function cleanDocketText(text: string): string {
  return text
    .replace(/<\/?(?:b|i|u|em|strong|font|br|span)\b[^<>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A docket text longer than `maxDocketTextCharacters` is cut there, and says so. */
const docketTextCutMark = ` […] (cut: ECF Desk keeps the first ${maxDocketTextCharacters.toLocaleString('en-US')} characters of a docket text; the notice has the rest)`;

function boundDocketText(text: string): string {
  if (text.length <= maxDocketTextCharacters) {
    return text;
  }
  // Never split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text.charAt(maxDocketTextCharacters - 1))
    ? maxDocketTextCharacters - 1
    : maxDocketTextCharacters;
  return `${text.slice(0, end)}${docketTextCutMark}`;
}

/** The links on lines `from` to `to` (excluded). Links come in line order, so a binary search finds the first. */
function linksOnLines(links: readonly NoticeLink[], from: number, to: number): NoticeLink[] {
  let low = 0;
  let high = links.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((links[middle]?.line ?? 0) < from) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  const found: NoticeLink[] = [];
  for (let index = low; index < links.length && (links[index]?.line ?? to) < to; index += 1) {
    found.push(links[index] as NoticeLink);
  }
  return found;
}
