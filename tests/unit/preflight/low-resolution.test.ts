import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findLowResolutionImages } from '../../../src-main/core/preflight/checks/low-resolution';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { makeImagePagePdf, makeRawContentPdf } from '../../support/content-pdfs';

async function lowResolution(bytes: Uint8Array) {
  return findLowResolutionImages(await inspectPdf(bytes, citPreflightOptions));
}

describe('low-resolution scans', () => {
  it('a page-sized scan at 150 dpi warns with the page and the resolution found', async () => {
    const [finding] = await lowResolution(await makeImagePagePdf(300, 144));
    expect(finding).toMatchObject({ code: 'low-resolution', severity: 'warn', pages: [1] });
    expect(finding!.message).toMatch(/about 150 dpi/);
    expect(finding!.message).toMatch(/300 dpi/);
  });

  it('a page-sized scan at 300 dpi passes', async () => {
    expect(await lowResolution(await makeImagePagePdf(600, 144))).toEqual([]);
  });

  it('a coarse logo that covers little of the page is not judged', async () => {
    const bytes = await makeRawContentPdf('q 72 0 0 72 20 700 cm BI /W 10 /H 10 /BPC 8 /CS /G /F /AHx ID 00> EI Q');
    expect(await lowResolution(bytes)).toEqual([]);
  });

  it('an image squeezed in one direction is judged by its coarser direction', async () => {
    const bytes = await makeRawContentPdf('q 612 0 0 792 0 0 cm BI /W 2550 /H 1100 /BPC 1 /CS /G /F /AHx ID 00> EI Q');
    const [finding] = await lowResolution(bytes);
    expect(finding!.message).toMatch(/about 100 dpi/);
  });
});
