import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findImageOnlyPages } from '../../../src-main/core/preflight/checks/image-only-pages';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { makeBoxAndTextPdf, makeImagePagePdf, makeRawContentPdf } from '../../support/content-pdfs';

async function imageOnlyPages(bytes: Uint8Array) {
  return findImageOnlyPages(await inspectPdf(bytes, citPreflightOptions));
}

describe('image-only pages', () => {
  it('a scanned page with no text layer is not text-searchable: warn, citing FAQ 44', async () => {
    const [finding] = await imageOnlyPages(await makeImagePagePdf(300, 72));
    expect(finding).toMatchObject({ code: 'image-only-pages', severity: 'warn', pages: [1] });
    expect(finding!.message).toMatch(/FAQ 44/);
    expect(finding!.message).toMatch(/OCR/);
  });

  it('an OCR layer in invisible text makes a scan searchable', async () => {
    expect(await imageOnlyPages(await makeImagePagePdf(300, 72, 'Recognized words'))).toEqual([]);
  });

  it('a page of ordinary text is not a scan', async () => {
    expect(
      await imageOnlyPages(await makeBoxAndTextPdf({ text: 'Plain page', isBoxFirst: true, boxColour: 1 })),
    ).toEqual([]);
  });

  it('a small logo on a page without text is not a scanned page', async () => {
    const bytes = await makeRawContentPdf('q 50 0 0 50 20 700 cm BI /W 10 /H 10 /BPC 8 /CS /G /F /AHx ID 00> EI Q');
    expect(await imageOnlyPages(bytes)).toEqual([]);
  });
});
