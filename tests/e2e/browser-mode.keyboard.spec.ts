import { expect, test, type Locator, type Page } from '@playwright/test';
import { addAccount, logIn } from '../support/accounts-page';
import { useAppWithKeyring } from '../support/keyring-app';
import { screenshotPath } from '../support/screenshots';
import { makePdf } from '../support/synthetic-pdfs';

/**
 * A whole filing from New filing to Filed with the keyboard only, as a user who cannot use a mouse files: every
 * control is reached with Tab (or Shift+Tab) and worked with Enter, Space or typing. The account is set up first with
 * the mouse; from the Filings screen on, nothing is clicked. The PDF is chosen in the file dialog the Add PDFs button
 * opens, which is the system's, not the app's.
 */

const desk = useAppWithKeyring('ecf-e2e-keyboard-');

/** Whether this element has the keyboard focus. */
function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, at most `limit` times; fails naming where the focus was
 * when it cannot be reached, which is the bug a keyboard user meets.
 */
async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; limit?: number } = {}) {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses < (options.limit ?? 80); presses += 1) {
    if ((await target.count()) === 1 && (await isFocused(target))) {
      return;
    }
    await page.keyboard.press(key);
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`The keyboard cannot reach ${target.toString()}; the focus stayed on ${focused}`);
}

/** Tabs to a control and presses Enter on it. */
async function activate(page: Page, target: Locator, options: { backwards?: boolean } = {}): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press('Enter');
}

test('a whole filing, from New filing to Filed, with the keyboard only', async ({ page }) => {
  desk.skipWithoutKeyring();
  test.setTimeout(150_000);
  const app = await desk.start();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await addAccount(page, 'jmorgan', { hasMfa: true, name: 'Jane Morgan' });
  await logIn(page, 'jmorgan', { hasMfa: true });

  // From here on, only the keyboard.
  await activate(page, page.getByTestId('rail-filings'), { backwards: true });
  await activate(page, page.getByTestId('new-filing').first());
  await expect(page.getByTestId('wizard')).toBeVisible();

  // Step 1: the case.
  await tabTo(page, page.getByTestId('case-search'));
  await page.keyboard.type('26-00123');
  await page.keyboard.press('Enter');
  await activate(page, page.getByTestId('case-result').filter({ hasText: '1:26-cv-00123-MMB' }));
  await expect(page.getByTestId('chosen-case')).toContainText('Acme Steel Corp. v. United States');
  await activate(page, page.getByTestId('wizard-next'));

  // Step 2: the event.
  await tabTo(page, page.getByTestId('event-search'), { backwards: true });
  await page.keyboard.type('appearance');
  await activate(page, page.getByTestId('event-result').filter({ hasText: 'Form 11 Notice of Appearance' }).first());
  await activate(page, page.getByTestId('wizard-next'));

  // Step 3: the party, ticked with Space.
  await tabTo(page, page.getByTestId('party-option').filter({ hasText: 'Acme Steel Corp.' }).getByRole('checkbox'), {
    backwards: true,
  });
  await page.keyboard.press('Space');
  await expect(
    page.getByTestId('party-option').filter({ hasText: 'Acme Steel Corp.' }).getByRole('checkbox'),
  ).toBeChecked();
  await activate(page, page.getByTestId('wizard-next'));

  // Step 4: the PDF, through the file dialog that Enter on "Add PDFs…" opens.
  await tabTo(page, page.getByRole('button', { name: 'Add PDFs…' }), { backwards: true });
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (
    await chooser
  ).setFiles([{ name: 'Appearance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(1)) }]);
  await expect(page.getByTestId('document-row').first()).toContainText('Ready to file', { timeout: 30_000 });

  // Steps 5 and 6 with Next, then the signing page and its one control.
  const signing = page.getByTestId('signing-page');
  for (let step = 0; step < 4 && !(await signing.isVisible()); step += 1) {
    await activate(page, page.getByTestId('wizard-next'));
  }
  await expect(signing).toBeVisible();
  const confirm = signing.getByRole('button', { name: 'Sign and file with the court' });
  await expect(confirm).toBeEnabled({ timeout: 30_000 });
  await tabTo(page, confirm);
  await page.screenshot({ path: screenshotPath('keyboard-sign-and-file-focused') });
  await page.keyboard.press('Enter');

  // The court's docket text, confirmed from the keyboard too.
  const confirmText = page.getByRole('button', { name: 'Confirm this docket text and file' });
  await expect(confirmText).toBeVisible({ timeout: 30_000 });
  await tabTo(page, confirmText);
  await page.screenshot({ path: screenshotPath('keyboard-confirm-docket-text-focused') });
  await page.keyboard.press('Enter');

  const status = page.getByTestId('outbox-status');
  await expect(status).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('keyboard-filed'), fullPage: true });
});
