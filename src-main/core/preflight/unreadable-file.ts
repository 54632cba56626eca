import type { PreflightReport } from '../../shared/preflight';

/**
 * The report for a file that could not be read at all, with the system's code for why (`ENOENT`, `EACCES`,
 * `EISDIR`…): nothing was checked, so `ecf-desk preflight` exits 3 for it.
 */
export function unreadableFileReport(reason: string): PreflightReport {
  return {
    bytes: 0,
    pages: null,
    verdict: 'error',
    findings: [],
    error: `The file could not be read (${reason}).`,
  };
}
