import { describe, expect, it } from 'vitest';
import type { Finding, PreflightReport } from '../../../src-main/shared/preflight';
import { UPLOAD_MESSAGES } from '../../../src-main/training-court/upload-rules';
import { makeContentBombPdf, makeFanOutPdf, makeObjectStreamBombPdf } from '../../support/hostile-pdfs';
import { readInOwnProcess } from '../../support/untrusted-pdf-process';
import type { OwnProcessRun, UntrustedPdfOperation } from '../../support/untrusted-pdf-process';

/**
 * Hostile PDFs against every reader of untrusted PDFs in the app, each run in a process of its own: before these
 * limits, the fan-out file made V8 abort the whole process (the app, not just a worker) and the bombs took
 * gigabytes. A crash or a memory peak past the bound fails the test without taking the test runner down.
 */

/** Generous against the ~0.4 GB a bounded run takes (a 256 MiB stream at most, on top of Node and pdf-lib), far under the 3 GB the bomb took before. */
const peakMemoryBoundMb = 1024;

function expectFinishedNormally(run: OwnProcessRun): void {
  expect({ exitCode: run.exitCode, signal: run.signal, lastWords: run.exitCode === 0 ? '' : run.stderr }).toEqual({
    exitCode: 0,
    signal: null,
    lastWords: '',
  });
}

function malformedTexts(report: PreflightReport): string[] {
  return report.findings
    .filter((finding: Finding) => finding.code === 'malformed' && finding.severity === 'block')
    .flatMap((finding) => finding.text ?? []);
}

describe('a page tree that names the next level ten times at each of twelve levels (10^12 pages to a naive reader, 2 KB on disk)', () => {
  const fanOut = makeFanOutPdf();

  it('is blocked by preflight in a moment, with its one page checked once and the repetition reported', async () => {
    const run = await readInOwnProcess('preflight', fanOut);
    expectFinishedNormally(run);
    const report = run.outcome as PreflightReport;
    expect(report).toMatchObject({ verdict: 'block', pages: 1 });
    expect(malformedTexts(report)).toContain('the list of pages names its pages 1,000,000,000,000 times');
  });

  const readers: readonly [UntrustedPdfOperation, unknown][] = [
    // The facts are also how a free look's document is counted (in the app's mail child process).
    ['facts', { kind: 'unreadable', reason: expect.stringContaining('list of pages') }],
    ['clean-copy', { ok: true, bytes: expect.any(Number) }],
    ['split', { ok: true, parts: ['Part 1 of 1 (page 1)'] }],
    ['court-upload', { step: 'documents', error: UPLOAD_MESSAGES['not-pdf'] }],
  ];
  it.each(readers)('gets a bounded answer from %s', async (operation, expected) => {
    const run = await readInOwnProcess(operation, fanOut);
    expectFinishedNormally(run);
    expect(run.outcome).toEqual(expected);
  });
});

describe('a decompression bomb', () => {
  it('in a page’s content (1 GiB of spaces from 1 MB) is blocked as not fully checked, in bounded memory', async () => {
    const run = await readInOwnProcess('preflight', makeContentBombPdf(1024), { maxOldSpaceMb: 256 });
    expectFinishedNormally(run);
    const report = run.outcome as PreflightReport;
    expect(report.verdict).toBe('block');
    expect(malformedTexts(report)).toContain('one part of this PDF expands to more than 256 MB when it is opened');
    expect(run.peakRssMb).toBeLessThan(peakMemoryBoundMb);
  });

  it('in an object stream, decoded while the file is parsed, is blocked in bounded memory, and the fixes refuse it', async () => {
    const bomb = makeObjectStreamBombPdf(1024);
    const preflight = await readInOwnProcess('preflight', bomb, { maxOldSpaceMb: 256 });
    expectFinishedNormally(preflight);
    expect((preflight.outcome as PreflightReport).verdict).toBe('block');
    expect(malformedTexts(preflight.outcome as PreflightReport)).toContain(
      'one part of this PDF expands to more than 256 MB when it is opened',
    );
    expect(preflight.peakRssMb).toBeLessThan(peakMemoryBoundMb);
    const copy = await readInOwnProcess('clean-copy', bomb, { maxOldSpaceMb: 256 });
    expectFinishedNormally(copy);
    expect(copy.outcome).toMatchObject({
      ok: false,
      code: 'fix.unreadable',
      message: expect.stringContaining('expands to far more than any filing'),
    });
    expect(copy.peakRssMb).toBeLessThan(peakMemoryBoundMb);
  });
});
