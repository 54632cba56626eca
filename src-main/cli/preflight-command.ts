import { parseArgs } from 'node:util';
import { citPreflightOptions } from '../core/preflight/check';
import { failUsage, openReaders, readLimitBytes } from './cli-support';
import { exitCodeFor } from './exit-codes';
import { formatReport, toJsonReport, type FileReport } from './format-report';

/** `ecf-desk preflight`: checks each file in a child process and prints the reports; returns the exit code. */
export async function runPreflightCommand(args: readonly string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'limit-mb': { type: 'string' },
      firm: { type: 'string', multiple: true },
    },
  });
  if (files.length === 0) {
    failUsage('Name at least one PDF to check.');
  }
  const options = {
    ...citPreflightOptions,
    limitBytes: readLimitBytes(values['limit-mb']),
    firmNames: values.firm ?? [],
  };

  const readers = openReaders();
  // Each file is read by the child that checks it: this process never holds a PDF's bytes.
  const reports = await Promise.all(
    files.map(async (file): Promise<FileReport> => ({ file, ...(await readers.preflightFile(file, options)) })),
  );
  await readers.close();
  process.stdout.write(
    values.json
      ? `${JSON.stringify(reports.map(toJsonReport), null, 2)}\n`
      : `${reports.map(formatReport).join('\n\n')}\n`,
  );
  return exitCodeFor(reports);
}
