import { AppError } from '../errors';
import { keychainItemName, parseKeychainItemName } from './keychain-item-name';
import type { SecretStore, SecretStoreAvailability } from './secret-store';

export { createMemorylessSecretStore } from './memoryless-secret-store';

/** A login the keychain holds something for, and what. */
export interface SavedLogin {
  readonly courtProfile: string;
  readonly loginId: string;
  readonly hasPassword: boolean;
  readonly hasTotpSecret: boolean;
}

/**
 * A PACER login's password and authenticator (TOTP) secret, kept in the OS keychain as two items per court
 * profile and login id. With the login id, the password is the attorney's signature on every filing: it lives
 * here and nowhere else, and nothing this returns is ever sent to the renderer.
 */
export interface CredentialVault {
  /** The keychain's name as users know it. */
  readonly keychainName: string;
  /** Whether passwords can be saved now; when not, the app asks for them at each login. */
  availability(): Promise<SecretStoreAvailability>;
  /** Saves (or replaces) the login's password. */
  savePassword(courtProfile: string, loginId: string, password: string): Promise<void>;
  /** The login's saved password, or null. */
  readPassword(courtProfile: string, loginId: string): Promise<string | null>;
  /** Saves (or replaces) the login's TOTP secret, written as PACER shows it (spaces and lower case are fine). */
  saveTotpSecret(courtProfile: string, loginId: string, secret: string): Promise<void>;
  /** The login's saved TOTP secret (upper case, no spaces), or null. */
  readTotpSecret(courtProfile: string, loginId: string): Promise<string | null>;
  /** Whether the login's password is saved. */
  hasPassword(courtProfile: string, loginId: string): Promise<boolean>;
  /** Whether the login's TOTP secret is saved. */
  hasTotpSecret(courtProfile: string, loginId: string): Promise<boolean>;
  /** Removes the login's TOTP secret only (the login no longer uses a stored secret); true when it was there. */
  forgetTotpSecret(courtProfile: string, loginId: string): Promise<boolean>;
  /** Removes the login's password and TOTP secret; true when either was there. */
  forget(courtProfile: string, loginId: string): Promise<boolean>;
  /** Every login with a saved item, by court profile then login id (names only, never secrets). */
  listLogins(): Promise<SavedLogin[]>;
}

/** The credential vault over a secret store: the real keychain, or a memoryless store when saving is off. */
export function createCredentialVault(store: SecretStore): CredentialVault {
  const passwordItem = (courtProfile: string, loginId: string): string =>
    keychainItemName(checkName('court profile', courtProfile), checkName('PACER username', loginId), 'password');
  const totpItem = (courtProfile: string, loginId: string): string =>
    keychainItemName(checkName('court profile', courtProfile), checkName('PACER username', loginId), 'totp-secret');

  return {
    keychainName: store.keychainName,
    availability: () => store.availability(),
    async savePassword(courtProfile, loginId, password) {
      if (password === '') {
        throw new AppError('account.invalid', 'The password is empty: type the PACER password to save it.');
      }
      await store.set(passwordItem(courtProfile, loginId), password);
    },
    readPassword: async (courtProfile, loginId) => store.get(passwordItem(courtProfile, loginId)),
    async saveTotpSecret(courtProfile, loginId, secret) {
      const normalised = normaliseTotpSecret(secret);
      if (normalised === '') {
        throw new AppError(
          'account.invalid',
          'The authenticator secret is empty: copy it from PACER’s “add authenticator app” page.',
        );
      }
      await store.set(totpItem(courtProfile, loginId), normalised);
    },
    readTotpSecret: async (courtProfile, loginId) => store.get(totpItem(courtProfile, loginId)),
    hasPassword: async (courtProfile, loginId) => (await store.get(passwordItem(courtProfile, loginId))) !== null,
    hasTotpSecret: async (courtProfile, loginId) => (await store.get(totpItem(courtProfile, loginId))) !== null,
    forgetTotpSecret: async (courtProfile, loginId) => store.delete(totpItem(courtProfile, loginId)),
    async forget(courtProfile, loginId) {
      const hadPassword = await store.delete(passwordItem(courtProfile, loginId));
      const hadTotpSecret = await store.delete(totpItem(courtProfile, loginId));
      return hadPassword || hadTotpSecret;
    },
    async listLogins() {
      const logins = new Map<string, SavedLogin>();
      for (const item of (await store.list()).map(parseKeychainItemName)) {
        if (item === null) {
          continue;
        }
        const key = keychainItemName(item.courtProfile, item.loginId, 'password');
        const login = logins.get(key) ?? {
          courtProfile: item.courtProfile,
          loginId: item.loginId,
          hasPassword: false,
          hasTotpSecret: false,
        };
        logins.set(key, item.kind === 'password' ? { ...login, hasPassword: true } : { ...login, hasTotpSecret: true });
      }
      return [...logins.values()].sort(
        (a, b) => a.courtProfile.localeCompare(b.courtProfile) || a.loginId.localeCompare(b.loginId),
      );
    },
  };
}

/** A TOTP secret as authenticator apps expect it: base32 in upper case, without the spaces PACER shows for reading. */
export function normaliseTotpSecret(secret: string): string {
  return secret.replace(/\s+/g, '').toUpperCase();
}

function checkName(what: string, value: string): string {
  if (value.trim() === '') {
    throw new AppError('account.invalid', `The ${what} is empty, so there is no keychain item to use.`);
  }
  return value;
}
