import { expect, test, type Browser, type Page } from '@playwright/test';
import { confirmCourtDocketText } from '../support/court-docket-text';
import { addAccount, logIn } from '../support/accounts-page';
import { startFiling } from '../support/filing-wizard';
import { screenshotPath } from '../support/screenshots';
import { useAppWithKeyring } from '../support/keyring-app';
import { makePdf } from '../support/synthetic-pdfs';

/**
 * An attorney's day at the signing page, against the training court: Jane Morgan files for the United States in
 * Brennan v. United States, where the court lists Thomas Walsh as its counsel. She is warned (FAQ 36), reads on one
 * page what she signs, presses its one control twice, files once with no error, and is told plainly that the court's
 * notice went to Thomas Walsh only, not to her firm.
 */

const desk = useAppWithKeyring('ecf-e2e-signing-');

/** Whether the window or the wizard's step scrolls sideways: neither should, even at 150% zoom. */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [document.documentElement, document.querySelector('.wizard__content')].some(
      (element) => element !== null && element.scrollWidth > element.clientWidth,
    ),
  );
}

/**
 * Opens the filing in a second window at 150% zoom (a 1024×700 window lays out as 683×467 CSS pixels drawn at 1.5
 * device pixels each), on its signing step, and saves a picture with `shown` in view; nothing may scroll sideways.
 */
async function showAtZoom150(browser: Browser, url: string, shown: string, name: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 683, height: 467 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('rail-filings').click();
  await page.getByTestId('draft-row').first().getByTestId('open-draft').click();
  await page.getByTestId('wizard-step').filter({ hasText: 'Sign and file' }).click();
  const target = page.getByTestId(shown);
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeInViewport();
  expect(await scrollsSideways(page)).toBe(false);
  await page.screenshot({ path: screenshotPath(name) });
  await context.close();
}

test('an attorney not counsel for the party is warned, signs from one page, files once, and is told no notice came to her firm', async ({
  page,
  browser,
}) => {
  desk.skipWithoutKeyring();
  // A whole filing, from the case to the court's notice, and three more windows at 150% zoom: longer than one screen.
  test.setTimeout(150_000);
  const app = await desk.start();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await addAccount(page, 'jmorgan', { hasMfa: true, name: 'Jane Morgan' });
  await logIn(page, 'jmorgan', { hasMfa: true });

  await startFiling(page, {
    caseQuery: '26-00201',
    caseNumber: '1:26-cv-00201',
    caption: 'Brennan v. United States',
    eventSearch: 'corporate disclosure',
    eventName: 'Form 13 Corporate Disclosure Statement',
  });

  // Step 3: the court's party report names the United States' counsel, and it is not her.
  await page.getByTestId('party-option').filter({ hasText: 'United States' }).getByRole('checkbox').check();
  const warning = page.getByTestId('counsel-warning');
  await expect(warning).toContainText('Jane Morgan (jmorgan) is not listed as counsel of record for United States');
  await expect(warning).toContainText('the court lists Walsh, Thomas');
  await page.screenshot({ path: screenshotPath('signing-counsel-warning'), fullPage: true });
  await page.getByTestId('wizard-next').click();

  // The certificate first, and the disclosure added while it is being made: both stay, the disclosure as the main
  // document, whichever main finishes first. (Clicked first, the button does not move under the pointer as the
  // added PDF's row appears above it.)
  await page.getByTestId('make-certificate').click();
  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Disclosure.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) }]);
  const certificate = page.locator('[data-testid="document-row"][data-document-name^="Certificate of Service"]');
  await expect(certificate).toContainText('Ready to file', { timeout: 30_000 });
  await expect(page.getByTestId('document-row').first()).toContainText('Ready to file', { timeout: 30_000 });

  // Step 7: everything she signs, on one page, and one control that says what it does.
  await page.getByTestId('wizard-step').filter({ hasText: 'Sign and file' }).click();
  const signing = page.getByTestId('signing-page');
  const documents = signing.getByTestId('signing-document');
  await expect(documents).toHaveCount(2);
  await expect(documents.first()).toContainText('Main document');
  await expect(documents.first()).toContainText('Disclosure.pdf');
  await expect(documents.first().locator('code')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(documents.nth(1)).toContainText('Certificate of service');
  await expect(signing.getByTestId('signing-filed-for')).toContainText('United States, Defendant');
  await expect(signing.getByTestId('signing-service')).toContainText('Served by other means: Harold Brennan');
  await expect(signing.getByTestId('signing-docket-text')).toContainText('on behalf of United States');
  await expect(signing.getByTestId('signing-signer')).toContainText('Jane Morgan, PACER login jmorgan');
  await expect(signing.getByTestId('counsel-warning')).toBeVisible();
  const confirm = signing.getByRole('button', { name: 'Sign and file with the court' });
  await expect(confirm).toBeEnabled({ timeout: 30_000 });
  await expect(signing.getByRole('button')).toHaveCount(1);
  await page.screenshot({ path: screenshotPath('signing-page') });
  await confirm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('signing-page-confirm') });
  expect(await scrollsSideways(page)).toBe(false);
  await showAtZoom150(browser, app.url, 'signing-page', 'signing-page-zoom-150');
  await showAtZoom150(browser, app.url, 'file-now', 'signing-page-confirm-zoom-150');

  // Double-clicked, as the first-time user did: filed once, and no error.
  await confirm.dblclick();
  await confirmCourtDocketText(page, 'signing-confirm-docket-text');
  const status = page.getByTestId('outbox-status');
  await expect(status).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);

  // The court mailed its notice to the United States' counsel only: the app does not claim it reached her firm.
  await expect(status).toContainText('Filed: the court accepted it as document no.');
  await expect(status).not.toContainText('Notice of Electronic Filing arrived');
  const notice = page.getByTestId('outbox-notice');
  await expect(notice).toHaveAttribute('data-notice', 'others-only', { timeout: 30_000 });
  await expect(notice).toContainText('sent to Thomas Walsh only');
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('signing-filed-no-notice-to-firm') });
  await showAtZoom150(browser, app.url, 'outbox-notice', 'signing-filed-no-notice-to-firm-zoom-150');

  // The filing record shows one hand-over to the outbox and two sendings (the first stopped at the court's final text
  // for the attorney's confirmation, the second filed): the second press filed nothing.
  const record = page.getByTestId('filing-record');
  await expect(record.getByText('Put in the outbox', { exact: true })).toHaveCount(1);
  await expect(record.getByText('Sending to the court', { exact: true })).toHaveCount(2);
  await expect(record.getByText('Docket text confirmed', { exact: true })).toHaveCount(1);
});
