import { open } from 'node:fs/promises';
import { filingRecord } from '../shared/filing-record';
import { describeError } from '../shared/describe-error';
import { filingRecordPdf } from '../core/filing/filing-record-pdf';
import { maxRecordBytes, verifyRecordText } from '../core/filing/record-chain';
import { writeFileAtomically } from '../core/storage/atomic-file';
import { exitCodes } from './exit-codes';

/** The `audit` part of the usage text. */
export const auditUsage = `Usage:
  ecf-desk audit verify FILE.json
  ecf-desk audit report FILE.json OUT.pdf

audit verify   Checks a filing record exported from ECF Desk (Export record (JSON)): every entry
               follows the one before by its SHA-256, none was changed, removed or reordered.
               Prints "The record holds: N entries, head <hash>", or the first broken entry.
               Exit code: 0 the record holds, 4 it is broken, 3 the file could not be read.
audit report   Writes the record as a readable PDF report to keep with the matter. It checks the
               record first and writes nothing from a broken one. Exit code 0, 4 or 3.
`;

/** Reads at most the record size limit: a larger file is not a filing record. */
async function readRecordFile(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(maxRecordBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Checks the record; prints the verdict and answers the exit code, with the parsed record when it holds. */
async function checkRecord(file: string): Promise<{ code: number; text: string | null }> {
  let text: string;
  try {
    text = await readRecordFile(file);
  } catch (error) {
    process.stderr.write(`${file}: could not be read: ${describeError(error).message}\n`);
    return { code: exitCodes.error, text: null };
  }
  const verdict = verifyRecordText(text);
  if (verdict.ok) {
    process.stdout.write(`The record holds: ${verdict.count} entries, head ${verdict.headHash}\n`);
    return { code: exitCodes.pass, text };
  }
  process.stdout.write(
    verdict.brokenEntry === 0
      ? `The record is broken: ${verdict.reason}\n`
      : `Entry ${verdict.brokenEntry} is broken: ${verdict.reason}\n`,
  );
  return { code: exitCodes.brokenRecord, text: null };
}

/** `ecf-desk audit verify FILE` and `ecf-desk audit report FILE OUT.pdf`. */
export async function runAuditCommand(args: readonly string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'verify' && rest.length === 1 && rest[0]) {
    return (await checkRecord(rest[0])).code;
  }
  if (subcommand === 'report' && rest.length === 2 && rest[0] && rest[1]) {
    const { code, text } = await checkRecord(rest[0]);
    if (text === null) {
      return code;
    }
    await writeFileAtomically(rest[1], await filingRecordPdf(filingRecord.parse(JSON.parse(text))));
    process.stdout.write(`Wrote the report to ${rest[1]}\n`);
    return exitCodes.pass;
  }
  process.stderr.write(`Name what to do and the files.\n\n${auditUsage}`);
  return exitCodes.error;
}
