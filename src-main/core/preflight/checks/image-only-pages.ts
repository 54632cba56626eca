import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { readPageContents } from '../content/page-content';
import { isPageScaleImage } from '../content/page-images';
import { formatPages } from '../content/page-list';

/**
 * Pages that are pictures of text with no text layer: a scan that was never run through OCR.
 * The CIT asks that scans be made text searchable (court FAQ 44), and nobody can search, copy or read aloud such a
 * page. An OCR layer is invisible text (render mode 3) and counts as text, so OCR'd scans pass. Warns.
 */
export function findImageOnlyPages(pdf: InspectedPdf): Finding[] {
  if (!pdf.document) {
    return [];
  }
  const pages = readPageContents(pdf.document)
    .filter(
      (content) =>
        content.isReadable &&
        !content.showsText &&
        content.images.some((image) => isPageScaleImage(image, content.pageBox)),
    )
    .map((content) => content.pageNumber);
  if (pages.length === 0) {
    return [];
  }
  return [
    {
      code: 'image-only-pages',
      severity: 'warn',
      message:
        `${formatPages(pages)} ${pages.length === 1 ? 'is a scanned image' : 'are scanned images'} with no text layer, so the words cannot ` +
        'be searched or copied. The court asks that scans be made text searchable (court FAQ 44). Print the original ' +
        'to PDF instead of scanning it, or run the scan through OCR (Adobe Acrobat calls it Paper Capture or Recognize Text) and save it again.',
      pages,
    },
  ];
}
