import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../../src-main/core/preflight/fixes/split-document';
import type { SplitPart } from '../../../src-main/core/preflight/fixes/fix-results';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import { makePaddedPdf, qpdfCheck } from '../../support/fix-pdfs';

const imageBytes = 100_000;

async function partsOf(bytes: Uint8Array, limitBytes: number): Promise<readonly SplitPart[]> {
  const result = await splitDocument(bytes, limitBytes);
  if (!result.ok) {
    throw new Error(`split failed: ${result.code} ${result.message}`);
  }
  return result.parts;
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}

describe('splitting a filing over the size limit (court FAQ 48)', () => {
  it('cuts where top-level bookmarks start, each part under the limit, pages adding up', async () => {
    const original = await makePaddedPdf(30, imageBytes, [1, 11, 21]);
    const limit = 1_300_000;
    expect(original.byteLength).toBeGreaterThan(2 * limit);
    const parts = await partsOf(original, limit);
    expect(parts.map((part) => [part.firstPage, part.lastPage])).toEqual([
      [1, 10],
      [11, 20],
      [21, 30],
    ]);
    expect(parts.map((part) => part.name)).toEqual([
      'Part 1 of 3 (pages 1–10)',
      'Part 2 of 3 (pages 11–20)',
      'Part 3 of 3 (pages 21–30)',
    ]);
    let pages = 0;
    for (const part of parts) {
      expect(part.bytes.byteLength).toBeLessThanOrEqual(limit);
      expect(await pageCount(part.bytes)).toBe(part.lastPage - part.firstPage + 1);
      pages += await pageCount(part.bytes);
      expect(qpdfCheck(part.bytes)).toBe(0);
    }
    expect(pages).toBe(30);
  });

  it('fills each part as far as the limit allows when there are no bookmarks', async () => {
    const parts = await partsOf(await makePaddedPdf(30, imageBytes, []), 1_300_000);
    expect(parts[0]?.lastPage).toBeGreaterThan(10);
    expect(parts.every((part) => part.bytes.byteLength <= 1_300_000)).toBe(true);
    expect(parts.reduce((sum, part) => sum + part.lastPage - part.firstPage + 1, 0)).toBe(30);
  });

  it('gives a file already under the limit back as one part', async () => {
    const parts = await partsOf(await makePaddedPdf(3, imageBytes, []), 10_000_000);
    expect(parts.map((part) => part.name)).toEqual(['Part 1 of 1 (pages 1–3)']);
  });

  it('refuses when a single page is over the limit, naming the page', async () => {
    const result = await splitDocument(await makePaddedPdf(2, 2_000_000, []), 1_000_000);
    expect(result).toMatchObject({ ok: false, code: 'fix.page-too-large' });
    expect(result.ok ? '' : result.message).toMatch(/Page 1 alone/);
  });

  it('makes each part a clean copy: one saved version, nothing carried from other pages', async () => {
    const parts = await partsOf(await makePaddedPdf(30, imageBytes, [1, 11, 21]), 1_300_000);
    const report = await preflightPdf(parts[1]?.bytes ?? new Uint8Array());
    expect(report.findings.map((finding) => finding.code)).not.toContain('earlier-revisions');
    expect(parts[1]?.bytes.byteLength).toBeLessThan(11 * imageBytes);
  });
});
