import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';

/**
 * Finds files that are not PDFs: no `%PDF-` header in the first 1024 bytes (docs/court-rules.md#pdf-rules).
 * CM/ECF accepts PDF documents only (FAQ 50).
 */
export function findNotPdf(pdf: InspectedPdf): Finding[] {
  if (pdf.structure.headerVersion !== null) {
    return [];
  }
  return [
    {
      code: 'not-pdf',
      severity: 'block',
      message:
        'This file is not a PDF: it does not start with the "%PDF-" header that every PDF file begins with, even if its name ends in ".pdf". ' +
        'CM/ECF accepts only PDF documents and would answer "Document is not a well-formed PDF document" (court FAQ 50). ' +
        'Open the original in the program that made it, save or print it as a PDF, and add that file instead.',
    },
  ];
}
