import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';

/**
 * Finds PDFs that cannot be read without repair: a broken or misplaced cross-reference table, a missing or
 * cut-off trailer, a truncated file, or objects the parser cannot read (docs/court-rules.md#pdf-rules). CM/ECF
 * rejects them as "malformed" or "not a well-formed PDF document" (court FAQ 49 and 50).
 */
export function findMalformed(pdf: InspectedPdf): Finding[] {
  if (pdf.structure.headerVersion === null) {
    return [];
  }
  const problems = [...pdf.structure.problems];
  if (pdf.loadError !== null) {
    problems.push(`ECF Desk could not read it: ${pdf.loadError}`);
  }
  if (problems.length === 0) {
    return [];
  }
  return [
    {
      code: 'malformed',
      severity: 'block',
      message:
        `This PDF is damaged: ${problems.join('; ')}. ` +
        'Your PDF reader may still open it by repairing it on the fly, but CM/ECF checks the file itself and rejects it: ' +
        '"Document is malformed or contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted." ' +
        'Re-create the PDF the way the court suggests (FAQ 49): open it in Adobe Acrobat, choose File, then Print, print it to the "Adobe PDF" printer at 300 dpi, and add the new file.',
      text: problems,
    },
  ];
}
