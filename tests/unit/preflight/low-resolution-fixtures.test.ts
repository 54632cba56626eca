import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findImageOnlyPages } from '../../../src-main/core/preflight/checks/image-only-pages';
import { findLowResolutionImages } from '../../../src-main/core/preflight/checks/low-resolution';
import { readPageContents } from '../../../src-main/core/preflight/content/page-content';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { sharedFixture } from '../../support/paths';

/** The MANIFEST rows with `min_image_ppi=`: the lowest image resolution measured, and whether a page-sized scan is under 300. */
const rows: readonly { path: string; minimumPpi: number; lowPages: number[] }[] = [
  { path: 'pdfcpu__pdfcpu/pkg/testdata/blank-scan.pdf', minimumPpi: 200, lowPages: [1] },
  // A 205-ppi page scan under the text; the 1-ppi images are tiny and not scans.
  { path: 'freelawproject__x-ray/tests/assets/partial_intersections_ok.pdf', minimumPpi: 1, lowPages: [1] },
  { path: 'freelawproject__x-ray/tests/assets/unfilled_rect.pdf', minimumPpi: 708, lowPages: [] },
  { path: 'freelawproject__x-ray/tests/assets/no_bad_redactions.4.1.pdf', minimumPpi: 300, lowPages: [] },
  { path: 'freelawproject__x-ray/tests/assets/no_bad_redactions.7.1.pdf', minimumPpi: 72, lowPages: [] },
  { path: 'freelawproject__x-ray/tests/assets/no_bad_redactions.8.1.pdf', minimumPpi: 300, lowPages: [] },
  { path: 'openpreserve__format-corpus/pdfCabinetOfHorrors/webCapture.pdf', minimumPpi: 120, lowPages: [] },
  { path: 'mozilla__pdf.js/test/pdfs/issue13931.pdf', minimumPpi: 475, lowPages: [] },
  { path: 'mozilla__pdf.js/test/pdfs/scan-bad.pdf', minimumPpi: 300, lowPages: [] },
];

async function inspectFixture(file: string) {
  return inspectPdf(new Uint8Array(readFileSync(file)), citPreflightOptions);
}

describe('scan resolution on the shared fixtures', () => {
  for (const { path, minimumPpi, lowPages } of rows) {
    const file = sharedFixture(`pdf/${path}`);
    it.skipIf(file === null)(
      `${path}: lowest image ${minimumPpi} ppi; pages warned: ${lowPages.join(', ') || 'none'}`,
      async () => {
        const pdf = await inspectFixture(file!);
        const images = readPageContents(pdf.document!).flatMap((content) => content.images);
        expect(Math.round(Math.min(...images.map((image) => Math.min(image.ppiAcross, image.ppiDown))))).toBe(
          minimumPpi,
        );
        expect(findLowResolutionImages(pdf).flatMap((finding) => finding.pages ?? [])).toEqual(lowPages);
      },
    );
  }

  const blankScan = sharedFixture('pdf/pdfcpu__pdfcpu/pkg/testdata/blank-scan.pdf');
  it.skipIf(blankScan === null)(
    'blank-scan.pdf is an image-only page at 200 dpi: both warnings, naming 200 dpi',
    async () => {
      const pdf = await inspectFixture(blankScan!);
      expect(findImageOnlyPages(pdf)).toMatchObject([{ code: 'image-only-pages', pages: [1] }]);
      expect(findLowResolutionImages(pdf)[0]?.message).toMatch(/about 200 dpi/);
    },
  );

  const ocrScan = sharedFixture('pdf/mozilla__pdf.js/test/pdfs/scan-bad.pdf');
  it.skipIf(ocrScan === null)('scan-bad.pdf is a 300 dpi scan with a text layer: neither warning', async () => {
    const pdf = await inspectFixture(ocrScan!);
    expect([...findImageOnlyPages(pdf), ...findLowResolutionImages(pdf)]).toEqual([]);
  });
});
