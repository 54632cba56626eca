import type { Finding, PageBox } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { findDarkAnnotationCovers } from '../content/annotation-covers';
import type { FilledRect } from '../content/content-sink';
import type { Box } from '../content/geometry';
import { findCoveredText, mayHideText } from '../content/covered-text';
import type { CoveredText } from '../content/covered-text';
import { findDarkImageCovers, mayHideTextUnderImage } from '../content/image-covers';
import { readPageContents, readPageGlyphs } from '../content/page-content';
import type { PageContent } from '../content/page-content';
import { isLoneCharacter, isRecoverableText, looksLikeDate } from '../content/redaction-text';
import { judgeUndecidedText } from '../visibility/judge-visibility';
import { openRegionRenderer } from '../visibility/render-region';
import type { RegionRenderer } from '../visibility/render-region';
import { findUndecidedText, mayHideTextUndecided } from '../visibility/undecided-text';
import type { UndecidedText } from '../visibility/undecided-text';

/** One box with recoverable text under it. */
interface Leak extends CoveredText {
  readonly pageNumber: number;
}

/** Pages the vector reading leaves undecided, each with the glyphs the renderer is to judge. */
interface UndecidedPage {
  readonly pageNumber: number;
  readonly groups: readonly UndecidedText[];
}

/** At most this many pages of one document are rendered; the rest stay undecided (not reported). */
const mostRenderedPages = 40;
/** Rendering stops once this much time has gone on it for one document. */
const renderBudgetMs = 20_000;

/**
 * Text a reader cannot see that is still in the file (docs/court-rules.md#redaction-leaks): a box painted over the
 * words, a box of the words' own colour under them (a word processor's black highlighting), a dark highlight,
 * square or text-box annotation, or a dark image, pattern or shading over them. Anyone can copy the words out, and
 * the court publishes filings as filed. The court's FAQ 45 warns that suppressed text can stay readable, and Fed. R.
 * Civ. P. 5.2 puts the redaction duty on the filer. What the page's drawing commands settle is settled from them;
 * the few places they cannot (images, soft masks, blend modes, patterns, shadings) are drawn with pdf.js and judged
 * by their pixels. Blocks filing.
 */
export async function findBadRedactions(pdf: InspectedPdf): Promise<Finding[]> {
  if (!pdf.document) {
    return [];
  }
  const annotationCovers = findDarkAnnotationCovers(pdf.census?.annotations ?? []);
  const leaks: Leak[] = [];
  const undecided: UndecidedPage[] = [];
  for (const content of readPageContents(pdf.document)) {
    const pageAnnotationCovers = annotationCovers.get(content.pageNumber) ?? [];
    if (!content.isReadable || !mayHideAnyText(content, pageAnnotationCovers)) {
      continue;
    }
    const page = readPageGlyphs(content.page);
    const covers = [...page.opaqueRects, ...findDarkImageCovers(page.images, content.pageBox), ...pageAnnotationCovers];
    const { covered, hidden } = findCoveredText({ ...page, opaqueRects: covers }, content.pageBox);
    leaks.push(...covered.map((found) => ({ ...found, pageNumber: content.pageNumber })));
    const groups = findUndecidedText(page, content.pageBox, hidden);
    if (groups.length > 0) {
      undecided.push({ pageNumber: content.pageNumber, groups });
    }
  }
  leaks.push(...(await judgeByRendering(pdf.bytes, undecided)));
  return reportLeaks(leaks.filter((leak) => isRecoverableText(leak.text) || isLoneCharacter(leak.text)));
}

/** The undecided pages judged from their rendering, within the page and time budget. */
async function judgeByRendering(bytes: Uint8Array, pages: readonly UndecidedPage[]): Promise<Leak[]> {
  if (pages.length === 0) {
    return [];
  }
  const leaks: Leak[] = [];
  const started = Date.now();
  let renderer: RegionRenderer | null = null;
  try {
    renderer = await openRegionRenderer(bytes);
    for (const { pageNumber, groups } of pages.slice(0, mostRenderedPages)) {
      if (Date.now() - started > renderBudgetMs) {
        break;
      }
      const found = await judgeUndecidedText(renderer, pageNumber, groups).catch(() => null);
      leaks.push(...(found ?? []).map((leak) => ({ ...leak, pageNumber })));
    }
  } catch {
    // pdf.js could not open the file: its pages stay undecided, and its damage is reported by the structure checks.
  } finally {
    await renderer?.close().catch(() => undefined);
  }
  return leaks;
}

/**
 * One finding for every leak. A lone letter under a box is most often the box's edge touching the next word, so it
 * counts only beside a longer leak in the same document, where it is one more box of the same redaction (x-ray's
 * single-character filter otherwise). x-ray v0.3.3: a document whose only hits are dates is a docket-style page with
 * boxed dates, not a leak.
 */
function reportLeaks(found: readonly Leak[]): Finding[] {
  const longer = found.filter((leak) => isRecoverableText(leak.text));
  if (longer.length === 0 || longer.every((leak) => looksLikeDate(leak.text))) {
    return [];
  }
  const leaks = [...found].sort((first, second) => first.pageNumber - second.pageNumber);
  const pages = [...new Set(leaks.map((leak) => leak.pageNumber))];
  return [
    {
      code: 'bad-redaction',
      severity: 'block',
      message: describe(leaks.length, pages),
      pages,
      boxes: leaks.map((leak) => toPageBox(leak.pageNumber, leak.box)),
      text: leaks.map((leak) => leak.text.trim()),
    },
  ];
}

/** The cheap pass's verdict: only pages where some cover could meet text get the glyph pass. */
function mayHideAnyText(content: PageContent, annotationCovers: readonly FilledRect[]): boolean {
  // Dark annotations are rare enough that any text on their page earns the glyph pass.
  if (annotationCovers.length > 0 && content.showsText) {
    return true;
  }
  return mayHideText(content) || mayHideTextUnderImage(content) || mayHideTextUndecided(content);
}

function describe(count: number, pages: readonly number[]): string {
  const where = pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`;
  const boxes = count === 1 ? 'A box covers' : `${count} boxes cover`;
  return (
    `${boxes} text that is still in the file on ${where}: the words cannot be seen on the page, but they can be ` +
    'copied or searched out from under the box, so the court would publish exactly what was meant to be hidden. ' +
    'A clean copy does not fix this, because the text is part of the page. Go back to the original, redact these ' +
    'places with a real redaction tool that removes the text (in Adobe Acrobat, Redact, then Apply; black ' +
    'highlighting or shading in a word processor only hides the words), save the file again and run preflight on ' +
    'the new file.'
  );
}

/** A box on page `pageNumber` for the report, to a hundredth of a point. */
export function toPageBox(pageNumber: number, box: Box): PageBox {
  return { page: pageNumber, x0: round(box.x0), y0: round(box.y0), x1: round(box.x1), y1: round(box.y1) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
