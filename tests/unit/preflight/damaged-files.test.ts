import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeCleanCopy } from '../../../src-main/core/preflight/fixes/make-clean-copy';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import type { PreflightReport } from '../../../src-main/shared/preflight';
import { qpdfCheck } from '../../support/fix-pdfs';
import { handWrittenPdf, makeEmptyPageTreePdf, streamObject } from '../../support/hostile-pdfs';
import { buildPdf, misplaceStartxref } from '../../support/preflight-pdfs';
import type { HandWrittenObject } from '../../support/hostile-pdfs';
import { makePdf } from '../../support/synthetic-pdfs';

/** A one-page PDF whose page draws with `contents` (the /Contents entry as written) and the given extra objects. */
function pageWithContents(contents: string, objects: readonly HandWrittenObject[]): Uint8Array {
  return handWrittenPdf([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} >>`],
    ...objects,
  ]);
}

const drawing = 'BT /F1 12 Tf 72 700 Td (Exhibit A) Tj ET\n';

function malformedFindings(report: PreflightReport): PreflightReport['findings'] {
  return report.findings.filter((finding) => finding.code === 'malformed');
}

function replaceText(bytes: Uint8Array, pattern: RegExp, replacement: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const replaced = text.replace(pattern, replacement);
  expect(replaced).not.toBe(text);
  return Buffer.from(replaced, 'latin1');
}

describe('a damaged PDF is never reported ready', () => {
  it('blocks a PDF with no pages', async () => {
    const report = await preflightPdf(makeEmptyPageTreePdf());
    expect(report.pages).toBe(0);
    expect(report.verdict).toBe('block');
    expect(malformedFindings(report)[0]?.message).toContain('no pages');
  });

  it('blocks a page whose content stream does not decompress, names the page, and says to re-create the PDF, not to make a clean copy', async () => {
    const good = deflateSync(Buffer.from(drawing));
    // The compressed data past its header garbled, as a bad disk or a broken download leaves it.
    const damaged = Buffer.concat([good.subarray(0, 2), Buffer.alloc(good.length - 2, 0xff)]);
    const bytes = pageWithContents('4 0 R', [[4, streamObject('/Filter /FlateDecode', damaged)]]);
    expect(qpdfCheck(bytes)).toBe(2);

    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('block');
    const finding = malformedFindings(report).find((item) => item.text?.[0]?.includes('does not decode'));
    expect(finding).toMatchObject({
      severity: 'block',
      pages: [1],
      text: ['1 content stream (the data that draws a page) does not decode'],
    });
    expect(finding?.message).toContain('FAQ 49');
    expect(finding?.message).toContain('Re-create the PDF');
    expect(finding?.fixes).toBeUndefined();
  });

  it('counts every damaged content stream once: a filter no reader knows, and a listed stream that is not there', async () => {
    const bytes = pageWithContents('[4 0 R 5 0 R 99 0 R]', [
      [4, streamObject('', drawing)],
      [5, streamObject('/Filter /NoSuchDecode', drawing)],
    ]);
    expect(qpdfCheck(bytes)).toBe(2);
    const finding = malformedFindings(await preflightPdf(bytes)).find((item) => item.text?.[0]?.includes('decode'));
    expect(finding).toMatchObject({ severity: 'block', pages: [1] });
    expect(finding?.text).toEqual(['2 content streams (the data that draws a page) do not decode']);
  });

  it('counts each number listed where a content stream belongs as a damaged stream of its own', async () => {
    const finding = malformedFindings(await preflightPdf(pageWithContents('[7 7]', []))).find((item) =>
      item.text?.[0]?.includes('decode'),
    );
    expect(finding).toMatchObject({ severity: 'block', pages: [1] });
    expect(finding?.text).toEqual(['2 content streams (the data that draws a page) do not decode']);
  });

  it('blocks a page whose content holds a number no reader can hold', async () => {
    const bytes = pageWithContents('4 0 R', [[4, streamObject('', 'BT 199991103104861279907 700 Td ET\n')]]);
    expect(qpdfCheck(bytes)).toBe(2);
    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('block');
    expect(malformedFindings(report)).toMatchObject([{ severity: 'block', pages: [1] }]);
  });

  it('blocks a page list whose entry is no page', async () => {
    const bytes = handWrittenPdf([
      [1, '<< /Type /Catalog /Pages 2 0 R >>'],
      [2, '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>'],
      [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'],
      [4, '42'],
    ]);
    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('block');
    expect(malformedFindings(report)).toMatchObject([{ severity: 'block', pages: [2] }]);
  });

  it('blocks a cross-reference stream that lost its filter, so its entries read as nonsense', async () => {
    const good = await makePdf(1);
    const text = Buffer.from(good).toString('latin1');
    const xref = text.lastIndexOf('/Type /XRef');
    expect(xref).toBeGreaterThan(0);
    const dictionaryStart = text.lastIndexOf('<<', xref);
    const filter = text.indexOf('/Filter', dictionaryStart);
    const bytes = Buffer.from(`${text.slice(0, filter)}/Filtex${text.slice(filter + 7)}`, 'latin1');
    expect(qpdfCheck(bytes)).toBe(2);

    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('block');
    expect(malformedFindings(report)[0]?.text?.join(' ')).toMatch(/the cross-reference stream is (cut short|damaged)/);
  });

  it('blocks a trailer that names object 0 as the document catalog', async () => {
    const bytes = replaceText(await buildPdf(), /\/Root \d+ 0 R/g, '/Root 0 0 R');
    expect(qpdfCheck(bytes)).toBe(2);
    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('block');
    expect(malformedFindings(report)[0]?.text?.join(' ')).toContain('names a document catalog');
  });

  it('blocks a trailer whose file identifier holds characters that are not hexadecimal digits', async () => {
    const bytes = replaceText(
      await buildPdf(),
      /trailer\s*<<([^]*?)>>/,
      'trailer\n<<$1 /ID [<d52b\u00d9c17c2165><d52b0c17c2165>] >>',
    );
    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('block');
    expect(malformedFindings(report)[0]?.text?.join(' ')).toContain('hexadecimal digits');
  });

  it('offers the clean copy when only the index is damaged, and the copy is one qpdf accepts and preflight finds sound', async () => {
    const bytes = misplaceStartxref(await buildPdf(undefined, { pages: 2 }), 7);
    const report = await preflightPdf(bytes);
    const finding = malformedFindings(report)[0];
    expect(finding).toMatchObject({ severity: 'block', fixes: ['clean-copy'] });
    expect(finding?.message).toContain('clean copy');

    const clean = await makeCleanCopy(bytes, { dropAnnotations: 'none', flattenForms: false });
    if (!clean.ok) {
      throw new Error(`The clean copy could not be made: ${JSON.stringify(clean)}`);
    }
    expect(qpdfCheck(clean.bytes)).not.toBe(2);
    const cleanReport = await preflightPdf(clean.bytes);
    expect(malformedFindings(cleanReport)).toEqual([]);
    expect(cleanReport.pages).toBe(2);
  });
});
