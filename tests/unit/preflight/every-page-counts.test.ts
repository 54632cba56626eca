import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Finding, PreflightReport } from '../../../src-main/shared/preflight';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import {
  leakedText,
  leakingPage,
  makeEmptyPageTreePdf,
  makeLeakingPdf,
  makeLeakingPdfInObjectStream,
  makeThreePagePdf,
} from '../../support/hostile-pdfs';

/**
 * A page that pdf.js, qpdf or poppler shows exists for preflight too: it is counted, its content checked, and
 * whatever is odd about its place in the page list reported. Synthetic files written byte by byte, since no
 * library writes these on purpose.
 */

function findingOf(report: PreflightReport, code: Finding['code'], severity: Finding['severity']): Finding | undefined {
  return report.findings.find((finding) => finding.code === code && finding.severity === severity);
}

/** What other readers make of the file: pdf.js's page count and text, qpdf's page count, pdftotext's text. */
async function readWithOtherReaders(
  bytes: Uint8Array,
): Promise<{ pdfjsPages: number; pdfjsText: string; qpdfPages: number; pdftotext: string }> {
  const pdf = await getDocument({ data: Uint8Array.from(bytes), isEvalSupported: false, useWasm: false, verbosity: 0 })
    .promise;
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    try {
      const content = await (await pdf.getPage(number)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    } catch {
      texts.push('');
    }
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'ecf-readers-'));
  try {
    const file = path.join(folder, 'input.pdf');
    writeFileSync(file, bytes);
    // qpdf and pdftotext exit non-zero on the damaged files with what they could read on stdout; CI installs both.
    const run = (command: string, args: string[]): string => {
      try {
        return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
      } catch (error) {
        const failure = error as NodeJS.ErrnoException & { stdout?: Buffer };
        if (failure.code === 'ENOENT') {
          throw new Error(
            `${command} is not installed: these tests compare with it (apt-get install qpdf poppler-utils).`,
            { cause: error },
          );
        }
        return String(failure.stdout ?? '');
      }
    };
    return {
      pdfjsPages: pdf.numPages,
      pdfjsText: texts.join('\n'),
      qpdfPages: Number(run('qpdf', ['--show-npages', file])),
      pdftotext: run('pdftotext', [file, '-']),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('every page counts', () => {
  it('a page whose dictionary holds /UserUnit 1e0 is counted and checked: the text under its box blocks the file, as every viewer shows it', async () => {
    const bytes = makeLeakingPdf('/UserUnit 1e0');
    const others = await readWithOtherReaders(bytes);
    expect(others).toMatchObject({ pdfjsPages: 1, qpdfPages: 1 });
    expect(others.pdfjsText).toContain(leakedText);
    expect(others.pdftotext).toContain(leakedText);
    const report = await preflightPdf(bytes);
    expect(report).toMatchObject({ verdict: 'block', pages: 1 });
    expect(findingOf(report, 'bad-redaction', 'block')).toMatchObject({ pages: [1], text: [leakedText] });
  });

  it('the same page inside an object stream is read the same way', async () => {
    const report = await preflightPdf(makeLeakingPdfInObjectStream('/UserUnit 1e0'));
    expect(report).toMatchObject({ verdict: 'block', pages: 1 });
    expect(findingOf(report, 'bad-redaction', 'block')?.text).toEqual([leakedText]);
  });

  it('a page without a MediaBox is read as a letter page, as pdf.js shows it, and its leak is found', async () => {
    const bytes = makeLeakingPdf('', { mediaBox: '' });
    expect((await readWithOtherReaders(bytes)).pdfjsText).toContain(leakedText);
    const report = await preflightPdf(bytes);
    expect(findingOf(report, 'bad-redaction', 'block')?.text).toEqual([leakedText]);
  });

  it('a PDF whose page tree is empty is never ready', async () => {
    const report = await preflightPdf(makeEmptyPageTreePdf());
    expect(report).toMatchObject({ verdict: 'block', pages: 0 });
    expect(findingOf(report, 'malformed', 'block')?.text).toEqual(['no pages']);
  });

  it('an entry of the page list that is no page keeps its page number, as qpdf counts it, and blocks the file naming that page', async () => {
    const bytes = makeThreePagePdf('3 0 R 99 0 R 6 0 R');
    // pdf.js stops at the broken entry (2 pages, the second an error) and never shows the leaking third.
    expect(await readWithOtherReaders(bytes)).toMatchObject({ qpdfPages: 3, pdfjsPages: 2 });
    const report = await preflightPdf(bytes);
    expect(report).toMatchObject({ verdict: 'block', pages: 3 });
    expect(findingOf(report, 'malformed', 'block')).toMatchObject({
      pages: [2],
      text: ['page 2: damaged entry in the list of pages'],
    });
    expect(findingOf(report, 'bad-redaction', 'block')?.pages).toEqual([3]);
  });

  it('a page without /Type /Page, and pages under a node without /Type /Pages, are checked and reported as irregular', async () => {
    const untyped = makeThreePagePdf('3 0 R 6 0 R 7 0 R', { leakingPage: leakingPage('', { type: '' }) });
    const report = await preflightPdf(untyped);
    expect(report).toMatchObject({ verdict: 'block', pages: 3 });
    expect(findingOf(report, 'bad-redaction', 'block')?.pages).toEqual([2]);
    expect(findingOf(report, 'malformed', 'warn')).toMatchObject({
      pages: [2],
      text: ['page 2: not marked as a page'],
    });

    const underUntypedNode = makeThreePagePdf('3 0 R 9 0 R', { extra: [[9, '<< /Kids [6 0 R 7 0 R] /Count 2 >>']] });
    const nested = await preflightPdf(underUntypedNode);
    expect(nested).toMatchObject({ verdict: 'block', pages: 3 });
    expect(findingOf(nested, 'bad-redaction', 'block')?.pages).toEqual([2]);
    expect(findingOf(nested, 'malformed', 'warn')?.pages).toEqual([2, 3]);
  });

  it('a page listed twice is counted and checked once, and the repetition is reported', async () => {
    const report = await preflightPdf(makeThreePagePdf('3 0 R 6 0 R 6 0 R 7 0 R'));
    expect(report).toMatchObject({ verdict: 'block', pages: 3 });
    expect(findingOf(report, 'bad-redaction', 'block')?.pages).toEqual([2]);
    expect(findingOf(report, 'malformed', 'warn')?.text).toEqual(['page 2: listed more than once']);
  });

  it('a page list that loops back on itself is blocked, and the pages before the loop are still checked', async () => {
    const report = await preflightPdf(makeThreePagePdf('3 0 R 6 0 R 2 0 R 7 0 R'));
    expect(report).toMatchObject({ verdict: 'block', pages: 3 });
    expect(findingOf(report, 'malformed', 'block')?.text).toEqual(['the list of pages loops back on itself']);
    expect(findingOf(report, 'bad-redaction', 'block')?.pages).toEqual([2]);
  });
});
