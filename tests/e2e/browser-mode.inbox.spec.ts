import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { screenshotPath } from '../support/screenshots';
import { fileAppearances } from '../support/inbox-notices';

let dataFolder = '';
let app: BrowserModeProcess | null = null;

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-inbox-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(dataFolder, { recursive: true, force: true });
});

test('notices from the court arrive in the inbox: found by docket text, read with the saved PDF, deadlines exported', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('rail-inbox').click();
  await expect(page.getByTestId('inbox-first-run')).toBeVisible();
  await page.screenshot({ path: screenshotPath('inbox-first-run'), fullPage: true });

  // Two filings in a case the firm is counsel in: their NEFs reach the firm's docketing mailbox at the training court.
  await fileAppearances(app.url, [
    [2, 'and Response due by 12/15/2026'],
    [1, 'for the Secretary of Commerce'],
  ]);

  const rows = page.getByTestId('inbox-row');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('inbox-list'), fullPage: true });

  await page.getByTestId('inbox-search').fill('Secretary');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('inbox-search').fill('');
  await expect(rows).toHaveCount(2);

  await rows.filter({ hasText: '1:26-cv-00123' }).first().click();
  await page.getByTestId('inbox-search').fill('Response');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  const reader = page.getByTestId('inbox-reader');
  await expect(reader).toContainText('Response due by 12/15/2026');
  await expect(reader.getByTestId('notice-document').first()).toHaveAttribute('data-state', 'saved', {
    timeout: 30_000,
  });
  await expect(reader.getByTestId('notice-document-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  const show = reader.getByRole('button', { name: 'View the document' });
  if (await show.isVisible()) {
    await show.click();
  }
  await expect(reader.getByTestId('viewer-page')).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await reader.getByTestId('viewer-canvas').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('inbox-reader'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-deadlines').click();
  const ics = await readFile(await (await download).path());
  expect(ics.toString('utf8')).toContain('DTSTART;VALUE=DATE:20261215');
});

test('exporting the deadlines when no notice sets one says so on screen, and saves nothing', async ({ page }) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('rail-inbox').click();
  await expect(page.getByTestId('inbox-first-run')).toBeVisible();

  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await page.getByTestId('export-deadlines').click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('No deadlines to export');
  await expect(banner).toContainText('Nothing was saved');
  await page.screenshot({ path: screenshotPath('inbox-no-deadlines'), fullPage: true });
  expect(downloads).toBe(0);
});

test('at 150% zoom the reader keeps room to read: it goes under the list rather than shrink beside it', async ({
  browser,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  // A 1280×800 window at 150% zoom lays out as 853×533 CSS pixels drawn at 1.5 device pixels each.
  const context = await browser.newContext({ viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('rail-inbox').click();

  await fileAppearances(app.url, [[2, 'and Response due by 12/15/2026']]);

  const rows = page.getByTestId('inbox-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await rows.first().click();
  const reader = page.getByTestId('inbox-reader');
  await expect(reader).toContainText('Response due by 12/15/2026');
  // Under the list, the reader keeps the window's width and a reading height of its own (it was a 48-pixel strip).
  await reader.scrollIntoViewIfNeeded();
  const readerBox = await reader.boundingBox();
  const listBox = await page.getByTestId('inbox-list').boundingBox();
  expect(readerBox?.width ?? 0).toBeGreaterThan(600);
  expect(readerBox?.height ?? 0).toBeGreaterThanOrEqual(400);
  expect(readerBox?.y ?? 0).toBeGreaterThan((listBox?.y ?? 0) + (listBox?.height ?? 0) - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: screenshotPath('inbox-zoom-150'), fullPage: true });

  // The saved document's page, in the viewer inside the reader, is drawn at a width that can be read.
  await expect(reader.getByTestId('notice-document').first()).toHaveAttribute('data-state', 'saved', {
    timeout: 30_000,
  });
  const viewer = reader.getByTestId('document-viewer');
  if (!(await viewer.isVisible())) {
    await reader.getByRole('button', { name: 'View the document' }).click();
  }
  await expect(viewer.getByTestId('viewer-page')).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await viewer.scrollIntoViewIfNeeded();
  expect((await viewer.getByTestId('viewer-canvas').boundingBox())?.width ?? 0).toBeGreaterThan(500);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // The viewer's controls at the top of the window, and as much of the page as fits under them.
  await viewer.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath('viewer-inbox-zoom-150') });
  await context.close();
});
