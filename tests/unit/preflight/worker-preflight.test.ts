import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { createWorkerPreflight } from '../../../src-main/core/preflight/worker-preflight';
import type { PreflightProgress } from '../../../src-main/shared/preflight';
import { testPreflightWorkerPath } from '../../support/paths';
import { makeLargePdf, makePdf } from '../../support/synthetic-pdfs';

describe('preflight in a worker', () => {
  it('reports its progress page by page and then the report', async () => {
    const preflight = createWorkerPreflight(testPreflightWorkerPath);
    const progress: PreflightProgress[] = [];
    const report = await preflight.preflight(await makePdf(400), citPreflightOptions, { onProgress: (each) => progress.push(each) });
    await preflight.close();
    expect(report.pages).toBe(400);
    expect(report.verdict).toBe('pass');
    expect(progress.map((each) => each.phase)).toEqual(expect.arrayContaining(['reading', 'pages', 'checking']));
    expect(progress[0]?.phase).toBe('reading');
    expect(progress.at(-1)).toEqual({ phase: 'checking', pagesDone: 400, pageCount: 400 });
    const pages = progress.filter((each) => each.phase === 'pages');
    expect(pages[0]?.pagesDone).toBe(1);
    expect(pages.at(-1)?.pagesDone).toBe(400);
    expect(pages.every((each) => each.pageCount === 400 && each.pagesDone >= 1 && each.pagesDone <= 400)).toBe(true);
    expect(pages.map((each) => each.pagesDone)).toEqual([...pages.map((each) => each.pagesDone)].sort((a, b) => a - b));
  });

  it('stops when cancelled and says so, without waiting for the document to finish', async () => {
    const preflight = createWorkerPreflight(testPreflightWorkerPath);
    const cancel = new AbortController();
    const started = Date.now();
    const running = preflight.preflight(await makeLargePdf(40), citPreflightOptions, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    const report = await running;
    await preflight.close();
    expect(report.verdict).toBe('error');
    expect(report.error).toContain('cancelled');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives a document that takes too long an error verdict instead of hanging', async () => {
    const preflight = createWorkerPreflight(testPreflightWorkerPath, { timeoutMs: 1, maxMemoryMb: 512 });
    const report = await preflight.preflight(await makePdf(50), citPreflightOptions);
    await preflight.close();
    expect(report).toMatchObject({ verdict: 'error', pages: null });
    expect(report.error).toContain('longer than a minute');
  });
});
