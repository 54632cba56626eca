import { expect, test, type Locator, type Page } from '@playwright/test';
import { screenshotPath } from '../support/screenshots';
import { addAccount, logIn } from '../support/accounts-page';
import { useAppWithKeyring } from '../support/keyring-app';
import { seededOtp, seededPassword } from '../support/training-court';

const desk = useAppWithKeyring('ecf-e2e-accounts-');

test('an attorney adds a PACER account, logs in to the training court with MFA, sees the session and logs out', async ({
  page,
}) => {
  desk.skipWithoutKeyring();
  const app = await desk.start();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');

  await page.getByTestId('rail-accounts').click();
  await expect(page.getByTestId('accounts-empty')).toBeVisible();
  await expect(page.getByTestId('keychain-status')).toContainText('Secret Service');
  await page.screenshot({ path: screenshotPath('accounts-empty'), fullPage: true });

  await page.getByTestId('accounts-empty').getByRole('button', { name: 'Add account' }).click();
  const form = page.getByTestId('account-form');
  await form.getByLabel('Login ID (PACER username)').fill('jmorgan');
  await form.getByLabel('Password').fill(seededPassword('jmorgan'));
  await form.getByLabel('Filer (PACER account upgraded for filing)').check();
  await form.getByLabel('Default client code (optional)').fill('ACME-STEEL');
  await form.getByLabel('Ask me for the 6-digit code').check();
  await page.screenshot({ path: screenshotPath('accounts-add-form'), fullPage: true });
  await form.getByRole('button', { name: 'Save' }).click();

  const row = page.getByTestId('account-row').filter({ hasText: 'jmorgan' });
  await expect(row).toContainText('Password saved in');
  await expect(page.locator('body')).not.toContainText(seededPassword('jmorgan'));
  await page.screenshot({ path: screenshotPath('accounts-list'), fullPage: true });

  await row.getByRole('button', { name: 'Log in as jmorgan' }).click();
  const dialog = page.getByTestId('login-dialog');
  await dialog.getByLabel('I have read the redaction rules and will follow them').check();
  await dialog.getByLabel('6-digit code').fill(seededOtp('jmorgan'));
  await page.screenshot({ path: screenshotPath('accounts-login-dialog'), fullPage: true });
  await dialog.getByRole('button', { name: 'Log in', exact: true }).click();

  const session = page.getByTestId('session-bar');
  await expect(session).toHaveAttribute('data-state', 'logged-in');
  await expect(session).toContainText('Logged in as jmorgan');
  await expect(session).toContainText('ACME-STEEL');
  await page.screenshot({ path: screenshotPath('accounts-logged-in'), fullPage: true });

  await session.getByRole('button', { name: 'Log out' }).click();
  await expect(session).toHaveAttribute('data-state', 'logged-out');
});

test('a locked account gets a plain message and the PACER Service Center’s number', async ({ page }) => {
  desk.skipWithoutKeyring();
  const app = await desk.start();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await addAccount(page, 'lockedout');
  await page.getByRole('button', { name: 'Log in as lockedout' }).click();
  const dialog = page.getByTestId('login-dialog');
  await dialog.getByLabel('I have read the redaction rules and will follow them').check();
  await dialog.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(dialog.getByTestId('login-refusal')).toContainText('locked');
  await expect(dialog.getByTestId('login-help')).toContainText('1-800-676-6856');
  await page.screenshot({ path: screenshotPath('accounts-login-locked'), fullPage: true });
});

test('the Accounts screen and its login dialog stay readable at 125% zoom, with no sideways scrolling', async ({
  browser,
}) => {
  desk.skipWithoutKeyring();
  const app = await desk.start();
  // A 1024×700 window at 125% zoom lays out as 819×560 CSS pixels drawn at 1.25 device pixels each.
  const context = await browser.newContext({ viewport: { width: 819, height: 560 }, deviceScaleFactor: 1.25 });
  const page = await context.newPage();
  await page.goto(app.url);
  await addAccount(page, 'dchen');
  const row = page.getByTestId('account-row').filter({ hasText: 'dchen' });
  await expect(row).toBeVisible();
  await expect(row.getByRole('button', { name: 'Remove dchen' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  await page.screenshot({ path: screenshotPath('accounts-zoom-125'), fullPage: true });
  await row.getByRole('button', { name: 'Log in as dchen' }).click();
  const dialog = page.getByTestId('login-dialog');
  await expect(dialog.getByLabel('I have read the redaction rules and will follow them')).toBeVisible();
  await page.screenshot({ path: screenshotPath('accounts-zoom-125-login-dialog') });
  await context.close();
});

/** Adds a filer whose saved password is wrong, opens its login dialog and tries it: the court refuses the login. */
async function refuseWrongPassword(page: Page): Promise<Locator> {
  await page.getByTestId('rail-accounts').click();
  await page.getByTestId('accounts-empty').getByRole('button', { name: 'Add account' }).click();
  const form = page.getByTestId('account-form');
  await form.getByLabel('Login ID (PACER username)').fill('twalsh');
  await form.getByLabel('Password').fill('not-the-password');
  await form.getByLabel('Filer (PACER account upgraded for filing)').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Log in as twalsh' }).click();
  const dialog = page.getByTestId('login-dialog');
  await dialog.getByLabel('I have read the redaction rules and will follow them').check();
  await dialog.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(dialog.getByTestId('login-refusal')).toBeVisible();
  return dialog;
}

for (const { zoom, viewport, deviceScaleFactor } of [
  { zoom: '100', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  // A 1280×800 window at 150% zoom lays out as 853×533 CSS pixels drawn at 1.5 device pixels each.
  { zoom: '150', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
]) {
  test(`after a refused password at ${zoom}% zoom, the message shows once and Log in stays on screen`, async ({
    browser,
  }) => {
    desk.skipWithoutKeyring();
    const app = await desk.start();
    const context = await browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
    const dialog = await refuseWrongPassword(page);
    // What to try and whom to ask about a lost password (FAQ 16) are said once, in the help under the message.
    await expect(dialog.getByText('PACER did not accept the username, password or 6-digit code.')).toHaveCount(1);
    await expect(dialog.getByText(/may lock/)).toHaveCount(1);
    await expect(dialog.getByText(/FAQ 16/)).toHaveCount(1);
    await expect(dialog.getByRole('button', { name: 'Log in', exact: true })).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: screenshotPath(`accounts-login-refused-zoom-${zoom}`) });
    await context.close();
  });
}

test('logging in as the shared view-only account while an attorney is logged in asks first, and Cancel keeps the attorney', async ({
  page,
}) => {
  desk.skipWithoutKeyring();
  const app = await desk.start();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await addAccount(page, 'twalsh');
  await addAccount(page, 'firmview', { kind: 'view-only' });
  await logIn(page, 'twalsh');

  await page.getByRole('button', { name: 'Log in as firmview' }).click();
  const dialog = page.getByTestId('login-dialog');
  await expect(dialog.getByTestId('session-switch-notice')).toContainText(
    'You are logged in as twalsh (Filer). ECF Desk keeps one court session at a time: logging in as firmview ends twalsh’s session.',
  );
  await expect(dialog.getByRole('button', { name: 'End twalsh’s session and log in' })).toBeInViewport();
  await page.screenshot({ path: screenshotPath('accounts-switch-session') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('session-bar')).toContainText('Logged in as twalsh');

  await logIn(page, 'firmview', { isViewOnly: true });
  await expect(page.getByTestId('session-cannot-file')).toBeVisible();
});
