import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerPdfReader } from '../../../src-main/core/documents/worker-pdf-reader';
import { testPdfWorkerPath } from '../../support/paths';
import { makeNotPdf, makePdf } from '../../support/synthetic-pdfs';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-worker-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A worker that stands in for a PDF that makes the reader loop forever or swallow memory. */
async function writeHostileWorker(name: string, body: string): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, `import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => { ${body} });\n`);
  return file;
}

describe('createWorkerPdfReader', () => {
  it('reads page counts in a worker, several documents at once, and keeps the caller’s bytes intact', async () => {
    const reader = createWorkerPdfReader(testPdfWorkerPath);
    const documents = [await makePdf(1), await makePdf(2), await makePdf(5), makeNotPdf()];
    const facts = await Promise.all(documents.map((bytes) => reader.readFacts(bytes)));
    expect(facts).toEqual([{ kind: 'pdf', pages: 1 }, { kind: 'pdf', pages: 2 }, { kind: 'pdf', pages: 5 }, { kind: 'not-pdf' }]);
    expect(documents[2]?.byteLength).toBeGreaterThan(0);
    await reader.close();
  });

  it('stops a document that hangs the reader at the time limit and reports a timeout', async () => {
    const reader = createWorkerPdfReader(await writeHostileWorker('hang.mjs', 'for (;;) {}'), { timeoutMs: 300, maxMemoryMb: 64 });
    const started = Date.now();
    await expect(reader.readFacts(await makePdf(1))).resolves.toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await reader.close();
  });

  it('stops a document that eats memory at the memory limit and calls it unreadable', async () => {
    const hog = 'const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random()));';
    const reader = createWorkerPdfReader(await writeHostileWorker('hog.mjs', hog), { timeoutMs: 20_000, maxMemoryMb: 32 });
    const facts = await reader.readFacts(await makePdf(1));
    expect(facts).toEqual({ kind: 'unreadable', reason: 'it needs more memory than a document may use' });
    await reader.close();
  });

  it('calls a reader that dies mid-way unreadable instead of hanging', async () => {
    const reader = createWorkerPdfReader(await writeHostileWorker('crash.mjs', 'process.exit(3);'));
    await expect(reader.readFacts(await makePdf(1))).resolves.toMatchObject({ kind: 'unreadable' });
    await reader.close();
  });
});
