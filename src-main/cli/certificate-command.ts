import { open } from 'node:fs/promises';
import { describeServiceProblems, serviceInput } from '../shared/certificate-of-service';
import { certificateOfServicePdf } from '../core/filing/certificate-of-service';
import { writeFileAtomically } from '../core/storage/atomic-file';
import { failUsage } from './cli-support';
import { exitCodes } from './exit-codes';

/** The most a SERVICE.json file may be: 200 parties with long addresses fit in far less. */
export const maxServiceFileBytes = 1024 * 1024;

/** Reads at most `limit` bytes of the file; null when it is longer (so a huge file is never read whole). */
async function readBounded(file: string, limit: number): Promise<Buffer | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
    }
    return length > limit ? null : buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Writes the problems, one a line, and gives the exit code of a refused input. */
function refuse(problems: readonly string[]): number {
  process.stderr.write(`${problems.map((problem) => `${problem}\n`).join('')}`);
  return exitCodes.block;
}

/**
 * `ecf-desk certificate-of-service SERVICE.json OUT.pdf`: the certificate of service for parties served other than
 * electronically (FAQ 38). Exit code 0 written; 2 the file is refused (not JSON, or not a certificate's content: one
 * line a problem); 3 it could not be read or written. OUT.pdf is replaced whole or not at all.
 */
export async function runCertificateCommand(args: readonly string[]): Promise<number> {
  const [input, output] = args;
  if (!input || !output || args.length !== 2) {
    failUsage('certificate-of-service takes the SERVICE.json file to read and the PDF to write.');
  }
  let bytes: Buffer | null;
  try {
    bytes = await readBounded(input, maxServiceFileBytes);
  } catch (error) {
    process.stderr.write(`${input} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
    return exitCodes.error;
  }
  if (bytes === null) {
    return refuse([
      `${input} is larger than ${maxServiceFileBytes / (1024 * 1024)} MB; a certificate's content is far smaller.`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return refuse([`${input} is not JSON: ${(error as Error).message}`]);
  }
  const parsed = serviceInput.safeParse(json);
  if (!parsed.success) {
    return refuse(describeServiceProblems(parsed.error));
  }
  const pdf = await certificateOfServicePdf(parsed.data);
  try {
    await writeFileAtomically(output, pdf);
  } catch (error) {
    process.stderr.write(
      `${output} could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`,
    );
    return exitCodes.error;
  }
  process.stdout.write(
    `Wrote ${output} (${parsed.data.parties.length} ${parsed.data.parties.length === 1 ? 'party' : 'parties'}, ${pdf.byteLength.toLocaleString('en-US')} bytes).\n`,
  );
  return exitCodes.pass;
}
