import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { citPreflightOptions } from '../core/preflight/check';
import { exitCodes } from './exit-codes';

/** The whole usage text: every command, its options, and what its exit code means. */
export const usage = `Usage:
  ecf-desk preflight [--json] [--limit-mb N] FILE...
  ecf-desk clean-copy [--drop-annotations none|comments|all] [--flatten-forms] IN.pdf OUT.pdf
  ecf-desk split [--limit-mb N] IN.pdf OUT-FOLDER

preflight   Checks PDFs for everything CM/ECF would reject (size, structure, encryption, scripts and
            other active content, attachments, media) and for redactions that leak.
            Exit code: 0 ready, 1 warnings only, 2 blocked, 3 could not check.
clean-copy  Writes a copy without active content, attachments, media, metadata, earlier revisions
            and leftover objects (and without owner-password restrictions). Exit code 0, or 3.
split       Cuts a PDF over the limit into parts under it, at bookmarks where it can, named
            "Part 1 of N (pages a-b)". Exit code 0, or 3.

  --json         print a JSON array, one report per file
  --limit-mb N   the court's per-file limit in MB (default 50, the Court of International Trade's)
`;

/** Stops with a message and the usage, exit code 3. */
export function failUsage(message: string): never {
  process.stderr.write(`${message}\n\n${usage}`);
  process.exit(exitCodes.error);
}

/** The court's per-file limit in bytes from `--limit-mb` (CIT's 50 MB when absent). */
export function readLimitBytes(limitMb: string | undefined): number {
  if (limitMb === undefined) return citPreflightOptions.limitBytes;
  const megabytes = Number(limitMb);
  if (!Number.isFinite(megabytes) || megabytes <= 0) failUsage(`--limit-mb must be a positive number of megabytes, not "${limitMb}".`);
  return Math.round(megabytes * 1_000_000);
}

/** A worker bundle beside the CLI's own (`dist/workers/<name>`). */
export function workerPath(name: string): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workers', name);
}
