import type { DocumentProblem } from '../../shared/domain';
import type { DocumentReading } from './read-document';

/**
 * What the user reads when an added file cannot be used: what is wrong, why the court cares,
 * what to do. CM/ECF accepts only PDF documents (FAQ 29, FAQ 50).
 */
export function describeProblem(facts: Exclude<DocumentReading, { kind: 'pdf' }> | { kind: 'empty' }): DocumentProblem {
  switch (facts.kind) {
    case 'empty':
      return {
        code: 'document.empty',
        message:
          'This file is empty (0 bytes), so there is nothing to file. Save the document again as a PDF and add the new file.',
      };
    case 'not-pdf':
      return {
        code: 'document.not-pdf',
        message:
          'This file is not a PDF. The court accepts only PDF documents and rejects anything else. Open it in the program that made it, save or print it as PDF, and add the PDF.',
      };
    case 'unreadable':
      return {
        code: 'document.unreadable',
        message: `This PDF is damaged and cannot be read: ${facts.reason}. The court rejects PDFs that are not well-formed. Open it in Acrobat, save it as a new PDF, and add that copy.`,
      };
    case 'needs-password':
      // Preflight's own `encrypted` finding (FAQ 51): the same words `ecf-desk preflight` prints.
      return { code: 'document.needs-password', message: facts.message };
    case 'timeout':
      return {
        code: 'document.timeout',
        message:
          'Reading this PDF took too long, so it was stopped. A PDF this hard to read may also be refused by the court. Save it again as a new PDF (or print it to PDF) and add that copy.',
      };
  }
}
