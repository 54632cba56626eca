import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

/**
 * Blocks a document whose compressed contents expand past what ECF Desk decodes of one document (a decompression
 * bomb, or a file no court system would open either): ECF Desk stopped decoding it, so it was not fully checked
 * and must never read as ready. Runs after every other check, because the checks decode streams too.
 */
export function findDecodingOverrun(pdf: InspectedPdf): Finding[] {
  const overrun = pdf.decodeBudget.overrun;
  if (overrun === null) {
    return [];
  }
  const what =
    overrun.limit === 'stream'
      ? `one part of this PDF expands to more than ${megabytes(overrun.limitBytes)} when it is opened`
      : `the parts of this PDF expand to more than ${megabytes(overrun.limitBytes)} in all when it is opened`;
  return [
    {
      code: 'malformed',
      severity: 'block',
      message:
        `This PDF cannot be checked: ${what}, far more than any real filing holds, so ECF Desk stopped opening it and did not check the rest. ` +
        'A file built like this can stall or crash the programs that open it. The court accepts files of at most 50 MB (court FAQ 48), and CM/ECF rejects files it cannot process as malformed (FAQ 49). ' +
        'Re-create the PDF: open it in Adobe Acrobat, choose File, then Print, print it to the "Adobe PDF" printer at 300 dpi, and add the new file. If someone sent it to you, ask them for a new copy.',
      text: [what],
    },
  ];
}
