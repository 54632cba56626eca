import { expect, test, type Page } from '@playwright/test';
import { contextAt, expectAccessible, zoomLevels } from '../support/accessibility';
import { addAccount, logIn } from '../support/accounts-page';
import { makeBoxAndTextPdf } from '../support/content-pdfs';
import { addThroughPicker, documentRow } from '../support/documents-page';
import { useAppWithKeyring } from '../support/keyring-app';
import { makePdf } from '../support/synthetic-pdfs';

/**
 * Every screen and dialog of a working day, checked by axe-core (WCAG 2.1 A and AA) at 100% and 150% zoom, with a
 * picture of each: 0 serious or critical violations.
 */

const desk = useAppWithKeyring('ecf-e2e-a11y-');

async function open(page: Page, screen: string): Promise<void> {
  await page.getByTestId(`rail-${screen}`).click();
}

for (const zoom of zoomLevels) {
  test(`every screen and dialog passes axe at ${zoom.label}% zoom`, async ({ browser }) => {
    desk.skipWithoutKeyring();
    test.setTimeout(180_000);
    const app = await desk.start();
    const context = await contextAt(browser, zoom);
    const page = await context.newPage();
    await page.goto(app.url);
    await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
    const check = (name: string): Promise<void> => expectAccessible(page, `a11y-${name}`, zoom);

    // First run: every screen empty.
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await check('documents-empty');
    await open(page, 'filings');
    await check('filings-empty');
    await open(page, 'inbox');
    await check('inbox-empty');
    await open(page, 'settings');
    await check('settings');
    await open(page, 'help');
    await check('help');
    await open(page, 'accounts');
    await check('accounts-empty');

    // Accounts: the form, the list, the login dialog.
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

    // Documents: a clean PDF and one that leaks, with its findings open.
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

    // Filings: the wizard's first steps against the training court.
    await open(page, 'filings');
    await page.getByTestId('new-filing').first().click();
    await expect(page.getByTestId('wizard')).toBeVisible();
    await check('wizard-case');
    await page.getByTestId('case-search').fill('26-00123');
    await page.getByTestId('case-search').press('Enter');
    await page.getByTestId('case-result').filter({ hasText: '1:26-cv-00123-MMB' }).click();
    await check('wizard-case-chosen');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('event-search').fill('motion');
    await expect(page.getByTestId('event-result').first()).toBeVisible();
    await check('wizard-event');

    await context.close();
  });
}
