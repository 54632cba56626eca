import { createIsolatedReaders, type IsolatedReaders } from '../core/isolation/isolated-readers';
import { citPreflightOptions } from '../core/preflight/check';
import { childLauncher, isolatedChildPath } from './early-child';
import { exitCodes } from './exit-codes';

/** The whole usage text: every command, its options, and what its exit code means. */
export const usage = `Usage:
  ecf-desk preflight [--json] [--limit-mb N] [--firm NAME]... FILE...
  ecf-desk clean-copy [--drop-annotations none|comments|all] [--flatten-forms] IN.pdf OUT.pdf
  ecf-desk split [--limit-mb N] IN.pdf OUT-FOLDER
  ecf-desk audit verify FILE.json | audit report FILE.json OUT.pdf
  ecf-desk certificate-of-service SERVICE.json OUT.pdf

preflight   Checks PDFs for everything CM/ECF would reject (size, structure, encryption, scripts and
            other active content, attachments, media) and for redactions that leak.
            Exit code: 0 ready, 1 warnings only, 2 blocked, 3 could not check.
clean-copy  Writes a copy without active content, attachments, media, metadata, earlier revisions
            and leftover objects (and without owner-password restrictions). Exit code 0, or 3.
split       Cuts a PDF over the limit into parts under it, at bookmarks where it can, named
            "Part 1 of N (pages a-b)". Exit code 0, or 3.
audit       Checks a filing record exported from ECF Desk (verify), or writes it as a PDF report
            (report). Exit code: 0 the record holds, 4 an entry is broken, 3 could not read.
certificate-of-service
            Writes the certificate of service for a filing (FAQ 38) from a JSON file: court, caseNumber,
            caption, documentTitle, date (YYYY-MM-DD), signer {name, firm, address, email} and parties
            [{name, role, method: electronic|mail|hand|email, address}]. Exit code 0, 2 the file is
            refused (each problem on its own line), or 3.

  --json         print a JSON array, one report per file
  --limit-mb N   the court's per-file limit in MB (default 50, the Court of International Trade's)
  --firm NAME    the firm's name (repeat for more): metadata naming only the firm is information,
                 as in the app, which knows it from the signers of its filings
`;

/** Stops with a message and the usage, exit code 3. */
export function failUsage(message: string): never {
  process.stderr.write(`${message}\n\n${usage}`);
  process.exit(exitCodes.error);
}

/** The court's per-file limit in bytes from `--limit-mb` (CIT's 50 MB when absent). */
export function readLimitBytes(limitMb: string | undefined): number {
  if (limitMb === undefined) {
    return citPreflightOptions.limitBytes;
  }
  const megabytes = Number(limitMb);
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    failUsage(`--limit-mb must be a positive number of megabytes, not "${limitMb}".`);
  }
  return Math.round(megabytes * 1_000_000);
}

const openedReaders: IsolatedReaders[] = [];

/**
 * The readers a command parses files with: each file in a child process within its limits (`dist/workers/` beside the
 * CLI's own folder), so one hostile file costs its own report, never the others'; the first child is the one the
 * command started early, when it did. `limitBytes` is the court's per-file limit for a split.
 */
export function openReaders(limitBytes: number = citPreflightOptions.limitBytes): IsolatedReaders {
  const readers = createIsolatedReaders({
    scriptPath: isolatedChildPath,
    launcher: childLauncher(),
    limitBytes,
    keepsChildWarm: false,
  });
  openedReaders.push(readers);
  return readers;
}

/** The most memory any command's child process used, in MB (for `ECF_DESK_REPORT_RESOURCES`). */
export function peakChildMemoryMb(): number {
  return Math.max(0, ...openedReaders.map((readers) => readers.peakChildMemoryMb()));
}
