import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/core/errors';
import {
  createCredentialVault,
  createMemorylessSecretStore,
  normaliseTotpSecret,
} from '../../../src-main/core/vault/credential-vault';
import { keychainItemName, parseKeychainItemName } from '../../../src-main/core/vault/keychain-item-name';
import type { SecretStore } from '../../../src-main/core/vault/secret-store';
import { VaultError } from '../../../src-main/core/vault/vault-error';

/** A SecretStore in a Map, to see exactly which items the vault names (the real keychain is tested beside this). */
function mapStore(): SecretStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    keychainName: 'Test keychain',
    availability: async () => ({ isAvailable: true }),
    get: async (account) => items.get(account) ?? null,
    set: async (account, secret) => void items.set(account, secret),
    delete: async (account) => items.delete(account),
    list: async () => [...items.keys()].sort(),
  };
}

describe('createCredentialVault', () => {
  it('stores the TOTP secret as authenticator apps read it: no spaces, upper case', async () => {
    const store = mapStore();
    await createCredentialVault(store).saveTotpSecret('nysd', 'jdoe', ' jbsw y3dp\tehpk 3pxp ');
    expect(store.items.get('nysd/jdoe#totp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normaliseTotpSecret('gezd gnbv')).toBe('GEZDGNBV');
  });

  it('keeps a password exactly as typed, spaces included', async () => {
    const store = mapStore();
    await createCredentialVault(store).savePassword('nysd', 'jdoe', '  two spaces  ');
    expect(store.items.get('nysd/jdoe')).toBe('  two spaces  ');
  });

  it('refuses an empty password, TOTP secret, court profile or login id', async () => {
    const vault = createCredentialVault(mapStore());
    await expect(vault.savePassword('nysd', 'jdoe', '')).rejects.toMatchObject({ code: 'account.invalid' });
    await expect(vault.saveTotpSecret('nysd', 'jdoe', '   ')).rejects.toMatchObject({ code: 'account.invalid' });
    await expect(vault.readPassword('', 'jdoe')).rejects.toBeInstanceOf(AppError);
    await expect(vault.hasTotpSecret('nysd', ' ')).rejects.toMatchObject({ code: 'account.invalid' });
  });

  it('gives a login id holding "/", "#" or "%" items no other login can be mistaken for', async () => {
    const store = mapStore();
    const vault = createCredentialVault(store);
    await vault.savePassword('nysd', 'jdoe#totp', 'password of an odd login id');
    await vault.savePassword('nysd', 'a/b%2F', 'another');
    expect([...store.items.keys()].sort()).toEqual(['nysd/a%2Fb%252F', 'nysd/jdoe%23totp']);
    await expect(vault.readTotpSecret('nysd', 'jdoe')).resolves.toBeNull();
    await expect(vault.listLogins()).resolves.toEqual([
      { courtProfile: 'nysd', loginId: 'a/b%2F', hasPassword: true, hasTotpSecret: false },
      { courtProfile: 'nysd', loginId: 'jdoe#totp', hasPassword: true, hasTotpSecret: false },
    ]);
  });

  it('forgets only the TOTP secret when the login stops using one, keeping the password', async () => {
    const store = mapStore();
    const vault = createCredentialVault(store);
    await vault.savePassword('nysd', 'jdoe', 'hunter2');
    await vault.saveTotpSecret('nysd', 'jdoe', 'JBSWY3DPEHPK3PXP');
    await expect(vault.forgetTotpSecret('nysd', 'jdoe')).resolves.toBe(true);
    expect([...store.items.keys()]).toEqual(['nysd/jdoe']);
    await expect(vault.forgetTotpSecret('nysd', 'jdoe')).resolves.toBe(false);
  });

  it('reports whether forget found anything', async () => {
    const vault = createCredentialVault(mapStore());
    await vault.saveTotpSecret('nysd', 'jdoe', 'JBSWY3DPEHPK3PXP');
    await expect(vault.forget('nysd', 'jdoe')).resolves.toBe(true);
    await expect(vault.forget('nysd', 'jdoe')).resolves.toBe(false);
  });
});

describe('keychain item names', () => {
  it('round-trip through the name the keychain shows', () => {
    expect(keychainItemName('cit-training', 'jdoe', 'password')).toBe('cit-training/jdoe');
    expect(keychainItemName('cit-training', 'jdoe', 'totp-secret')).toBe('cit-training/jdoe#totp');
    expect(parseKeychainItemName('cit-training/jdoe#totp')).toEqual({
      courtProfile: 'cit-training',
      loginId: 'jdoe',
      kind: 'totp-secret',
    });
  });

  it('are not found in names ECF Desk did not write', () => {
    for (const name of ['jdoe', 'a/b/c', '/jdoe', 'nysd/', 'nysd/jdoe#otp', '.availability-check']) {
      expect(parseKeychainItemName(name)).toBeNull();
    }
  });
});

describe('createMemorylessSecretStore (saving turned off, or no keychain)', () => {
  const reason =
    'Your firm’s policy turns off saving passwords; ECF Desk will ask for your PACER password at each login.';

  it('says why it is unavailable, finds nothing and deletes nothing', async () => {
    const store = createMemorylessSecretStore(reason, 'macOS Keychain');
    expect(store.keychainName).toBe('macOS Keychain');
    await expect(store.availability()).resolves.toEqual({ isAvailable: false, reason });
    await expect(store.get('nysd/jdoe')).resolves.toBeNull();
    await expect(store.delete('nysd/jdoe')).resolves.toBe(false);
    await expect(store.list()).resolves.toEqual([]);
  });

  it('refuses to save, with the reason, so the password is never kept anywhere', async () => {
    const vault = createCredentialVault(createMemorylessSecretStore(reason));
    const error: unknown = await vault.savePassword('nysd', 'jdoe', 'hunter2').catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'vault.unavailable', message: reason });
    await expect(vault.readPassword('nysd', 'jdoe')).resolves.toBeNull();
    await expect(vault.listLogins()).resolves.toEqual([]);
  });
});
