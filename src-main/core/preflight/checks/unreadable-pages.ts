import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { readPageContents } from '../content/page-content';
import { describePages } from '../dictionary-entries';

/**
 * Pages whose content could not be read, so the content checks passed over them: what such a page shows in a
 * viewer — text under a black box included — went unchecked, and a damaged page is what CM/ECF rejects as
 * malformed (court FAQ 49). Blocks, naming the pages.
 */
export function findUnreadablePages(pdf: InspectedPdf): Finding[] {
  if (!pdf.document) {
    return [];
  }
  const pages = readPageContents(pdf.document)
    .filter((content) => !content.isReadable)
    .map((content) => content.pageNumber);
  if (pages.length === 0) {
    return [];
  }
  const these = pages.length === 1 ? 'that page' : 'those pages';
  return [
    {
      code: 'malformed',
      severity: 'block',
      message:
        `ECF Desk could not read what ${describePages(pages)} ${pages.length === 1 ? 'shows' : 'show'}, so it could not check ${these} for text under black boxes or for scans. ` +
        `Other programs may still show ${these}, with whatever ${pages.length === 1 ? 'it holds' : 'they hold'}, and CM/ECF rejects damaged files as malformed (court FAQ 49). ` +
        'Re-create the PDF the way the court suggests: open it in Adobe Acrobat, choose File, then Print, print it to the "Adobe PDF" printer at 300 dpi, and add the new file.',
      pages,
    },
  ];
}
