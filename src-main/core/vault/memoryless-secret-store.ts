import { keychainNameFor } from './keyring-secret-store';
import type { SecretStore } from './secret-store';
import { VaultError } from './vault-error';

/**
 * A SecretStore that keeps nothing: used when the `allowCredentialStorage` setting (or machine policy) forbids
 * saving, or when there is no keychain. The app then asks for the password at each login; it never falls back
 * to a file. Reads find nothing, deleting deletes nothing, and saving throws `vault.unavailable` with the reason.
 */
export function createMemorylessSecretStore(
  reason: string,
  keychainName: string = keychainNameFor(process.platform),
): SecretStore {
  return {
    keychainName,
    async availability() {
      return { isAvailable: false, reason };
    },
    async get() {
      return null;
    },
    async set() {
      throw new VaultError('vault.unavailable', reason);
    },
    async delete() {
      return false;
    },
    async list() {
      return [];
    },
  };
}
