import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { courtStatus } from '../support/inbox-notices';
import { startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { screenshotPath } from '../support/screenshots';
import { makePdf } from '../support/synthetic-pdfs';
import { CourtClient, doc1Link, maildirMessages } from '../support/training-court';

let dataFolder = '';
let app: BrowserModeProcess | null = null;

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-court-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(dataFolder, { recursive: true, force: true });
});

test('with no configuration the app comes up against its training court, which files, mails the NEF and serves the free look once', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  const badge = page.getByTestId('court-badge');
  await expect(badge).toContainText('CIT — training (local)');
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: screenshotPath('header-training-court'), fullPage: true });

  const status = await courtStatus(app.url);
  expect(status).toMatchObject({ profileId: 'cit-training', state: 'ready', kind: 'training' });
  expect(status.ecfUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  // A seeded attorney logs in (with MFA) and files; the court keeps its state in the app data folder.
  const attorney = new CourtClient(status.ecfUrl ?? '');
  await attorney.loginAs('jmorgan');
  const filed = await attorney.file({
    caseId: 1017,
    eventId: 'complaint',
    partyIds: ['acme'],
    main: { name: 'complaint.pdf', bytes: await makePdf(2) },
    attachments: [{ name: 'exhibit-a.pdf', bytes: await makePdf(1), description: 'Exhibit A' }],
  });
  expect(filed.kind).toBe('nef-receipt');
  // A blank page first: written into the app's page, the receipt would fall under the app's own CSP, and lose its style.
  await page.goto('about:blank');
  await page.setContent(filed.html);
  await page.screenshot({ path: screenshotPath('training-court-nef-receipt'), fullPage: true });

  const maildir = { maildirFolder: path.join(dataFolder, 'training-court', 'mail') };
  await expect.poll(() => maildirMessages(maildir, 'rpatel@morganreyes.example').length).toBe(1);
  const link = doc1Link(maildirMessages(maildir, 'rpatel@morganreyes.example')[0] ?? '');

  // The free look in a real browser: the document menu, then the main document inside the court's page.
  await page.goto(`${status.ecfUrl}${link}&use_magic=1`);
  await expect(page.getByRole('heading', { name: 'Document Selection Menu' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('training-court-document-menu'), fullPage: true });
  await page.getByRole('link', { name: 'Main Document' }).click();
  await expect(page.locator('iframe#document')).toBeVisible();
  await page.screenshot({ path: screenshotPath('training-court-free-look'), fullPage: true });

  // Used once, the link asks for a PACER login.
  await page.goto(`${status.ecfUrl}${link}&use_magic=1&doc_select=1`);
  await expect(page.locator('#login-reason')).toContainText('free look at this document has been used');
  await page.screenshot({ path: screenshotPath('training-court-login-after-free-look'), fullPage: true });
});
