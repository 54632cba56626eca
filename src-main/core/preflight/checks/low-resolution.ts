import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { readPageContents } from '../content/page-content';
import { isPageScaleImage } from '../content/page-images';
import { formatPages } from '../content/page-list';

/** The resolution courts ask scans to be made at (court FAQ 44: "scan the document at 300 dpi"). */
const requiredPpi = 300;

/**
 * Scanned pages below 300 dpi (court FAQ 44): the image's pixels divided by the inches it is
 * stretched over, in either direction. Only page-sized images are judged — a logo or signature may be coarse.
 * Small print in a low-resolution scan can be unreadable to the judge and to OCR. Warns.
 */
export function findLowResolutionImages(pdf: InspectedPdf): Finding[] {
  if (!pdf.document) {
    return [];
  }
  const pages: number[] = [];
  let lowest = Infinity;
  for (const content of readPageContents(pdf.document)) {
    if (!content.isReadable) {
      continue;
    }
    let pageLowest = Infinity;
    for (const image of content.images) {
      if (isPageScaleImage(image, content.pageBox)) {
        pageLowest = Math.min(pageLowest, image.ppiAcross, image.ppiDown);
      }
    }
    // Rounded first: 2,550 pixels across 8.5 inches is 300 dpi even when the page is a hair wider.
    if (Math.round(pageLowest) < requiredPpi) {
      pages.push(content.pageNumber);
      lowest = Math.min(lowest, pageLowest);
    }
  }
  if (pages.length === 0) {
    return [];
  }
  return [
    {
      code: 'low-resolution',
      severity: 'warn',
      message:
        `${formatPages(pages)} ${pages.length === 1 ? 'is a scan' : 'are scans'} below ${requiredPpi} dpi (the lowest is about ` +
        `${Math.round(lowest)} dpi). Small print may be hard for the court to read. The court asks for scans at ${requiredPpi} dpi ` +
        `(court FAQ 44): scan the paper again at ${requiredPpi} dpi, black and white unless colour matters.`,
      pages,
    },
  ];
}
