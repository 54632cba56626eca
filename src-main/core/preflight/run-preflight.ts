import type { Finding, PreflightProgress, PreflightReport, Verdict } from '../../shared/preflight';
import { citPreflightOptions } from './check';
import type { Check, InspectedPdf, PreflightOptions } from './check';
import { findDecodingOverrun } from './checks/decoding-limit';
import { allChecks } from './checks/index';
import { readPageContents } from './content/page-content';
import { inspectPdf } from './inspect-pdf';

/**
 * Preflights one PDF against a court profile: inspects it once, runs every check, and sums up the verdict.
 * A check that fails on an odd file becomes a finding, never a crash; `error` means preflight itself could not run.
 * A document whose streams expanded past the decoding limits is blocked whichever checks ran, since it was not
 * fully read; its page count counts every page its page list names, readable or not.
 */
export async function preflightPdf(
  bytes: Uint8Array,
  options: PreflightOptions = citPreflightOptions,
  checks: readonly Check[] = allChecks,
  onProgress: (progress: PreflightProgress) => void = () => undefined,
): Promise<PreflightReport> {
  let pdf: InspectedPdf;
  try {
    onProgress({ phase: 'reading', pagesDone: 0, pageCount: 0 });
    pdf = await inspectPdf(bytes, options);
  } catch {
    // inspectPdf turns what it cannot read into `loadError`; anything else is a parser's own error, not words for a user.
    return {
      bytes: bytes.byteLength,
      pages: null,
      verdict: 'error',
      findings: [],
      error: 'ECF Desk could not read this file. Add it again, or re-create the PDF from the original.',
    };
  }
  if (pdf.document) {
    // The page pass is most of the work; reading it here, before the checks share it, lets progress follow each page.
    // A page tree too broken to walk is left for the checks, whose failures become findings.
    try {
      readPageContents(pdf.document, (pagesDone, pageCount) => onProgress({ phase: 'pages', pagesDone, pageCount }));
    } catch {
      onProgress({ phase: 'checking', pagesDone: 0, pageCount: 0 });
    }
  }
  const pageCount = pdf.census?.pages.length ?? 0;
  onProgress({ phase: 'checking', pagesDone: pageCount, pageCount });
  const findings: Finding[] = [];
  let didACheckFail = false;
  for (const check of checks) {
    try {
      findings.push(...(await check(pdf)));
    } catch {
      didACheckFail = true;
    }
  }
  if (didACheckFail) {
    findings.push(checkFailed);
  }
  findings.push(...findDecodingOverrun(pdf));
  return {
    bytes: bytes.byteLength,
    pages: pdf.pageTree === null ? null : pdf.pageTree.pageCount,
    verdict: verdictOf(findings),
    findings,
  };
}

function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((finding) => finding.severity === 'block')) {
    return 'block';
  }
  if (findings.some((finding) => finding.severity === 'warn')) {
    return 'warn';
  }
  return 'pass';
}

const checkFailed: Finding = {
  code: 'malformed',
  severity: 'warn',
  message:
    'Part of this file could not be checked because some of its contents could not be read, so a problem may have been missed. ' +
    'CM/ECF may reject such a file as malformed (court FAQ 49). Re-create the PDF (print it to the "Adobe PDF" printer in Adobe Acrobat) and check the new file.',
};
