import { expect, test, type Page } from '@playwright/test';
import { confirmCourtDocketText } from '../support/court-docket-text';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { addAccount, logIn } from '../support/accounts-page';
import { goToStep, openTheFiling, startFiling } from '../support/filing-wizard';
import { projectRoot } from '../support/paths';
import { screenshotPath } from '../support/screenshots';
import { useAppWithKeyring } from '../support/keyring-app';
import { makePdf } from '../support/synthetic-pdfs';

/**
 * A filing that is provably the attorney's, through the screens: a paralegal prepares it, attorney A signs and queues
 * it, attorney B's login sends nothing, A's login files it; its record verifies and a copy with one byte changed does
 * not; the court's copy is checked against what was sent (FAQ 35, 46). And a certificate of service made for a party
 * the court does not serve electronically (FAQ 38).
 */

const run = promisify(execFile);
const desk = useAppWithKeyring('ecf-e2e-signed-');

async function openApp(page: Page): Promise<void> {
  const app = await desk.start();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
}

async function switchTo(page: Page, loginId: string, hasMfa = false): Promise<void> {
  await page.getByTestId('rail-accounts').click();
  const logOut = page.getByTestId('session-bar').getByRole('button', { name: 'Log out' });
  if (await logOut.isVisible()) {
    await logOut.click();
    await expect(page.getByTestId('session-bar')).toHaveAttribute('data-state', 'logged-out');
  }
  await logIn(page, loginId, { hasMfa });
}

/** The CLI as firm IT runs it after `npm install`: exit code and output. */
async function ecfDesk(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [path.join(projectRoot, 'dist', 'cli', 'ecf-desk.js'), ...args]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

test("attorney B's login never sends attorney A's signed filing; A's does, and its record and the court's copy verify", async ({
  page,
}) => {
  desk.skipWithoutKeyring();
  await openApp(page);
  await addAccount(page, 'firmview', { kind: 'view-only' });
  await addAccount(page, 'jmorgan', { hasMfa: true });
  await addAccount(page, 'rpatel');

  // The paralegal prepares the filing under the firm's view-only login, which can search the court but not sign.
  await logIn(page, 'firmview', { isViewOnly: true });
  await page.getByTestId('rail-filings').click();
  await page.getByTestId('new-filing').first().click();
  await page.getByTestId('case-search').fill('26-00123');
  await page.getByTestId('case-search').press('Enter');
  await page.getByTestId('case-result').filter({ hasText: '1:26-cv-00123-MMB' }).click();
  await expect(page.getByTestId('chosen-case')).toContainText('Acme Steel Corp. v. United States');
  // Due yesterday or earlier: the outbox holds it and asks before filing it late (FAQ 27).
  await page.getByTestId('due-date-input').fill('2026-01-05');
  await expect(page.getByTestId('due-date-current')).toContainText('Late');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('event-search').fill('appearance');
  await page.getByTestId('event-result').filter({ hasText: 'Form 11 Notice of Appearance' }).first().click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('party-option').filter({ hasText: 'Acme Steel Corp.' }).getByRole('checkbox').check();
  await page.getByTestId('wizard-next').click();
  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Appearance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(1)) }]);
  await expect(page.getByTestId('document-row').first()).toContainText('Ready to file', { timeout: 30_000 });
  await goToStep(page, 'Review');
  await page.getByTestId('prepared-by').fill('Pat Paralegal');
  await page.getByTestId('ready-for-review').check();
  await expect(page.getByTestId('sign-checkbox')).toBeDisabled();
  await page.screenshot({ path: screenshotPath('signed-1-prepared-by-paralegal'), fullPage: true });

  // Attorney A signs: the review shows what the signature covers, and main binds it to her login.
  await switchTo(page, 'jmorgan', true);
  await openTheFiling(page);
  await goToStep(page, 'Review');
  await expect(page.getByTestId('signed-parts')).toContainText('Appearance.pdf (1 page)');
  await page.getByTestId('signature-name').fill('Jane Morgan');
  await page.getByTestId('signature-role').fill('Attorney for Plaintiff');
  await page.getByTestId('sign-checkbox').click();
  await expect(page.getByTestId('signature-status')).toContainText('Signed by Jane Morgan (jmorgan)');
  await page.screenshot({ path: screenshotPath('signed-2-signed-by-attorney-a'), fullPage: true });
  await goToStep(page, 'Sign and file');
  await page.getByTestId('file-now').click();
  await expect(page.getByTestId('outbox-message')).toContainText('It was due 2026-01-05', { timeout: 30_000 });
  await expect(page.getByTestId('send-late')).toBeVisible();
  await page.screenshot({ path: screenshotPath('signed-3-queued-and-held-as-late'), fullPage: true });

  // Attorney B logs in: the filing waits for A's login, B is not asked to send it, and nothing goes.
  await switchTo(page, 'rpatel');
  await openTheFiling(page);
  await expect(page.getByTestId('outbox-message')).toContainText(
    'Signed by Jane Morgan; log in as jmorgan to send it.',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('send-late')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('signed-4-attorney-b-sends-nothing'), fullPage: true });

  // A logs in again: she sends it, late, and it is filed once its notice arrives.
  await switchTo(page, 'jmorgan', true);
  await openTheFiling(page);
  await page.getByTestId('send-late').click({ timeout: 30_000 });
  await confirmCourtDocketText(page, 'signed-4-confirm-docket-text');
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await expect(page.getByTestId('outbox-docket-text')).toContainText('Filed by Jane Morgan');

  // FAQ 46: the free look is saved and each filed document compared with what was sent.
  await expect(page.getByTestId('court-copies')).toContainText('Verified against the court’s copy', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('court-copy')).toHaveAttribute('data-matches', 'true');
  await expect(page.getByTestId('record-verdict')).toContainText('verifies');
  await page.screenshot({ path: screenshotPath('signed-5-filed-and-verified'), fullPage: true });

  // The record, exported, verifies with the CLI; one changed byte is caught and its entry named.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-record-json').click();
  const recordFile = path.join(desk.dataFolder(), 'record.json');
  await (await download).saveAs(recordFile);
  const holds = await ecfDesk('audit', 'verify', recordFile);
  expect(holds.output).toMatch(/^The record holds: \d+ entries/);
  expect(holds.code).toBe(0);
  const text = await readFile(recordFile, 'utf8');
  const signedAt = text.indexOf('Signed by Jane Morgan');
  expect(signedAt).toBeGreaterThan(0);
  const tampered = path.join(desk.dataFolder(), 'tampered.json');
  await writeFile(tampered, `${text.slice(0, signedAt)}Signed by Jane Morgen${text.slice(signedAt + 21)}`);
  const broken = await ecfDesk('audit', 'verify', tampered);
  expect(broken.code).toBe(4);
  expect(broken.output).toMatch(/^Entry \d+ is broken/);
});

