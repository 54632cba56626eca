import { expect, type Page } from '@playwright/test';
import { seededOtp, seededPassword } from './training-court';

/** Adds a seeded training-court account on the Accounts screen (a filer; with MFA, "Ask me for the 6-digit code"). */
export async function addAccount(
  page: Page,
  loginId: string,
  options: { readonly hasMfa?: boolean; readonly clientCode?: string } = {},
): Promise<void> {
  await page.getByTestId('rail-accounts').click();
  const empty = page.getByTestId('accounts-empty');
  await (
    (await empty.isVisible()) ? empty.getByRole('button', { name: 'Add account' }) : page.getByTestId('add-account')
  ).click();
  const form = page.getByTestId('account-form');
  await form.getByLabel('Login ID (PACER username)').fill(loginId);
  await form.getByLabel('Password').fill(seededPassword(loginId));
  await form.getByLabel('Filer (PACER account upgraded for filing)').check();
  if (options.clientCode) {
    await form.getByLabel('Default client code (optional)').fill(options.clientCode);
  }
  if (options.hasMfa) {
    await form.getByLabel('Ask me for the 6-digit code').check();
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('account-row').filter({ hasText: loginId })).toBeVisible();
}

/** Logs a saved account in from its row: the redaction acknowledgement, and the current code for an MFA account. */
export async function logIn(page: Page, loginId: string, options: { readonly hasMfa?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: `Log in as ${loginId}` }).click();
  const dialog = page.getByTestId('login-dialog');
  await dialog.getByLabel('I have read the redaction rules and will follow them').check();
  if (options.hasMfa) {
    await dialog.getByLabel('6-digit code').fill(seededOtp(loginId));
  }
  await dialog.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByTestId('session-bar')).toHaveAttribute('data-state', 'logged-in');
}
