import type { SecretStore } from '../../src-main/core/vault/secret-store';

/** A keychain held in a Map, for tests that are not about the keychain itself (those use the real Secret Service). */
export function createMemorySecretStore(
  options: { isAvailable?: boolean } = {},
): SecretStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  const isAvailable = options.isAvailable ?? true;
  const refuse = (): never => {
    throw new Error('No keychain in this test');
  };
  return {
    items,
    keychainName: 'Test keychain',
    availability: async () =>
      isAvailable ? { isAvailable: true } : { isAvailable: false, reason: 'no keychain in this test' },
    get: async (account) => (isAvailable ? (items.get(account) ?? null) : refuse()),
    set: async (account, secret) => {
      if (!isAvailable) {
        refuse();
      }
      items.set(account, secret);
    },
    delete: async (account) => (isAvailable ? items.delete(account) : refuse()),
    list: async () => (isAvailable ? [...items.keys()] : refuse()),
  };
}
