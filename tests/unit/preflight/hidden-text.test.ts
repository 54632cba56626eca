import { PDFArray, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findHiddenText } from '../../../src-main/core/preflight/checks/hidden-text';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import type { Finding } from '../../../src-main/shared/preflight';
import { makeRawContentPdf } from '../../support/content-pdfs';

async function hiddenText(content: string, cropBox?: readonly number[]): Promise<Finding[]> {
  const bytes = await makeRawContentPdf(content, (document, page) => {
    if (cropBox) {
      page.node.set(PDFName.of('CropBox'), PDFArray.withContext(document.context));
      const box = page.node.lookup(PDFName.of('CropBox'), PDFArray);
      cropBox.forEach((value) => box.push(PDFNumber.of(value)));
    }
  });
  return findHiddenText(await inspectPdf(bytes, citPreflightOptions));
}

const text = (x: number, y: number, size = 12, words = 'Account 4417 1234 5678'): string =>
  `BT /F1 ${size} Tf ${x} ${y} Td (${words}) Tj ET`;

describe('text hidden by its place or size', () => {
  it('names text set wholly off the page, with its page, place and words', async () => {
    const [finding] = await hiddenText(`${text(100, 700)} ${text(700, 400)}`);
    expect(finding).toMatchObject({
      code: 'hidden-text',
      severity: 'warn',
      pages: [1],
      text: ['Account 4417 1234 5678'],
    });
    expect(finding!.boxes).toHaveLength(1);
    expect(finding!.boxes![0]!.x0).toBeCloseTo(700, 0);
    expect(finding!.message).toMatch(/^Page 1 has text no reader can see, because it is outside the visible page/);
    expect(finding!.message).toContain('FAQ 45');
  });

  it('reads the visible page from the crop box, not the media box', async () => {
    const [finding] = await hiddenText(`${text(100, 500)} ${text(100, 60)}`, [0, 100, 612, 792]);
    expect(finding?.text).toEqual(['Account 4417 1234 5678']);
    expect(finding?.boxes?.[0]?.y0).toBeLessThan(100);
  });

  it('names text drawn wholly outside its clipping path', async () => {
    const [finding] = await hiddenText(
      `q 0 0 100 100 re W n ${text(200, 500)} Q ${text(100, 700, 12, 'Plainly seen')}`,
    );
    expect(finding?.text).toEqual(['Account 4417 1234 5678']);
    expect(finding?.message).toContain('cut off by a clipping path');
  });

  it('names text printed smaller than a point, however the size is set', async () => {
    const [bySize] = await hiddenText(text(100, 500, 0.5));
    expect(bySize?.text).toEqual(['Account 4417 1234 5678']);
    expect(bySize?.message).toContain('printed smaller than a point');
    const [byMatrix] = await hiddenText('BT /F1 12 Tf 0.05 0 0 0.05 100 500 Tm (Account 4417 1234 5678) Tj ET');
    expect(byMatrix?.text).toEqual(['Account 4417 1234 5678']);
  });

  it('leaves alone small print, a line running off the edge, text inside its clip and placeholders off the page', async () => {
    await expect(hiddenText(text(100, 500, 4))).resolves.toEqual([]);
    await expect(hiddenText(text(540, 500))).resolves.toEqual([]);
    await expect(hiddenText(`q 0 0 612 792 re W n ${text(100, 500)} Q`)).resolves.toEqual([]);
    await expect(hiddenText(text(700, 400, 12, 'XXXXXXXX'))).resolves.toEqual([]);
  });

  it('makes the report worth a look, not a block', async () => {
    const report = await preflightPdf(await makeRawContentPdf(`${text(100, 700)} ${text(-400, 400)}`));
    expect(report.findings.map((finding) => [finding.code, finding.severity])).toContainEqual(['hidden-text', 'warn']);
    expect(report.verdict).toBe('warn');
  });
});
