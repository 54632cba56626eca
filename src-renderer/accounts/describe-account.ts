import type { Account, AccountKind, KeychainStatus, MfaMode } from '../../src-main/shared/accounts';

/** FAQ 19: a client code is at most 32 characters (main checks the same limit). */
export const maxClientCodeLength = 32;

/** Why a client code cannot be used, or null when it can. */
export function findClientCodeProblem(code: string): string | null {
  return code.trim().length > maxClientCodeLength
    ? `A client code is at most ${maxClientCodeLength} characters (FAQ 19).`
    : null;
}

/** An account's kind in a word or two, as the list and the session bar show it. */
export const kindLabels: Readonly<Record<AccountKind, string>> = {
  filer: 'Filer',
  'confidential-filer': 'Confidential information filer',
  'view-only': 'Shared firm account, view only',
};

/** Said when the keychain gives no reason of its own for asking at each login. */
export const askedAtLoginMessage = 'ECF Desk will ask for your password at each login.';

/** Whether passwords and authenticator secrets can be kept in the keychain at all. */
export function canStoreSecrets(keychain: KeychainStatus | null): boolean {
  return keychain !== null && keychain.isAvailable && keychain.isStorageAllowed;
}

/** The keychain's name as users know it, or a generic word before main has said. */
export function keychainName(keychain: KeychainStatus | null): string {
  return keychain?.name ?? 'the keychain';
}

/** How an account's 6-digit code is found, in a list row's words. */
export function describeMfaMode(mode: MfaMode, keychain: KeychainStatus | null): string {
  if (mode === 'prompt') {
    return '6-digit code asked at login';
  }
  if (mode === 'stored-secret') {
    return `6-digit code made from a secret in ${keychainName(keychain)}`;
  }
  return 'No 6-digit code';
}

/** Where an account's password is, never the password itself. */
export function describePassword(account: Account, keychain: KeychainStatus | null): string {
  return account.passwordSaved ? `Password saved in ${keychainName(keychain)}` : 'Password asked at login';
}

/** An IANA time zone as people say it ("Central Time"); the id itself when the platform has no name for it. */
export function describeTimeZone(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' }).formatToParts(0);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