/**
 * Thomas Walsh, logged in, starts a Notice of Appearance for the United States in Brennan v. United States, where
 * Harold Brennan, pro se, is served by mail (FAQ 37–38); the wizard is left on the parties step.
 */
async function startAppearanceForTheUnitedStatesInBrennan(page: Page): Promise<void> {
  desk.skipWithoutKeyring();
  await openApp(page);
  await page.getByTestId('rail-accounts').click();
  await addAccount(page, 'twalsh', { name: 'Thomas Walsh' });
  await logIn(page, 'twalsh');
  await startFiling(page, {
    caseQuery: '26-00201',
    caseNumber: '1:26-cv-00201',
    caption: 'Brennan v. United States',
    eventSearch: 'appearance',
    eventName: 'Form 11 Notice of Appearance',
  });
  await page.getByTestId('party-option').filter({ hasText: 'United States' }).getByRole('checkbox').check();
}

test('a certificate of service is made for the pro se party served by mail, and filed with the notice', async ({
  page,
}) => {
  await startAppearanceForTheUnitedStatesInBrennan(page);
  await page.getByTestId('wizard-next').click();
  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Appearance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(1)) }]);
  const served = page.getByTestId('served-by-mail');
  await expect(served).toContainText('Harold Brennan');
  await expect(served).toContainText('18 Orchard Lane');
  // The appearance's row is in place and checked, so the button no longer moves under the pointer.
  await expect(page.getByTestId('document-row')).toContainText('Ready to file', { timeout: 30_000 });
  await page.getByTestId('make-certificate').click();
  // By the row's file name: every row's Type list offers "Certificate of service", so its text names it too.
  const certificate = page.locator('[data-testid="document-row"][data-document-name^="Certificate of Service"]');
  await expect(certificate).toContainText('Ready to file', { timeout: 30_000 });
  await expect(page.getByTestId('document-row').first()).toContainText('Ready to file', { timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('certificate-of-service-made'), fullPage: true });

  await goToStep(page, 'Review');
  await expect(page.getByTestId('signed-parts')).toContainText('Certificate of service');
  await page.getByTestId('sign-checkbox').click();
  await expect(page.getByTestId('signature-status')).toContainText('Signed by Thomas Walsh (twalsh)');
  await goToStep(page, 'Sign and file');
  await page.getByTestId('file-now').click();
  await confirmCourtDocketText(page);
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-state', /submitted|filed/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('outbox-docket-text')).toContainText('Attachments: # (1) Certificate of Service');
  await page.screenshot({ path: screenshotPath('certificate-of-service-filed'), fullPage: true });
});

test("a certificate of service at the end of the main document: the pro se party's address to mail it to, and no separate certificate", async ({
  page,
}) => {
  await startAppearanceForTheUnitedStatesInBrennan(page);
  // Where it is decided who is served by mail, the address the court lists, ready to copy.
  const note = page.getByTestId('service-note');
  await expect(note.getByTestId('mailing-address')).toHaveText('18 Orchard Lane, Burlington, VT 05401');
  await expect(note.getByRole('button', { name: /^Copy/ })).toBeVisible();
  await page.screenshot({ path: screenshotPath('service-address-on-parties-step'), fullPage: true });
  await page.getByTestId('wizard-next').click();

  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Appearance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) }]);
  await expect(page.getByTestId('document-row').first()).toContainText('Ready to file', { timeout: 30_000 });
  const service = page.getByTestId('service-by-other-means');
  await service.getByLabel(/At the end of the main document/).check();
  await expect(service.getByTestId('certificate-in-main-note')).toBeVisible();
  await expect(service.getByTestId('make-certificate')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('certificate-of-service-in-main-document'), fullPage: true });

  await goToStep(page, 'Review');
  await expect(page.locator('[data-testid="rule-check"][data-check-id="service.certificate-missing"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="rule-check"][data-check-id="service.other-means"]')).toContainText(
    'as the certificate of service at the end of the main document says',
  );
  await page.getByTestId('sign-checkbox').click();
  await expect(page.getByTestId('signature-status')).toContainText('Signed by Thomas Walsh (twalsh)');
});
