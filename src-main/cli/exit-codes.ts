import type { PreflightReport } from '../shared/preflight';

/**
 * The CLI's exit codes: 0 pass, 1 warnings only, 2 blocked, 3 could not run (the worst file decides); 4 a filing
 * record that does not verify (`audit verify`: the file was read, and an entry is broken); 5 the firm database's schema
 * is newer than this version knows or not one it recognises (`server`: a service manager should not restart it).
 */
export const exitCodes = { pass: 0, warn: 1, block: 2, error: 3, brokenRecord: 4, unknownSchema: 5 } as const;

/** The exit code for a run over several files: the worst verdict among them. */
export function exitCodeFor(reports: readonly Pick<PreflightReport, 'verdict'>[]): number {
  return reports.reduce<number>((worst, report) => Math.max(worst, exitCodes[report.verdict]), exitCodes.pass);
}
