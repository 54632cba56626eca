import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { readPageContents } from '../content/page-content';
import { countUndecodableContentStreams } from '../content/stream-bytes';

const recreate =
  'Re-create the PDF the way the court suggests (FAQ 49): open it in Adobe Acrobat, choose File, then Print, print it to the "Adobe PDF" printer at 300 dpi, and add the new file.';

const cleanCopy =
  'ECF Desk can make a clean copy: it writes every page into a new file with a new index, which strict readers accept. ' +
  'Check that the copy shows every page as you expect, and file the copy. If it does not, re-create the PDF: open it in Adobe Acrobat, choose File, then Print, print it to the "Adobe PDF" printer at 300 dpi, and add the new file.';

/**
 * Finds PDFs that cannot be read without repair: a broken or misplaced cross-reference table, a missing or
 * cut-off trailer, a truncated file, or objects the parser cannot read (docs/court-rules.md#pdf-rules). CM/ECF
 * rejects them as "malformed" or "not a well-formed PDF document" (court FAQ 49 and 50). When only the file's
 * skeleton is damaged and every page and its content could still be read, the clean copy rebuilds the file
 * around the same pages and is offered; otherwise the damage would travel into the copy, so the filer is told
 * to re-create the PDF.
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
  const canRebuild = isEveryPageReadable(pdf);
  return [
    {
      code: 'malformed',
      severity: 'block',
      message:
        `This PDF is damaged: ${problems.join('; ')}. ` +
        'Your PDF reader may still open it by repairing it on the fly, but CM/ECF checks the file itself and rejects it: ' +
        '"Document is malformed or contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted." ' +
        (canRebuild ? cleanCopy : recreate),
      text: problems,
      ...(canRebuild ? { fixes: ['clean-copy' as const] } : {}),
    },
  ];
}

/** Whether every page the file lists, and everything those pages draw, was read: then a copy built from them loses nothing. */
function isEveryPageReadable(pdf: InspectedPdf): boolean {
  const tree = pdf.pageTree;
  if (pdf.document === null || tree === null || pdf.loadError !== null || pdf.encryption === 'needs-password') {
    return false;
  }
  const isTreeComplete =
    tree.pages.length > 0 &&
    tree.pages.length === tree.pageCount &&
    tree.unreadablePages.length === 0 &&
    tree.stoppedAt === null &&
    tree.listedPages !== Number.POSITIVE_INFINITY;
  if (!isTreeComplete) {
    return false;
  }
  try {
    const contents = readPageContents(pdf.document);
    return (
      contents.every((content) => content.isReadable) &&
      countUndecodableContentStreams(pdf.document.context) === 0 &&
      pdf.decodeBudget.overrun === null
    );
  } catch {
    return false;
  }
}
