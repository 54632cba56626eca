/** A link found in a notice body, with the line its text ends on. */
export interface NoticeLink {
  readonly href: string;
  readonly text: string;
  readonly line: number;
}

/**
 * A notice body reduced to lines of plain text plus its links, so HTML and plain-text NEFs are read
 * by the same code. Blank lines are kept (at most one in a row): they separate recipients and, in
 * plain text, end a wrapped field value.
 */
export interface NoticeText {
  readonly lines: readonly string[];
  readonly links: readonly NoticeLink[];
  /** Plain-text NEFs wrap long values onto the next line; HTML keeps a table cell on one line. */
  readonly wrapsValues: boolean;
}

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/g;

/** Splits a plain-text body into lines and finds its bare URLs. */
export function readPlainText(text: string): NoticeText {
  const lines: string[] = [];
  const links: NoticeLink[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/[\t\u00a0]/g, ' ').trim();
    if (line === '' && lines.at(-1) === '') {
      continue;
    }
    const lineIndex = lines.length;
    lines.push(line);
    for (const match of line.matchAll(urlPattern)) {
      links.push({ href: match[0], text: match[0], line: lineIndex });
    }
  }
  return { lines, links, wrapsValues: true };
}
