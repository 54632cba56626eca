import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCredentialsAsync } from '@napi-rs/keyring';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyringSecretStore } from '../../../src-main/core/vault/keyring-secret-store';
import type { SecretStore } from '../../../src-main/core/vault/secret-store';
import { VaultError } from '../../../src-main/core/vault/vault-error';
import { applyToProcessEnv, startBusWithoutSecretService } from '../../support/secret-service';

// Its own file (so its own process): the native keyring must meet these sessions first, not a working one.
const bareBus = await startBusWithoutSecretService();

afterAll(async () => {
  await bareBus?.stop();
});

/** Kernel keyring entries the keyring binding would write on fallback ("keyring:<account>@<service>"), as this process sees them. */
function kernelKeyringItems(): string[] {
  if (!existsSync('/proc/keys')) {
    return [];
  }
  return readFileSync('/proc/keys', 'utf8')
    .split('\n')
    .filter((line) => line.includes('@ECF Desk'));
}

/** Every file below a folder. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function expectUnavailable(call: Promise<unknown>): Promise<void> {
  const error: unknown = await call.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(VaultError);
  expect(error).toMatchObject({ code: 'vault.unavailable' });
  expect((error as VaultError).message).not.toContain('s3cret-never-stored');
}

async function expectNothingStoredAnywhere(store: SecretStore, home: string): Promise<void> {
  const kernelBefore = kernelKeyringItems();
  await expectUnavailable(store.set('nysd/jdoe', 's3cret-never-stored'));
  await expectUnavailable(store.get('nysd/jdoe'));
  await expectUnavailable(store.delete('nysd/jdoe'));
  await expectUnavailable(store.list());
  expect(kernelKeyringItems()).toEqual(kernelBefore);
  expect(filesBelow(home)).toEqual([]);
}

describe('createKeyringSecretStore where Linux has no Secret Service', () => {
  let home = '';
  let restoreEnv = (): void => undefined;
  beforeEach(() => {
    home = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-no-keychain-'));
    const xdg = {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
    };
    restoreEnv = applyToProcessEnv({
      ...xdg,
      XDG_RUNTIME_DIR: path.join(home, 'run'),
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-such-bus')}`,
    });
  });
  afterEach(() => {
    restoreEnv();
    rmSync(home, { recursive: true, force: true });
  });

  it('says the keychain is unavailable, in plain words, when no session bus answers', async () => {
    const store = createKeyringSecretStore({ platform: 'linux' });
    const availability = await store.availability();
    expect(availability.isAvailable).toBe(false);
    if (availability.isAvailable) {
      return;
    }
    expect(availability.reason).toMatch(
      /^No Secret Service \(GNOME Keyring or KWallet\) is running in this session\. The system said: .*Failed to connect/,
    );
  });

  it('refuses every call and writes nothing: no kernel keyring item, no file', async () => {
    await expectNothingStoredAnywhere(createKeyringSecretStore({ platform: 'linux' }), home);
  });

  it.skipIf(bareBus === null)(
    'is unavailable too on a session bus with no Secret Service and nothing to start one',
    async () => {
      restoreEnv();
      restoreEnv = applyToProcessEnv({ ...bareBus?.env, HOME: home });
      const store = createKeyringSecretStore({ platform: 'linux' });
      await expect(store.availability()).resolves.toMatchObject({
        isAvailable: false,
        reason: expect.stringMatching(/^No Secret Service/),
      });
      await expectNothingStoredAnywhere(store, home);
    },
  );

  it('has a binding whose listing talks only to the Secret Service, with no kernel keyring fallback', async () => {
    // list() relies on this: findCredentialsAsync takes no store option, so it must not fall back on its own.
    await expect(findCredentialsAsync('ECF Desk')).rejects.toThrow(/Failed to connect/);
  });
});
