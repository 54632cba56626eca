import { expect, test, type Page } from '@playwright/test';
import { confirmCourtDocketText } from '../support/court-docket-text';
import { expectAccessible } from '../support/accessibility';
import { addAccount, logIn } from '../support/accounts-page';
import { makeBoxAndTextPdf } from '../support/content-pdfs';
import { addThroughPicker, documentRow } from '../support/documents-page';
import { appearanceInAcme, startFiling } from '../support/filing-wizard';
import { fileAppearances } from '../support/inbox-notices';
import { useAppWithKeyring } from '../support/keyring-app';
import { makePdf } from '../support/synthetic-pdfs';

/**
 * Every screen and dialog of a first day with the training court, checked by axe-core (WCAG 2.1 A and AA) at 100% and
 * 150% zoom, with a picture of each: the empty screens, accounts and logging in, documents with their findings and
 * the viewer, a filing from its case to the signing page and Filed, the notice in the inbox with its PDF, and the
 * dialogs on the way. 0 serious or critical violations.
 */

const desk = useAppWithKeyring('ecf-e2e-a11y-');

async function open(page: Page, screen: string): Promise<void> {
  await page.getByTestId(`rail-${screen}`).click();
}

test('every screen and dialog of a first day passes axe at 100% and 150% zoom', async ({ page }) => {
  desk.skipWithoutKeyring();
  // About thirty screens, each checked twice, and a filing and its notice at the training court.
  test.setTimeout(300_000);
  const app = await desk.start();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  const check = (name: string): Promise<void> => expectAccessible(page, `a11y-${name}`);

  // First run: every screen empty, the training court introduced.
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await check('documents-empty');
  await open(page, 'filings');
  await check('filings-empty');
  await open(page, 'inbox');
  await check('inbox-empty');
  await page.getByTestId('open-mailboxes').click();
  await expect(page.getByTestId('mailboxes-dialog')).toBeVisible();
  await check('mailboxes-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mailboxes-dialog')).toHaveCount(0);
  await open(page, 'settings');
  await check('settings');
  await open(page, 'help');
  await check('help');
  await open(page, 'accounts');
  await check('accounts-empty');

  // Accounts: the form, the list, the login dialog, logged in.
  await page.getByTestId('accounts-empty').getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByTestId('account-form')).toBeVisible();
  await check('account-form');
  await page.getByTestId('account-form').getByRole('button', { name: 'Cancel' }).click();
  await addAccount(page, 'jmorgan', { hasMfa: true, name: 'Jane Morgan' });
  await check('accounts-list');
  await page.getByRole('button', { name: 'Log in as jmorgan' }).click();
  await expect(page.getByTestId('login-dialog')).toBeVisible();
  await check('login-dialog');
  await page.getByTestId('login-dialog').getByRole('button', { name: 'Cancel' }).click();
  await logIn(page, 'jmorgan', { hasMfa: true });
  await check('accounts-logged-in');

  // Documents: a clean PDF and one that leaks, its findings, and the viewer.
  await open(page, 'documents');
  const leaky = Buffer.from(await makeBoxAndTextPdf({ text: 'SSN 123-45-6789', isBoxFirst: false }));
  await addThroughPicker(page, [
    { name: 'Clean brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) },
    { name: 'Leaky exhibit.pdf', mimeType: 'application/pdf', buffer: leaky },
  ]);
  await expect(documentRow(page, 'Clean brief.pdf').getByTestId('preflight-status')).toHaveText('Ready to file', {
    timeout: 30_000,
  });
  await expect(documentRow(page, 'Leaky exhibit.pdf').getByTestId('preflight-status')).toContainText(
    'Court would reject',
    { timeout: 30_000 },
  );
  await check('documents-list');
  await documentRow(page, 'Leaky exhibit.pdf').click();
  await expect(page.getByTestId('findings-panel')).toContainText('123-45-6789');
  await check('documents-findings');
  await documentRow(page, 'Clean brief.pdf').click();
  await page.getByTestId('findings-panel').getByRole('button', { name: 'View the document' }).click();
  await expect(page.getByTestId('viewer-page')).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await check('documents-viewer');

  // A filing, every step, to the signing page and Filed.
  await startFiling(page, appearanceInAcme);
  await page.getByTestId('party-option').filter({ hasText: 'Acme Steel Corp.' }).getByRole('checkbox').check();
  await check('wizard-3-parties');
  await page.getByTestId('wizard-step').first().click();
  await check('wizard-1-case');
  await page.getByTestId('wizard-next').click();
  await check('wizard-2-event');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-next').click();
  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Appearance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(1)) }]);
  await expect(page.getByTestId('document-row').first()).toContainText('Ready to file', { timeout: 30_000 });
  await check('wizard-4-documents');
  await page.getByTestId('wizard-next').click();
  await check('wizard-5-related');
  await page.getByTestId('wizard-next').click();
  await check('wizard-6-review');
  await page.getByTestId('wizard-next').click();
  const signing = page.getByTestId('signing-page');
  await expect(signing.getByRole('button', { name: 'Sign and file with the court' })).toBeEnabled({
    timeout: 30_000,
  });
  await check('wizard-7-signing-page');
  await signing.getByRole('button', { name: 'Sign and file with the court' }).click();
  await expect(page.getByTestId('confirm-docket-text')).toBeVisible({ timeout: 30_000 });
  await check('wizard-7-confirm-docket-text');
  await confirmCourtDocketText(page);
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await check('wizard-7-filed');

  // The list with the filed filing, and the dialog that deletes it (cancelled).
  await page.getByTestId('back-to-list').click();
  await expect(page.getByTestId('draft-row')).toHaveCount(1);
  await check('filings-list');
  await page.getByTestId('draft-row').first().getByTestId('delete-draft').click();
  await expect(page.getByTestId('delete-draft-dialog')).toBeVisible();
  await check('filings-delete-dialog');
  await page.getByTestId('delete-draft-dialog').getByRole('button', { name: 'Cancel' }).click();

  // The inbox: the notices of the day, one read with its saved PDF in the viewer.
  await fileAppearances(app.url, [[2, 'and Response due by 12/15/2026']]);
  await open(page, 'inbox');
  const rows = page.getByTestId('inbox-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await check('inbox-list');
  await rows.filter({ hasText: 'Due Dec 15' }).first().click();
  const reader = page.getByTestId('inbox-reader');
  await expect(reader.getByTestId('notice-document').first()).toHaveAttribute('data-state', 'saved', {
    timeout: 30_000,
  });
  const show = reader.getByRole('button', { name: 'View the document' });
  if (await show.isVisible()) {
    await show.click();
  }
  await expect(reader.getByTestId('viewer-page')).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await check('inbox-reader');
});
