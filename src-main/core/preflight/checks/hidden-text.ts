import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import type { Glyph } from '../content/content-sink';
import { joinGlyphs } from '../content/covered-text';
import type { Box } from '../content/geometry';
import { readPageContents, readPageGlyphs } from '../content/page-content';
import { formatPages } from '../content/page-list';
import { isRecoverableText } from '../content/redaction-text';
import { toPageBox } from './bad-redaction';
import { unseenReason } from '../content/unseen-text';
import type { UnseenReason } from '../content/unseen-text';

/** The glyph pass runs on at most this many pages of one document; the pages past it are still named. */
const mostReadPages = 100;
/** A report names at most this many runs of text: enough to judge what it is. */
const mostShownRuns = 200;

/** One text operator's unseen glyphs, for one reason. */
interface UnseenRun {
  readonly pageNumber: number;
  readonly reason: UnseenReason;
  readonly box: Box;
  readonly text: string;
}

const reasonWords: Readonly<Record<UnseenReason, string>> = {
  'off-page': 'outside the visible page',
  clipped: 'cut off by a clipping path',
  tiny: 'printed smaller than a point',
};

/**
 * Text that no box covers and still no reader can see, for its place or size alone (docs/court-rules.md#redaction-leaks):
 * wholly outside the page's visible area (its crop box), wholly outside the clipping path it is drawn in, or printed
 * smaller than a point. It is in the file all the same: anyone can search or copy it, and the court publishes filings
 * as filed (court FAQ 45). Warns, naming the words, since such text is as often a layout accident as a hiding place.
 */
export function findHiddenText(pdf: InspectedPdf): Finding[] {
  if (!pdf.document) {
    return [];
  }
  const candidates = readPageContents(pdf.document).filter(
    (content) => content.isReadable && content.mayHaveUnseenText,
  );
  // flatMap, not a spread into push: a page can hold more runs than a call takes arguments.
  const runs = candidates
    .slice(0, mostReadPages)
    .flatMap((content) => findUnseenRuns(readPageGlyphs(content.page).glyphs, content.pageBox, content.pageNumber))
    .filter((run) => isRecoverableText(run.text));
  if (runs.length === 0) {
    return [];
  }
  const pages = [...new Set(runs.map((run) => run.pageNumber))];
  const shown = runs.slice(0, mostShownRuns);
  const unread = candidates.length - Math.min(candidates.length, mostReadPages);
  return [
    {
      code: 'hidden-text',
      severity: 'warn',
      message: describe(runs, pages, unread),
      pages,
      boxes: shown.map((run) => toPageBox(run.pageNumber, run.box)),
      text: shown.map((run) => run.text.trim()),
    },
  ];
}

/** A page's unseen glyphs, gathered by the text operator that drew them (consecutive glyphs of one reason). */
function findUnseenRuns(glyphs: readonly Glyph[], pageBox: Box, pageNumber: number): UnseenRun[] {
  const runs: UnseenRun[] = [];
  let current: { reason: UnseenReason; seq: number; glyphs: Glyph[] } | null = null;
  const close = (): void => {
    if (current !== null) {
      runs.push({
        pageNumber,
        reason: current.reason,
        box: boundingBox(current.glyphs),
        text: joinGlyphs(current.glyphs),
      });
      current = null;
    }
  };
  for (const glyph of glyphs) {
    const reason = unseenReason(glyph, pageBox);
    if (reason === null) {
      close();
      continue;
    }
    if (current === null || current.reason !== reason || current.seq !== glyph.seq) {
      close();
      current = { reason, seq: glyph.seq, glyphs: [] };
    }
    current.glyphs.push(glyph);
  }
  close();
  return runs;
}

function boundingBox(glyphs: readonly Glyph[]): Box {
  let box = glyphs[0]!.box;
  for (const glyph of glyphs) {
    box = {
      x0: Math.min(box.x0, glyph.box.x0),
      y0: Math.min(box.y0, glyph.box.y0),
      x1: Math.max(box.x1, glyph.box.x1),
      y1: Math.max(box.y1, glyph.box.y1),
    };
  }
  return box;
}

function describe(runs: readonly UnseenRun[], pages: readonly number[], unread: number): string {
  const reasons = [...new Set(runs.map((run) => reasonWords[run.reason]))];
  const how = reasons.length === 1 ? reasons[0] : `${reasons.slice(0, -1).join(', ')} or ${reasons.at(-1)}`;
  const more =
    unread > 0 ? ` ${unread} more pages may hold such text too; only the first ${mostReadPages} were read for it.` : '';
  return (
    `${formatPages(pages)} ${pages.length === 1 ? 'has' : 'have'} text no reader can see, because it is ${how}, ` +
    'but it is still in the file: anyone can search for it or copy it out, and the court publishes filings as filed ' +
    `(court FAQ 45).${more} Check that it is nothing you meant to leave out. If it is, remove it in the original ` +
    'document, make the PDF again and run preflight on the new file; a clean copy keeps this text.'
  );
}
