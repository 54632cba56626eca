import type { PreflightReport } from '../../shared/preflight';
import type { PdfFacts, PreflightRun } from '../ports';

/**
 * What adding a document learns from reading it once: a PDF and its preflight report (its page count is the report's,
 * from the same parse), or why the file cannot be used at all.
 */
export type DocumentReading =
  | { readonly kind: 'pdf'; readonly report: PreflightReport }
  /** Preflight's `encrypted` finding, for a file whose password hides even its list of pages. */
  | { readonly kind: 'needs-password'; readonly message: string }
  | Exclude<PdfFacts, { kind: 'pdf' }>;

/**
 * Reads an added document once: preflight against the CIT's profile, in a child process in the app
 * (`IsolatedReaders.readDocument`, the same job `ecf-desk preflight` runs). Never throws.
 */
export type DocumentReader = (bytes: Uint8Array, run: PreflightRun) => Promise<DocumentReading>;

/**
 * What the document list makes of a preflight report: a PDF with pages is listed with its report, whatever its
 * findings (an encrypted one shows preflight's `encrypted` finding, with the clean copy where no password is needed:
 * FAQ 51). Not a PDF, a check that could not run, or no page to count is a file that cannot be used; when a password
 * is what hides the pages, the user reads preflight's own words about it. Reasons are plain words, never a parser's.
 */
export function readingOf(report: PreflightReport): DocumentReading {
  if (report.findings.some((finding) => finding.code === 'not-pdf')) {
    return { kind: 'not-pdf' };
  }
  if (report.verdict === 'error') {
    return { kind: 'unreadable', reason: 'ECF Desk could not finish reading it' };
  }
  if (report.pages !== null && report.pages > 0) {
    return { kind: 'pdf', report };
  }
  const locked = report.findings.find((finding) => finding.code === 'encrypted' && finding.fixes === undefined);
  if (locked) {
    return { kind: 'needs-password', message: locked.message };
  }
  return { kind: 'unreadable', reason: report.pages === 0 ? 'it has no pages' : 'its list of pages cannot be found' };
}
