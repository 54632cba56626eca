import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readPdfFacts } from '../../../src-main/core/documents/read-pdf-facts';
import { makeCleanCopy } from '../../../src-main/core/preflight/fixes/make-clean-copy';
import { splitDocument } from '../../../src-main/core/preflight/fixes/split-document';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import { CourtClient, errorText, startTestCourt } from '../training-court';

/**
 * Runs one of the app's readers of untrusted PDFs on one file, in a process of its own: when a hostile file makes
 * V8 abort, it is this process that ends, not the test runner, and the test can read how much memory it took.
 * Prints one JSON line: the operation's outcome and the process's peak resident memory in MB.
 */
const [operation = '', file = ''] = process.argv.slice(2);

async function run(bytes: Uint8Array): Promise<unknown> {
  switch (operation) {
    case 'preflight':
      return preflightPdf(bytes);
    case 'facts':
      return readPdfFacts(bytes);
    case 'clean-copy': {
      const copy = await makeCleanCopy(bytes, { dropAnnotations: 'none', flattenForms: true });
      return copy.ok ? { ok: true, bytes: copy.bytes.byteLength } : copy;
    }
    case 'split': {
      const split = await splitDocument(bytes, 1_000_000);
      return split.ok ? { ok: true, parts: split.parts.map((part) => part.name) } : split;
    }
    case 'court-upload':
      return fileWithTrainingCourt(bytes);
    default:
      throw new Error(`unknown operation ${operation}`);
  }
}

/** Files the PDF as a complaint with the training court (in this process, as the app embeds it); returns the step it stopped at. */
async function fileWithTrainingCourt(bytes: Uint8Array): Promise<unknown> {
  const court = await startTestCourt({ pdfInIframe: false });
  try {
    const client = new CourtClient(court.url);
    await client.loginAs('jmorgan');
    const result = await client.file({
      caseId: 1017,
      eventId: 'complaint',
      partyIds: ['acme'],
      main: { name: 'complaint.pdf', bytes },
    });
    return { step: result.step, error: errorText(result.html) };
  } finally {
    await court.stop();
    rmSync(court.dataFolder, { recursive: true, force: true });
  }
}

const outcome = await run(await readFile(file));
process.stdout.write(`${JSON.stringify({ outcome, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
