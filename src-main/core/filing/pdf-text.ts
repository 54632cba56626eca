import type { PDFDocument, PDFPage } from '@cantoo/pdf-lib';

/**
 * The text layout the PDFs ECF Desk writes share (the certificate of service, the filing record's report): words in
 * lines no wider than `width` as `measure` measures them; a word wider than a line (a hash, a long file name) is cut
 * where the line ends.
 */
export function wrapWords(text: string, measure: (candidate: string) => number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') {
      lines.push(line);
    }
    line = '';
    for (const character of word) {
      if (line !== '' && measure(line + character) > width) {
        lines.push(line);
        line = '';
      }
      line += character;
    }
  }
  if (line !== '') {
    lines.push(line);
  }
  return lines;
}

/** Pages of one size filled top to bottom between margins: where the next line goes, and a new page when it is full. */
export function createPageFlow(document: PDFDocument, size: readonly [width: number, height: number], margin: number) {
  const newPage = (): PDFPage => document.addPage([size[0], size[1]]);
  let page = newPage();
  let y = size[1] - margin;
  return {
    /** The page being written. */
    page: (): PDFPage => page,
    /** How far down the page the next line goes, in points from the bottom. */
    y: (): number => y,
    /** Starts a new page when less than `height` is left above the bottom margin. */
    ensure(height: number): void {
      if (y - height < margin) {
        page = newPage();
        y = size[1] - margin;
      }
    },
    /** Moves down by `height`. */
    down(height: number): void {
      y -= height;
    },
  };
}
