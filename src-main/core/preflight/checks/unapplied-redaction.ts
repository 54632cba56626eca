import type { Finding, PageBox } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { describePages, distinctPages, numbersOf } from '../dictionary-entries';

/**
 * Finds redactions that were marked but never applied (`/Redact` annotations): the text under the mark is
 * still in the file. Courts name incomplete redaction as a leak a filer must catch (court FAQ 45,
 * Fed. R. Civ. P. 5.2; docs/court-rules.md#redaction-leaks).
 */
export function findUnappliedRedactions(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const marks = census.annotations.filter((annotation) => annotation.subtype === 'Redact');
  if (marks.length === 0) {
    return [];
  }
  const boxes: PageBox[] = [];
  for (const mark of marks) {
    const rectangle = numbersOf(mark.dictionary, 'Rect');
    if (mark.page === null || rectangle === null || rectangle.length !== 4) {
      continue;
    }
    const [left = 0, bottom = 0, right = 0, top = 0] = rectangle;
    boxes.push({
      page: mark.page,
      x0: Math.min(left, right),
      y0: Math.min(bottom, top),
      x1: Math.max(left, right),
      y1: Math.max(bottom, top),
    });
  }
  const pages = distinctPages(marks.map((mark) => mark.page));
  const where = pages.length > 0 ? ` on ${describePages(pages)}` : '';
  return [
    {
      code: 'unapplied-redaction',
      severity: 'block',
      message:
        `${marks.length === 1 ? 'One area' : `${marks.length} areas`}${where} ${marks.length === 1 ? 'is' : 'are'} marked for redaction, but the redaction was never applied: ` +
        'the text underneath is still in the file, and anyone who opens the filing can read or copy it. ' +
        'In Adobe Acrobat open the Redact tool and choose "Apply", save the file, and check it again.',
      ...(pages.length > 0 ? { pages } : {}),
      ...(boxes.length > 0 ? { boxes } : {}),
    },
  ];
}
