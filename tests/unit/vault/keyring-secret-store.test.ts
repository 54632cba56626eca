import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../src-main/core/vault/credential-vault';
import { createKeyringSecretStore } from '../../../src-main/core/vault/keyring-secret-store';
import { applyToProcessEnv, startSecretService } from '../../support/secret-service';

// One throwaway gnome-keyring for this file; its bus address must be in process.env before the first keyring call.
const session = await startSecretService();
const restoreEnv = session === null ? (): void => undefined : applyToProcessEnv(session.env);

afterAll(async () => {
  restoreEnv();
  await session?.stop();
});

const store = createKeyringSecretStore({ platform: 'linux' });
const otherApp = createKeyringSecretStore({ service: 'Other App', platform: 'linux' });

afterEach(async () => {
  if (session === null) {
    return;
  }
  for (const account of await store.list()) {
    await store.delete(account);
  }
  for (const account of await otherApp.list()) {
    await otherApp.delete(account);
  }
});

/** Runs libsecret's own command-line tool against the test session: an independent look into the Secret Service. */
function secretTool(
  args: readonly string[],
  input?: string,
): { readonly status: number | null; readonly stdout: string; readonly stderr: string } {
  const result = spawnSync('secret-tool', args, {
    env: { ...process.env, ...session?.env },
    input,
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The `username` attribute of every item with `service` = the given one (secret-tool prints attributes on stderr). */
function usernamesInSecretService(service: string): string[] {
  const { stderr } = secretTool(['search', '--all', 'service', service]);
  return [...stderr.matchAll(/^attribute\.username = (.*)$/gm)].map((match) => match[1] ?? '').sort();
}

/** What the Secret Service itself holds for service + username, found by attributes alone. */
function lookUpInSecretService(service: string, username: string): string | null {
  const { status, stdout } = secretTool(['lookup', 'service', service, 'username', username]);
  return status === 0 ? stdout : null;
}

describe.skipIf(session === null)(
  'createKeyringSecretStore against a real Secret Service (gnome-keyring; skipped without it)',
  () => {
    it('names the keychain as Linux users know it and finds it available', async () => {
      expect(store.keychainName).toBe('Secret Service (GNOME Keyring or KWallet)');
      await expect(store.availability()).resolves.toEqual({ isAvailable: true });
    });

    it('checks availability without leaving an item behind', async () => {
      await store.availability();
      expect(usernamesInSecretService('ECF Desk')).toEqual([]);
    });

    it('reads back a saved password, which the Secret Service holds under service "ECF Desk" and the account as username', async () => {
      await store.set('nysd/jdoe', 'correct horse battery staple');
      await expect(store.get('nysd/jdoe')).resolves.toBe('correct horse battery staple');
      expect(lookUpInSecretService('ECF Desk', 'nysd/jdoe')).toBe('correct horse battery staple');
    });

    it('replaces a password saved again, keeping one item', async () => {
      await store.set('nysd/jdoe', 'first password');
      await store.set('nysd/jdoe', 'second password');
      await expect(store.get('nysd/jdoe')).resolves.toBe('second password');
      expect(usernamesInSecretService('ECF Desk')).toEqual(['nysd/jdoe']);
    });

    it('deletes an item, and says so only when there was one', async () => {
      await store.set('nysd/jdoe', 'to be removed');
      await expect(store.delete('nysd/jdoe')).resolves.toBe(true);
      await expect(store.delete('nysd/jdoe')).resolves.toBe(false);
      await expect(store.get('nysd/jdoe')).resolves.toBeNull();
      expect(lookUpInSecretService('ECF Desk', 'nysd/jdoe')).toBeNull();
    });

    it('reads nothing for an account never saved', async () => {
      await expect(store.get('cit-training/nobody')).resolves.toBeNull();
    });

    it('keeps a password with accents, CJK, an emoji and edge spaces exactly as typed', async () => {
      const password = ' Pässwörd ✓ 密码 🔐 ';
      await store.set('cit-training/unicode', password);
      await expect(store.get('cit-training/unicode')).resolves.toBe(password);
      expect(lookUpInSecretService('ECF Desk', 'cit-training/unicode')).toBe(password);
    });

    it('lists only its own service’s account names, never their secrets', async () => {
      await store.set('nysd/jdoe', 'secret-one');
      await store.set('cit-training/asmith', 'secret-two');
      await otherApp.set('someone', 'secret-of-another-app');
      secretTool(
        ['store', '--label', 'Unrelated', 'service', 'Unrelated Tool', 'username', 'nysd/jdoe'],
        'unrelated-secret',
      );

      const accounts = await store.list();
      expect(accounts).toEqual(['cit-training/asmith', 'nysd/jdoe']);
      expect(JSON.stringify(accounts)).not.toMatch(/secret/);
      expect(usernamesInSecretService('Unrelated Tool')).toEqual(['nysd/jdoe']);
      secretTool(['clear', 'service', 'Unrelated Tool']);
    });

    it('sees an item another Secret Service client saved under "ECF Desk" (the item is really in the shared keychain)', async () => {
      secretTool(
        ['store', '--label', 'ECF Desk test', 'service', 'ECF Desk', 'username', 'nysd/from-secret-tool'],
        'stored by secret-tool',
      );
      await expect(store.get('nysd/from-secret-tool')).resolves.toBe('stored by secret-tool');
      await expect(store.list()).resolves.toEqual(['nysd/from-secret-tool']);
    });
  },
);

describe.skipIf(session === null)('createCredentialVault over the real Secret Service', () => {
  const vault = createCredentialVault(store);

  it('keeps a login’s password and TOTP secret as two items, "<profile>/<login>" and "<profile>/<login>#totp"', async () => {
    await vault.savePassword('nysd', 'jdoe', 'hunter2 but longer');
    await vault.saveTotpSecret('nysd', 'jdoe', 'jbsw y3dp ehpk 3pxp');

    expect(usernamesInSecretService('ECF Desk')).toEqual(['nysd/jdoe', 'nysd/jdoe#totp']);
    expect(lookUpInSecretService('ECF Desk', 'nysd/jdoe#totp')).toBe('JBSWY3DPEHPK3PXP');
    await expect(vault.readPassword('nysd', 'jdoe')).resolves.toBe('hunter2 but longer');
    await expect(vault.readTotpSecret('nysd', 'jdoe')).resolves.toBe('JBSWY3DPEHPK3PXP');
    await expect(vault.hasPassword('nysd', 'jdoe')).resolves.toBe(true);
    await expect(vault.hasTotpSecret('nysd', 'jdoe')).resolves.toBe(true);
  });

  it('forgets both of a login’s items and leaves other logins alone', async () => {
    await vault.savePassword('nysd', 'jdoe', 'password-1');
    await vault.saveTotpSecret('nysd', 'jdoe', 'JBSWY3DPEHPK3PXP');
    await vault.savePassword('cit-training', 'jdoe', 'password-2');

    await expect(vault.forget('nysd', 'jdoe')).resolves.toBe(true);
    expect(usernamesInSecretService('ECF Desk')).toEqual(['cit-training/jdoe']);
    await expect(vault.hasPassword('nysd', 'jdoe')).resolves.toBe(false);
    await expect(vault.hasTotpSecret('nysd', 'jdoe')).resolves.toBe(false);
    await expect(vault.forget('nysd', 'jdoe')).resolves.toBe(false);
  });

  it('lists the saved logins with what each has, ignoring items it did not name', async () => {
    await vault.savePassword('nysd', 'jdoe', 'password-1');
    await vault.saveTotpSecret('nysd', 'jdoe', 'JBSWY3DPEHPK3PXP');
    await vault.saveTotpSecret('cit-training', 'asmith', 'GEZDGNBVGY3TQOJQ');
    await store.set('not a login name', 'whatever');

    await expect(vault.listLogins()).resolves.toEqual([
      { courtProfile: 'cit-training', loginId: 'asmith', hasPassword: false, hasTotpSecret: true },
      { courtProfile: 'nysd', loginId: 'jdoe', hasPassword: true, hasTotpSecret: true },
    ]);
  });
});
