import { expect, test } from '@playwright/test';
import { addThroughPicker, documentRow as row } from '../support/documents-page';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropFiles } from '../support/drop-files';
import { startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { sharedFixture } from '../support/paths';
import { screenshotPath } from '../support/screenshots';
import { dismissTrainingIntroduction } from '../support/training-intro';
import { makeLargePdf, makeNotPdf, makePdf } from '../support/synthetic-pdfs';

/** A real 30-page PDF from qpdf's test suite; the synthetic one stands in when ../shared is absent. */
const realPdf = sharedFixture('pdf/qpdf__qpdf/qpdf/qtest/qpdf/compressed-metadata.pdf');

let dataFolder = '';
let app: BrowserModeProcess | null = null;

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(dataFolder, { recursive: true, force: true });
});

test('a paralegal adds a real PDF and a non-PDF, sees facts and a clear error, and finds the list again after a restart', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.screenshot({ path: screenshotPath('documents-empty'), fullPage: true });

  const pdfBytes = realPdf ? await readFile(realPdf) : Buffer.from(await makePdf(30));
  const pdfName = realPdf ? 'compressed-metadata.pdf' : 'synthetic-30-pages.pdf';
  await addThroughPicker(page, [
    { name: pdfName, mimeType: 'application/pdf', buffer: pdfBytes },
    { name: 'Exhibit B.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(makeNotPdf()) },
  ]);

  const pdfRow = row(page, pdfName);
  await expect(pdfRow.getByTestId('document-pages')).toHaveText('30');
  await expect(pdfRow.getByTestId('document-sha256')).toContainText(/^[0-9a-f]{12}/);
  await expect(pdfRow.getByTestId('document-problem')).toHaveCount(0);
  const badRow = row(page, 'Exhibit B.docx');
  await expect(badRow.getByTestId('document-problem')).toContainText('not a PDF');
  await page.screenshot({ path: screenshotPath('documents-list'), fullPage: true });

  await app.stop();
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(row(page, pdfName).getByTestId('document-pages')).toHaveText('30');
  await expect(row(page, 'Exhibit B.docx').getByTestId('document-problem')).toContainText('not a PDF');
  await page.screenshot({ path: screenshotPath('documents-after-restart'), fullPage: true });
});

test('dropping a PDF onto the screen adds it, and removing it can be undone', async ({ page }) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  await dropFiles(
    page,
    page.getByTestId('drop-zone'),
    [{ name: 'Dropped brief.pdf', type: 'application/pdf', bytes: await makePdf(2) }],
    () => page.screenshot({ path: screenshotPath('documents-drop-overlay'), fullPage: true }).then(() => undefined),
  );
  await expect(row(page, 'Dropped brief.pdf').getByTestId('document-pages')).toHaveText('2');

  await row(page, 'Dropped brief.pdf').getByTestId('remove').click();
  await expect(row(page, 'Dropped brief.pdf')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('documents-undo-toast'), fullPage: true });
  await page.getByTestId('undo').click();
  await expect(row(page, 'Dropped brief.pdf').getByTestId('document-pages')).toHaveText('2');
});

test('a file added twice is marked as a duplicate, and removing it by keyboard leaves focus on a row, with Undo offered', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await dismissTrainingIntroduction(page);
  const motion = Buffer.from(await makePdf(2));
  await addThroughPicker(page, [{ name: 'Motion.pdf', mimeType: 'application/pdf', buffer: motion }]);
  await expect(row(page, 'Motion.pdf').getByTestId('document-pages')).toHaveText('2');
  await addThroughPicker(page, [
    { name: 'Motion (copy).pdf', mimeType: 'application/pdf', buffer: motion },
    { name: 'Brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(3)) },
  ]);
  await expect(row(page, 'Brief.pdf').getByTestId('document-pages')).toHaveText('3');
  await expect(row(page, 'Motion (copy).pdf').getByTestId('document-duplicate')).toHaveText(
    'Duplicate of Motion.pdf, added earlier: the same file (same SHA-256).',
  );
  await expect(page.getByTestId('document-duplicate')).toHaveCount(1);
  await expect(page.getByText(/^3 documents, 1 of them a duplicate · /)).toBeVisible();
  await page.screenshot({ path: screenshotPath('documents-duplicate'), fullPage: true });

  const remove = row(page, 'Motion (copy).pdf').getByTestId('remove');
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(row(page, 'Motion (copy).pdf')).toHaveCount(0);
  // A second Enter must not remove another document: focus is on a row, which Enter only selects.
  await expect(page.locator('[data-testid="document-row"]:focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-row')).toHaveCount(2);
  await expect(page.getByTestId('undo')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Motion (copy).pdf').getByTestId('document-duplicate')).toBeVisible();
});

test('a large file shows a progress bar while it is added', async ({ page }) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  // A slow office connection stands in for a slow disk: the upload of 6 MB takes a few seconds.
  const network = await page.context().newCDPSession(page);
  await network.send('Network.enable');
  await network.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 1024 * 1024,
  });
  await addThroughPicker(page, [
    { name: 'Appendix (large).pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeLargePdf(6)) },
  ]);
  const progress = page.getByTestId('progress-row');
  await expect(progress).toBeVisible();
  await expect(progress.locator('progress')).toHaveCount(1);
  await page.screenshot({ path: screenshotPath('documents-progress'), fullPage: true });
  await expect(row(page, 'Appendix (large).pdf').getByTestId('document-pages')).toHaveText('1', { timeout: 30_000 });
  await expect(progress).toHaveCount(0);
});

test('the list stays readable at 125% zoom, with no sideways scrolling', async ({ browser }) => {
  app = await startBrowserModeProcess(dataFolder);
  // A 1024×700 window at 125% zoom lays out as 819×560 CSS pixels drawn at 1.25 device pixels each.
  const context = await browser.newContext({ viewport: { width: 819, height: 560 }, deviceScaleFactor: 1.25 });
  const page = await context.newPage();
  await page.goto(app.url);
  await dismissTrainingIntroduction(page);
  await addThroughPicker(page, [
    {
      name: 'Plaintiff’s Memorandum in Support of Motion for Judgment on the Agency Record.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await makePdf(12)),
    },
    { name: 'Exhibit C.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(makeNotPdf()) },
  ]);
  await expect(row(page, 'Exhibit C.xlsx').getByTestId('document-problem')).toContainText('not a PDF');
  const overflow = await page.evaluate(() => {
    const table = document.querySelector('[data-testid="document-row"]')?.closest('table')?.parentElement;
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      table: table ? table.scrollWidth - table.clientWidth : Number.NaN,
    };
  });
  expect(overflow).toEqual({ page: 0, table: 0 });
  for (const remove of await page.getByTestId('remove').all()) {
    await expect(remove).toBeInViewport();
  }
  await page.screenshot({ path: screenshotPath('documents-zoom-125'), fullPage: true });
  await context.close();
});
