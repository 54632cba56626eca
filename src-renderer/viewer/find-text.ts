import type { PageBox } from '../../src-main/shared/preflight';
import type { TextRun } from '../preview/pdf-document';

/** One place the words were found: its page, and a box (in points) over each run it spans. */
export interface TextMatch {
  readonly page: number;
  readonly boxes: readonly PageBox[];
}

/** Lower case with each run of spaces as one, so "Response  due" is found as typed, in any case. */
function normalize(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, ' ');
}

/**
 * Where `query` occurs on a page, read as its runs joined in order (a space between runs that end a line, since
 * pdf.js splits a line into several runs and a phrase may cross them). Each match becomes one box per run it touches,
 * the part of the run it covers measured as a share of the run's width: exact for the evenly spaced text of most
 * filings, close enough to show where the words are on any other.
 */
export function findOnPage(page: number, runs: readonly TextRun[], query: string): TextMatch[] {
  const needle = normalize(query.trim());
  if (needle === '') {
    return [];
  }
  let joined = '';
  const spans: { readonly run: TextRun; readonly start: number; readonly end: number }[] = [];
  for (const run of runs) {
    const text = normalize(run.text);
    spans.push({ run, start: joined.length, end: joined.length + text.length });
    joined += text;
    if (run.endsLine && !joined.endsWith(' ')) {
      joined += ' ';
    }
  }
  const matches: TextMatch[] = [];
  for (let at = joined.indexOf(needle); at !== -1; at = joined.indexOf(needle, at + needle.length)) {
    const end = at + needle.length;
    const boxes = spans
      .filter((span) => span.start < end && span.end > at && span.end > span.start)
      .map(({ run, start, end: runEnd }) => {
        const length = runEnd - start;
        const from = (Math.max(at, start) - start) / length;
        const to = (Math.min(end, runEnd) - start) / length;
        return {
          page,
          x0: run.x + run.width * from,
          y0: run.y - run.height * 0.25,
          x1: run.x + run.width * to,
          y1: run.y + run.height,
        };
      });
    if (boxes.length > 0) {
      matches.push({ page, boxes });
    }
  }
  return matches;
}
