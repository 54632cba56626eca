import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { citPreflightOptions } from '../core/preflight/check';
import type { FixOutcome, FixRequest } from '../core/ports';
import type { AnnotationsToDrop } from '../shared/domain';
import { failUsage, openReaders, readLimitBytes } from './cli-support';
import { exitCodes } from './exit-codes';

const annotationChoices: readonly AnnotationsToDrop[] = ['none', 'comments', 'all'];

async function runFix(input: string, request: FixRequest, limitBytes: number): Promise<FixOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    return {
      kind: 'failed',
      code: 'fix.unreadable',
      message: `The file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    };
  }
  const readers = openReaders(limitBytes);
  const outcome = await readers.fixer.fix(bytes, request, {});
  await readers.close();
  return outcome;
}

function reportFailure(outcome: Extract<FixOutcome, { kind: 'failed' }>): number {
  process.stderr.write(`${outcome.message}\n`);
  return exitCodes.error;
}

/** `ecf-desk clean-copy`: writes the clean copy and lists what it left out; returns the exit code. */
export async function runCleanCopyCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'drop-annotations': { type: 'string', default: 'none' },
      'flatten-forms': { type: 'boolean', default: false },
    },
  });
  const [input, output] = positionals;
  if (!input || !output || positionals.length !== 2) {
    failUsage('clean-copy takes the PDF to copy and the file to write.');
  }
  const dropAnnotations = values['drop-annotations'] as AnnotationsToDrop;
  if (!annotationChoices.includes(dropAnnotations)) {
    failUsage(`--drop-annotations is none, comments or all, not "${values['drop-annotations']}".`);
  }
  const outcome = await runFix(
    input,
    { fix: values['flatten-forms'] ? 'flatten-forms' : 'clean-copy', dropAnnotations },
    citPreflightOptions.limitBytes,
  );
  if (outcome.kind === 'failed') {
    return reportFailure(outcome);
  }
  if (outcome.kind !== 'version') {
    return exitCodes.error;
  }
  await writeFile(output, outcome.bytes);
  const lines = [`Wrote ${output} (${outcome.bytes.byteLength.toLocaleString('en-US')} bytes).`];
  if (outcome.removed.length) {
    lines.push('Left out:', ...outcome.removed.map((item) => `  · ${item}`));
  }
  if (outcome.notes.length) {
    lines.push('Note:', ...outcome.notes.map((note) => `  · ${note}`));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return exitCodes.pass;
}

/** `ecf-desk split`: writes each part into the folder, named after the original; returns the exit code. */
export async function runSplitCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'limit-mb': { type: 'string' } },
  });
  const [input, folder] = positionals;
  if (!input || !folder || positionals.length !== 2) {
    failUsage('split takes the PDF to cut and the folder to write the parts into.');
  }
  const outcome = await runFix(input, { fix: 'split' }, readLimitBytes(values['limit-mb']));
  if (outcome.kind === 'failed') {
    return reportFailure(outcome);
  }
  if (outcome.kind !== 'parts') {
    return exitCodes.error;
  }
  await mkdir(folder, { recursive: true });
  const base = path.basename(input, path.extname(input));
  for (const part of outcome.parts) {
    const file = path.join(folder, `${base} — ${part.name}.pdf`);
    await writeFile(file, part.bytes);
    process.stdout.write(`Wrote ${file} (${part.bytes.byteLength.toLocaleString('en-US')} bytes).\n`);
  }
  return exitCodes.pass;
}
