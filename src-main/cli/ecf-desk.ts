import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { citPreflightOptions, type PreflightOptions } from '../core/preflight/check';
import { createWorkerPreflight } from '../core/preflight/worker-preflight';
import type { PreflightReport } from '../shared/preflight';
import { exitCodeFor, exitCodes } from './exit-codes';
import { formatReport, toJsonReport, type FileReport } from './format-report';

const usage = `Usage: ecf-desk preflight [--json] [--limit-mb N] FILE...

Checks PDFs for everything CM/ECF would reject (size, structure, encryption, scripts and other
active content, attachments, media) and for redactions that leak. Exit code: 0 ready, 1 warnings
only, 2 blocked, 3 could not check.

  --json         print a JSON array, one report per file
  --limit-mb N   the court's per-file limit in MB (default 50, the Court of International Trade's)
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}`);
  process.exit(exitCodes.error);
}

function readOptions(limitMb: string | undefined): PreflightOptions {
  if (limitMb === undefined) return citPreflightOptions;
  const megabytes = Number(limitMb);
  if (!Number.isFinite(megabytes) || megabytes <= 0) fail(`--limit-mb must be a positive number of megabytes, not "${limitMb}".`);
  return { ...citPreflightOptions, limitBytes: Math.round(megabytes * 1_000_000) };
}

function unreadable(file: string, reason: string): FileReport {
  return { file, bytes: 0, pages: null, verdict: 'error', findings: [], error: `The file could not be read (${reason}).` };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, 'limit-mb': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [command, ...files] = positionals;
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  if (command !== 'preflight') fail(command ? `Unknown command "${command}".` : 'Name a command.');
  if (files.length === 0) fail('Name at least one PDF to check.');
  const options = readOptions(values['limit-mb']);

  const workerPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workers', 'preflight.js');
  const preflight = createWorkerPreflight(workerPath);
  const reports = await Promise.all(
    files.map(async (file): Promise<FileReport> => {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        return unreadable(file, (error as NodeJS.ErrnoException).code ?? String(error));
      }
      const report: PreflightReport = await preflight.preflight(bytes, options);
      return { file, ...report };
    }),
  );
  await preflight.close();

  process.stdout.write(values.json ? `${JSON.stringify(reports.map(toJsonReport), null, 2)}\n` : `${reports.map(formatReport).join('\n\n')}\n`);
  if (process.env['ECF_DESK_REPORT_RESOURCES']) process.stderr.write(`resources: peak-rss-mb=${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
  process.exitCode = exitCodeFor(reports);
}

main().catch((error: unknown) => {
  process.stderr.write(`ecf-desk could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodes.error);
});
