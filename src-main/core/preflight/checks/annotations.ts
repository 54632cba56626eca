import { PDFNumber } from '@cantoo/pdf-lib';
import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { describePages, distinctPages, valueOf } from '../dictionary-entries';

/** Comment and markup annotations (ISO 32000-1 §12.5.6); Popup is the window of another comment, not one itself. */
export const markupSubtypes: ReadonlySet<string> = new Set([
  'Text',
  'FreeText',
  'Highlight',
  'Underline',
  'StrikeOut',
  'Squiggly',
  'Ink',
  'Square',
  'Circle',
  'Line',
  'Polygon',
  'PolyLine',
  'Stamp',
  'Caret',
]);
/** Annotation flags Hidden (bit 2) and NoView (bit 6): the comment is in the file but not shown. */
const hiddenFlags = 2 | 32;

/**
 * Finds comments and markups (sticky notes, highlights, drawings, stamps), which are filed with the document
 * and can hold remarks never meant for the court, and calls out the hidden ones (court FAQ 45;
 * docs/court-rules.md#redaction-leaks).
 */
export function findAnnotations(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const comments = census.annotations.filter((annotation) => markupSubtypes.has(annotation.subtype));
  if (comments.length === 0) {
    return [];
  }
  const pagesByKind = new Map<string, (number | null)[]>();
  const hiddenPages: (number | null)[] = [];
  for (const comment of comments) {
    const kindPages = pagesByKind.get(comment.subtype) ?? [];
    kindPages.push(comment.page);
    pagesByKind.set(comment.subtype, kindPages);
    const flags = valueOf(comment.dictionary, 'F');
    if (flags instanceof PDFNumber && (flags.asNumber() & hiddenFlags) !== 0) {
      hiddenPages.push(comment.page);
    }
  }
  const pages = distinctPages(comments.map((comment) => comment.page));
  const text = [...pagesByKind].map(([kind, on]) => {
    const kindPages = distinctPages(on);
    return `${kind} (${on.length})${kindPages.length > 0 ? ` on ${describePages(kindPages)}` : ''}`;
  });
  const hiddenOn = distinctPages(hiddenPages);
  if (hiddenPages.length > 0) {
    text.push(`${hiddenPages.length} hidden from view${hiddenOn.length > 0 ? ` on ${describePages(hiddenOn)}` : ''}`);
  }
  return [
    {
      code: 'annotations',
      severity: 'warn',
      message:
        `This PDF has ${comments.length === 1 ? 'a comment or markup' : `${comments.length} comments or markups`} (notes, highlights, drawings or stamps)` +
        `${pages.length > 0 ? ` on ${describePages(pages)}` : ''}.` +
        `${hiddenPages.length > 0 ? ` ${hiddenPages.length === 1 ? 'One is' : `${hiddenPages.length} are`} hidden from view but still in the file.` : ''} ` +
        'Comments are filed with the document and anyone can open them. Delete the ones that should not be filed (Adobe Acrobat: Comment panel), and make sure no markup is being used to black out text.',
      ...(pages.length > 0 ? { pages } : {}),
      text,
    },
  ];
}
