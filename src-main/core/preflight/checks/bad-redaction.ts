import type { Finding, PageBox } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { findDarkAnnotationCovers } from '../content/annotation-covers';
import type { FilledRect } from '../content/content-sink';
import { findCoveredText, mayHideText } from '../content/covered-text';
import type { CoveredText } from '../content/covered-text';
import { findDarkImageCovers, mayHideTextUnderImage } from '../content/image-covers';
import { readPageContents, readPageGlyphs } from '../content/page-content';
import type { PageContent } from '../content/page-content';
import { isRecoverableText, looksLikeDate } from '../content/redaction-text';

/** One box with recoverable text under it. */
interface Leak extends CoveredText {
  readonly pageNumber: number;
}

/**
 * Boxes drawn over text that is still in the file (Free Law Project x-ray's method,
 * docs/court-rules.md#redaction-leaks): anyone can copy the words out from under them, and the court publishes filings
 * as filed. The court's FAQ 45 warns that suppressed text can stay readable, and Fed. R. Civ. P. 5.2 puts the redaction
 * duty on the filer. The box may also be a dark highlight, square or text-box annotation, or a dark image painted over
 * the words (after x-ray PRs #208 and #211). Blocks filing.
 */
export function findBadRedactions(pdf: InspectedPdf): Finding[] {
  if (!pdf.document) {
    return [];
  }
  const annotationCovers = findDarkAnnotationCovers(pdf.census?.annotations ?? []);
  const leaks: Leak[] = [];
  for (const content of readPageContents(pdf.document)) {
    const pageAnnotationCovers = annotationCovers.get(content.pageNumber) ?? [];
    if (!content.isReadable || !mayHideAnyText(content, pageAnnotationCovers)) {
      continue;
    }
    const page = readPageGlyphs(content.page);
    const covers = [...page.opaqueRects, ...findDarkImageCovers(page.images, content.pageBox), ...pageAnnotationCovers];
    for (const covered of findCoveredText({ ...page, opaqueRects: covers }, content.pageBox)) {
      if (isRecoverableText(covered.text)) {
        leaks.push({ ...covered, pageNumber: content.pageNumber });
      }
    }
  }
  // x-ray v0.3.3: a document whose only hits are dates is a docket-style page with boxed dates, not a leak.
  if (leaks.length === 0 || leaks.every((leak) => looksLikeDate(leak.text))) {
    return [];
  }
  const pages = [...new Set(leaks.map((leak) => leak.pageNumber))].sort((first, second) => first - second);
  return [
    {
      code: 'bad-redaction',
      severity: 'block',
      message: describe(leaks.length, pages),
      pages,
      boxes: leaks.map(toPageBox),
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
  return mayHideText(content) || mayHideTextUnderImage(content);
}

function describe(count: number, pages: readonly number[]): string {
  const where = pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`;
  const boxes = count === 1 ? 'A box covers' : `${count} boxes cover`;
  return (
    `${boxes} text that is still in the file on ${where}: the words can be copied or searched out from under ` +
    'the box, so the court would publish exactly what was meant to be hidden. A clean copy does not fix this, ' +
    'because the text is part of the page. Go back to the original, redact these places with a real redaction ' +
    'tool that removes the text (in Adobe Acrobat, Redact, then Apply), save the file again and run preflight on the new file.'
  );
}

function toPageBox(leak: Leak): PageBox {
  const { x0, y0, x1, y1 } = leak.box;
  return { page: leak.pageNumber, x0: round(x0), y0: round(y0), x1: round(x1), y1: round(y1) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
