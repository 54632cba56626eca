import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { addThroughPicker, documentRow } from '../support/documents-page';
import { fileAppearances } from '../support/inbox-notices';
import { useApp } from '../support/keyring-app';
import { screenshotPath } from '../support/screenshots';
import { makePdf } from '../support/synthetic-pdfs';

const desk = useApp('ecf-e2e-viewer-');

/** The page the viewer shows, as its page field says. */
async function expectPage(viewer: Locator, page: number, of: number): Promise<void> {
  await expect(viewer.getByTestId('viewer-go-to-page')).toHaveValue(String(page));
  await expect(viewer.getByTestId('viewer-area')).toHaveAttribute('aria-label', `Page ${page} of ${of}`);
  await expect(viewer.getByTestId('viewer-page')).toHaveAttribute('data-page', String(page));
  await expect(viewer.getByTestId('viewer-page')).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
}

/** Replaces the window's print with a probe that counts the pages the print style sheet would print. */
async function watchPrinting(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = window as unknown as { printedPages: number[] };
    probe.printedPages = [];
    window.print = () => {
      const sheet = document.querySelector('.document-print');
      const isAlone = document.body.classList.contains('is-printing-document');
      probe.printedPages.push(isAlone && sheet ? sheet.querySelectorAll('img').length : -1);
    };
  });
}

/** Adds a 3-page PDF on the Documents screen, selects it, and opens it in the viewer from its findings. */
async function viewAddedDocument(page: Page, appUrl: string): Promise<Locator> {
  await page.goto(appUrl);
  await addThroughPicker(page, [
    { name: 'Exhibit A.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(3)) },
  ]);
  await documentRow(page, 'Exhibit A.pdf').click();
  const panel = page.getByTestId('findings-panel');
  await panel.getByRole('button', { name: 'View the document' }).click();
  return panel.getByTestId('document-viewer');
}

/** Pages through, goes to a page, zooms, finds, saves and prints a 3-page document the way a paralegal would. */
async function useViewer(page: Page, viewer: Locator, fileName: RegExp, screenshot: string): Promise<void> {
  await expectPage(viewer, 1, 3);
  await viewer.scrollIntoViewIfNeeded();
  await viewer.screenshot({ path: screenshotPath(`${screenshot}-page-1`) });

  // The buttons, then the keyboard from the page area.
  await viewer.getByRole('button', { name: 'Next page' }).click();
  await expectPage(viewer, 2, 3);
  await viewer.getByTestId('viewer-area').focus();
  await page.keyboard.press('PageDown');
  await expectPage(viewer, 3, 3);
  await page.keyboard.press('ArrowLeft');
  await expectPage(viewer, 2, 3);
  await page.keyboard.press('PageUp');
  await expectPage(viewer, 1, 3);

  await viewer.getByLabel('Page', { exact: true }).fill('3');
  await viewer.getByLabel('Page', { exact: true }).press('Enter');
  await expectPage(viewer, 3, 3);

  // Zoom: the page is drawn wider, and Fit width brings it back.
  const fitWidth = (await viewer.getByTestId('viewer-canvas').boundingBox())?.width ?? 0;
  await expect(viewer.getByTestId('viewer-zoom')).toContainText('Fit width');
  await viewer.getByTestId('viewer-area').focus();
  await page.keyboard.press('+');
  await expect(viewer.getByTestId('viewer-zoom')).not.toContainText('Fit width');
  await page.keyboard.press('+');
  await expect(viewer.getByTestId('viewer-page')).toHaveAttribute('data-state', 'drawn');
  expect((await viewer.getByTestId('viewer-canvas').boundingBox())?.width ?? 0).toBeGreaterThan(fitWidth);
  await viewer.getByRole('button', { name: 'Zoom out' }).click();
  await viewer.getByRole('button', { name: 'Fit width' }).click();
  await expect(viewer.getByTestId('viewer-zoom')).toContainText('Fit width');

  // Find: each page says "page N of 3" once, so "of 3" is found three times, one a page.
  await viewer.getByLabel('Find in document').fill('OF 3');
  await expect(viewer.getByTestId('viewer-find-count')).toHaveText(/of 3 matches$/, { timeout: 30_000 });
  await expect(viewer.getByTestId('viewer-match')).toHaveCount(1);
  const firstShown = Number(await viewer.getByTestId('viewer-page').getAttribute('data-page'));
  await viewer.getByLabel('Find in document').press('Enter');
  await expect(viewer.getByTestId('viewer-page')).toHaveAttribute('data-page', String((firstShown % 3) + 1));
  await expect(viewer.getByTestId('viewer-match')).toHaveAttribute('data-current', 'true');
  await viewer.screenshot({ path: screenshotPath(`${screenshot}-find`) });
  await viewer.getByLabel('Find in document').fill('no such words');
  await expect(viewer.getByTestId('viewer-find-count')).toContainText('No matches', { timeout: 30_000 });
  await expect(viewer.getByTestId('viewer-match')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Save a copy' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(fileName);
  expect((await readFile(await saved.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(viewer.getByTestId('viewer-notice')).toContainText('A copy is being saved');

  await watchPrinting(page);
  await viewer.getByRole('button', { name: 'Print…' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printedPages: number[] }).printedPages))
    .toEqual([3]);
  await expect(page.locator('.document-print')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Print…' })).toBeEnabled();
}

test('a saved free look opens in the viewer: pages, go to page, zoom, find, save a copy and print', async ({
  page,
}) => {
  const app = await desk.start();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('rail-inbox').click();
  await fileAppearances(app.url, [[3, 'for the Secretary of Commerce']]);

  await page.getByTestId('inbox-row').first().click({ timeout: 30_000 });
  const reader = page.getByTestId('inbox-reader');
  await expect(reader.getByTestId('notice-document').first()).toHaveAttribute('data-state', 'saved', {
    timeout: 30_000,
  });
  const viewer = reader.getByTestId('document-viewer');
  if (!(await viewer.isVisible())) {
    await reader.getByRole('button', { name: 'View the document' }).click();
  }
  await useViewer(page, viewer, /^1-26-cv-00123.* Main Document\.pdf$/, 'viewer-inbox');
});

test('a document added for filing opens in the same viewer from its findings', async ({ page }) => {
  const app = await desk.start();
  const viewer = await viewAddedDocument(page, app.url);
  await useViewer(page, viewer, /^Exhibit A\.pdf$/, 'viewer-documents');
});

test('at 150% zoom the viewer’s page stays readable and the window does not scroll sideways', async ({ browser }) => {
  const app = await desk.start();
  // A 1280×800 window at 150% zoom lays out as 853×533 CSS pixels drawn at 1.5 device pixels each.
  const context = await browser.newContext({ viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  const viewer = await viewAddedDocument(page, app.url);
  await expectPage(viewer, 1, 3);
  await viewer.getByTestId('viewer-area').scrollIntoViewIfNeeded();
  expect((await viewer.getByTestId('viewer-canvas').boundingBox())?.width ?? 0).toBeGreaterThan(400);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // The viewer's controls at the top of the window, and as much of the page as fits under them.
  await viewer.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath('viewer-documents-zoom-150') });
  await context.close();
});
