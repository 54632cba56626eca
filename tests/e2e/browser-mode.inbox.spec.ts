import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CourtStatus } from '../../src-main/shared/domain';
import { startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { screenshotPath } from '../support/screenshots';
import { makePdf } from '../support/synthetic-pdfs';
import { CourtClient } from '../support/training-court';

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

/** The embedded training court's address, asked of the running app as its renderer would. */
async function courtUrl(appUrl: string): Promise<string> {
  const url = new URL(appUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${url.origin}/api/court.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ecf-token': token },
    body: '{}',
  });
  return ((await response.json()) as { value: CourtStatus }).value.ecfUrl ?? '';
}

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
  const court = new CourtClient(await courtUrl(app.url));
  await court.loginAs('twalsh');
  for (const [pages, annotation] of [
    [2, 'and Response due by 12/15/2026'],
    [1, 'for the Secretary of Commerce'],
  ] as const) {
    const filed = await court.file({
      caseId: 1017,
      eventId: 'form-11-notice-of-appearance',
      partyIds: ['us-1017'],
      main: { name: 'appearance.pdf', bytes: await makePdf(pages) },
      annotation,
    });
    expect(filed.kind).toBe('nef-receipt');
  }

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
  const show = reader.getByRole('button', { name: 'Show page 1' });
  if (await show.isVisible()) {
    await show.click();
  }
  await expect(reader.getByTestId('page-preview')).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await reader.getByTestId('page-canvas').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('inbox-reader'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-deadlines').click();
  const ics = await readFile(await (await download).path());
  expect(ics.toString('utf8')).toContain('DTSTART;VALUE=DATE:20261215');
});
