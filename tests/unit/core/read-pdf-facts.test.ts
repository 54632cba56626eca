import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hasPdfHeader, readPdfFacts } from '../../../src-main/core/documents/read-pdf-facts';
import { sharedFixture } from '../../support/paths';
import { makeNotPdf, makePdf, makeTruncatedPdf } from '../../support/synthetic-pdfs';

describe('readPdfFacts', () => {
  it('counts the pages of a well-formed PDF (synthetic, 3 pages)', async () => {
    await expect(readPdfFacts(await makePdf(3))).resolves.toEqual({ kind: 'pdf', pages: 3 });
  });

  it('says a file without a %PDF- header is not a PDF', async () => {
    await expect(readPdfFacts(makeNotPdf())).resolves.toEqual({ kind: 'not-pdf' });
  });

  it('accepts a header that follows some junk within the first 1024 bytes, as readers do', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('junk\n'), ...new TextEncoder().encode('%PDF-1.4\n')]);
    expect(hasPdfHeader(bytes)).toBe(true);
    expect(hasPdfHeader(new Uint8Array([...new Uint8Array(1100), ...new TextEncoder().encode('%PDF-1.4')]))).toBe(
      false,
    );
  });

  it('calls a truncated PDF unreadable instead of throwing', async () => {
    const facts = await readPdfFacts(makeTruncatedPdf());
    expect(facts.kind).toBe('unreadable');
  });

  const realCases: readonly [string, string | number][] = [
    ['pdf/qpdf__qpdf/qpdf/qtest/qpdf/compressed-metadata.pdf', 30],
    ['pdf/qpdf__qpdf/qpdf/qtest/qpdf/V4-aes.pdf', 30],
    ['pdf/freelawproject__x-ray/tests/assets/rectangles_yes.pdf', 1],
    ['pdf/mozilla__pdf.js/test/pdfs/bug1020226.pdf', 'unreadable'],
  ];
  for (const [relative, expected] of realCases) {
    const file = sharedFixture(relative);
    it.skipIf(!file)(`reads the real fixture ${relative} as ${expected}`, async () => {
      const facts = await readPdfFacts(await readFile(file ?? ''));
      if (typeof expected === 'number') {
        expect(facts).toEqual({ kind: 'pdf', pages: expected });
      } else {
        expect(facts.kind).toBe(expected);
      }
    });
  }
});
