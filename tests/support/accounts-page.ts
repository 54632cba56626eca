import { expect, type Page } from '@playwright/test';
import { seededOtp, seededPassword } from './training-court';

/**
 * Adds a seeded training-court account on the Accounts screen: a filer unless `kind` says view-only; with MFA, "Ask me
 * for the 6-digit code"; with the attorney's name for the signature where given.
 */
export async function addAccount(
  page: Page,
  loginId: string,
  options: {
    readonly hasMfa?: boolean;
    readonly clientCode?: string;
    readonly kind?: 'view-only';
    readonly name?: string;
  } = {},
): Promise<void> {
  await page.getByTestId('rail-accounts').click();
  const empty = page.getByTestId('accounts-empty');
  await (
    (await empty.isVisible()) ? empty.getByRole('button', { name: 'Add account' }) : page.getByTestId('add-account')
  ).click();
  const form = page.getByTestId('account-form');
  await form.getByLabel('Login ID (PACER username)').fill(loginId);
  await form.getByLabel('Password').fill(seededPassword(loginId));
  await form
    .getByLabel(
      options.kind === 'view-only'
        ? 'Shared firm account — view only, cannot file'
        : 'Filer (PACER account upgraded for filing)',
    )
    .check();
  if (options.name) {
    await form.getByLabel("Attorney's name on the signature").fill(options.name);
  }
  if (options.clientCode) {
    await form.getByLabel('Default client code (optional)').fill(options.clientCode);
  }
  if (options.hasMfa) {
    await form.getByLabel('Ask me for the 6-digit code').check();
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('account-row').filter({ hasText: loginId })).toBeVisible();
}

/** Logs a saved account in from its row: the redaction acknowledgement of a filer, and the current code for an MFA account. */
export async function logIn(
  page: Page,
  loginId: string,
  options: { readonly hasMfa?: boolean; readonly isViewOnly?: boolean } = {},
): Promise<void> {
  await page.getByRole('button', { name: `Log in as ${loginId}` }).click();
  const dialog = page.getByTestId('login-dialog');
  // Only filers acknowledge the redaction rules (Fed. R. Civ. P. 5.2): a view-only account files nothing.
  if (!options.isViewOnly) {
    await dialog.getByLabel('I have read the redaction rules and will follow them').check();
  }
  if (options.hasMfa) {
    await dialog.getByLabel('6-digit code').fill(seededOtp(loginId));
  }
  // With another account logged in, the button says that this login ends its session (one session at a time).
  await dialog.getByRole('button', { name: /^(Log in|End .+’s session and log in)$/ }).click();
  await expect(page.getByTestId('session-bar')).toContainText(`Logged in as ${loginId}`);
}
