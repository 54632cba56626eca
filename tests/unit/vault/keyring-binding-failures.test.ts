import type { EntryOptions } from '@napi-rs/keyring';
import { describe, expect, it } from 'vitest';
import { createKeyringSecretStore, type KeyringBinding } from '../../../src-main/core/vault/keyring-secret-store';
import { VaultError } from '../../../src-main/core/vault/vault-error';

/** A stand-in for the native binding that records how entries were made and fails where told to. */
function fakeBinding(behaviour: { readonly failProbe?: string; readonly failSet?: (password: string) => string }): {
  readonly binding: KeyringBinding;
  readonly entryOptions: (EntryOptions | undefined)[];
  readonly probes: () => number;
} {
  const entryOptions: (EntryOptions | undefined)[] = [];
  let probes = 0;
  class FakeEntry {
    constructor(
      _service: string,
      private readonly account: string,
      options?: EntryOptions,
    ) {
      entryOptions.push(options);
    }
    async getPassword(): Promise<string | null> {
      if (this.account === '.availability-check') {
        probes += 1;
        if (behaviour.failProbe !== undefined) {
          throw new Error(behaviour.failProbe);
        }
      }
      return null;
    }
    async setPassword(password: string): Promise<void> {
      if (behaviour.failSet !== undefined) {
        throw new Error(behaviour.failSet(password));
      }
    }
    async deletePassword(): Promise<boolean> {
      return false;
    }
  }
  return {
    binding: { AsyncEntry: FakeEntry, findCredentialsAsync: async () => [] },
    entryOptions,
    probes: () => probes,
  };
}

async function rejectionOf(call: Promise<unknown>): Promise<VaultError> {
  const error: unknown = await call.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(VaultError);
  return error as VaultError;
}

describe('createKeyringSecretStore around the native binding', () => {
  it('pins every Linux entry to the Secret Service, so it can never land in the kernel keyring', async () => {
    const fake = fakeBinding({});
    const store = createKeyringSecretStore({ platform: 'linux', loadKeyring: async () => fake.binding });
    await store.set('nysd/jdoe', 'pw');
    await store.get('nysd/jdoe');
    expect(fake.entryOptions).toEqual([
      { linux: { store: 'secret-service' } },
      { linux: { store: 'secret-service' } },
      { linux: { store: 'secret-service' } },
    ]);
  });

  it('passes no Linux options on macOS or Windows, and names their keychains', async () => {
    for (const [platform, name] of [
      ['darwin', 'macOS Keychain'],
      ['win32', 'Windows Credential Manager'],
    ] as const) {
      const fake = fakeBinding({});
      const store = createKeyringSecretStore({ platform, loadKeyring: async () => fake.binding });
      await store.get('nysd/jdoe');
      expect(store.keychainName).toBe(name);
      expect(fake.entryOptions.every((options) => options === undefined)).toBe(true);
    }
  });

  it('probes the keychain once and remembers the answer', async () => {
    const fake = fakeBinding({
      failProbe:
        'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
    });
    const store = createKeyringSecretStore({ platform: 'linux', loadKeyring: async () => fake.binding });
    await store.availability();
    await store.availability();
    await rejectionOf(store.get('nysd/jdoe'));
    expect(fake.probes()).toBe(1);
  });

  it('names the unavailable keychain on macOS, with what the system said for IT', async () => {
    const fake = fakeBinding({ failProbe: 'User interaction is not allowed.' });
    const store = createKeyringSecretStore({ platform: 'darwin', loadKeyring: async () => fake.binding });
    await expect(store.availability()).resolves.toEqual({
      isAvailable: false,
      reason: 'The macOS Keychain could not be opened. The system said: User interaction is not allowed.',
    });
  });

  it('is unavailable, not crashed, when the native module does not load', async () => {
    const store = createKeyringSecretStore({
      platform: 'linux',
      loadKeyring: async () => {
        throw new Error('Cannot find native binding.');
      },
    });
    await expect(store.availability()).resolves.toMatchObject({
      isAvailable: false,
      reason: expect.stringContaining('keychain component did not load'),
    });
    expect((await rejectionOf(store.set('nysd/jdoe', 'pw'))).code).toBe('vault.unavailable');
  });

  it('turns a native failure into vault.failed with the secret blanked out of the message', async () => {
    const fake = fakeBinding({ failSet: (password) => `Attribute value ${password} rejected` });
    const store = createKeyringSecretStore({ platform: 'linux', loadKeyring: async () => fake.binding });
    const error = await rejectionOf(store.set('nysd/jdoe', 'Tr0ub4dor&3'));
    expect(error.code).toBe('vault.failed');
    expect(error.message).toBe(
      'The Secret Service (GNOME Keyring or KWallet) could not save the password. Check that it is unlocked, then try again. The system said: Attribute value [secret removed] rejected',
    );
    expect(JSON.stringify(error.toInfo())).not.toContain('Tr0ub4dor&3');
  });
});
