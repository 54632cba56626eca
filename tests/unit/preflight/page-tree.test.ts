import { PDFArray, PDFDict, PDFName, PDFRef } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src-main/core/preflight/parse/load-document';
import { readPageTree } from '../../../src-main/core/preflight/parse/page-tree';
import { handWrittenPdf, makeFanOutPdf } from '../../support/hostile-pdfs';
import { buildPdf } from '../../support/preflight-pdfs';

describe('the bounded page walk', () => {
  it('counts a page listed 10^12 times once, says how many times it is listed, and answers pdf-lib’s getPages() with that page', async () => {
    const document = await loadDocument(makeFanOutPdf());
    const tree = readPageTree(document);
    expect(tree).toMatchObject({ pageCount: 1, repeatedPages: [1], listedPages: 1e12, stoppedAt: null });
    expect(document.getPageCount()).toBe(1);
    expect(document.getPages().map((page) => page.node)).toEqual([tree.pages[0]?.dictionary]);
  });

  it('reads the pages of a file pdf-lib wrote as pdf-lib does', async () => {
    const document = await loadDocument(await buildPdf(undefined, { pages: 7 }));
    const tree = readPageTree(document);
    expect(tree).toMatchObject({ pageCount: 7, unreadablePages: [], oddPages: [], repeatedPages: [], listedPages: 7 });
    expect(tree.pages.map((page) => page.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('looks inherited attributes up along the path it walked, whatever /Parent said, and gives a direct page dictionary a reference', async () => {
    const document = await loadDocument(
      handWrittenPdf([
        [1, '<< /Type /Catalog /Pages 2 0 R >>'],
        [
          2,
          '<< /Type /Pages /Kids [3 0 R << /Type /Page >>] /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> >>',
        ],
        [3, '<< /Type /Page /Parent 3 0 R >>'],
        [4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
      ]),
    );
    const [first, second] = readPageTree(document).pages;
    expect(first?.dictionary.get(PDFName.of('Parent'))).toBe(PDFRef.of(2));
    expect(first?.page.getMediaBox()).toEqual({ x: 0, y: 0, width: 612, height: 792 });
    expect(first?.mediaBox).toEqual([0, 0, 612, 792]);
    expect(second?.page.ref).toBeInstanceOf(PDFRef);
    expect(document.context.lookup(second?.page.ref)).toBe(second?.dictionary);
    expect(document.context.lookup(PDFRef.of(2), PDFDict).lookup(PDFName.of('Kids'), PDFArray).get(1)).toBe(
      second?.page.ref,
    );
  });

  it('finds no page and no unreadable page where the catalog names no page tree', async () => {
    const document = await loadDocument(handWrittenPdf([[1, '<< /Type /Catalog /Pages 9 0 R >>']]));
    expect(readPageTree(document)).toMatchObject({ pages: [], pageCount: 0, unreadablePages: [] });
  });
});
