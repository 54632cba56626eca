import type { AsyncEntry, Credential, EntryOptions } from '@napi-rs/keyring';
import type { SecretStore } from './secret-store';
import { VaultError } from './vault-error';
import { describeError } from '../../shared/describe-error';

/** The part of `@napi-rs/keyring` the store uses, so a test can hand in a stand-in that fails on purpose. */
export interface KeyringBinding {
  readonly AsyncEntry: new (
    service: string,
    account: string,
    options?: EntryOptions,
  ) => Pick<AsyncEntry, 'getPassword' | 'setPassword' | 'deletePassword'>;
  findCredentialsAsync(service: string): Promise<Credential[]>;
}

/** Where the store keeps items, and on which OS it runs. */
export interface KeyringSecretStoreOptions {
  /** The service every item is filed under; default "ECF Desk". */
  readonly service?: string;
  /** Default: this process's platform. Chooses the keychain's name and, on Linux, pins the Secret Service. */
  readonly platform?: NodeJS.Platform;
  /** Loads the native binding; default `import('@napi-rs/keyring')`. Tests replace it. */
  readonly loadKeyring?: () => Promise<KeyringBinding>;
}

/** An account no item is ever saved under: reading it shows whether the keychain answers at all. */
const probeAccount = '.availability-check';

type Probe =
  | { readonly isAvailable: true; readonly keyring: KeyringBinding }
  | { readonly isAvailable: false; readonly reason: string };

/** The keychain's name as users of each OS know it. */
export function keychainNameFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return 'macOS Keychain';
  }
  if (platform === 'win32') {
    return 'Windows Credential Manager';
  }
  return 'Secret Service (GNOME Keyring or KWallet)';
}

/**
 * The OS keychain through `@napi-rs/keyring`. On Linux every item is pinned to the Secret Service: the
 * binding's default would quietly fall back to the kernel keyring, which forgets everything at reboot and
 * which no keychain app shows, so without a Secret Service the store is unavailable instead.
 * `list()` uses `findCredentialsAsync`, which takes no store option but on Linux always talks to the Secret
 * Service over D-Bus (it has no kernel-keyring path); it reads each item's secret in native code (a locked
 * item fails the listing) and this store drops the secrets at once. On Linux a pinned entry connects to
 * D-Bus when it is created, synchronously, so each call costs one short local connection.
 */
export function createKeyringSecretStore(options: KeyringSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? 'ECF Desk';
  const platform = options.platform ?? process.platform;
  const keychainName = keychainNameFor(platform);
  // The binding ignores these options off Linux; passing them only there keeps that plain.
  const entryOptions: EntryOptions | undefined =
    platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;
  const loadKeyring = options.loadKeyring ?? (async (): Promise<KeyringBinding> => import('@napi-rs/keyring'));
  let probe: Promise<Probe> | undefined;
  const checkKeychain = (): Promise<Probe> => (probe ??= probeKeychain());

  async function probeKeychain(): Promise<Probe> {
    let keyring: KeyringBinding;
    try {
      keyring = await loadKeyring();
    } catch (error) {
      return {
        isAvailable: false,
        reason: `ECF Desk's keychain component did not load on this computer. The system said: ${describe(error, null)}`,
      };
    }
    try {
      await new keyring.AsyncEntry(service, probeAccount, entryOptions).getPassword();
      return { isAvailable: true, keyring };
    } catch (error) {
      return { isAvailable: false, reason: unavailableReason(platform, keychainName, describe(error, null)) };
    }
  }

  async function withKeychain<T>(
    doing: string,
    secret: string | null,
    action: (keyring: KeyringBinding) => Promise<T>,
  ): Promise<T> {
    const checked = await checkKeychain();
    if (!checked.isAvailable) {
      throw new VaultError('vault.unavailable', `The ${keychainName} cannot be used: ${checked.reason}`);
    }
    try {
      return await action(checked.keyring);
    } catch (error) {
      throw new VaultError(
        'vault.failed',
        `The ${keychainName} could not ${doing}. Check that it is unlocked, then try again. The system said: ${describe(error, secret)}`,
      );
    }
  }

  const entry = (
    keyring: KeyringBinding,
    account: string,
  ): Pick<AsyncEntry, 'getPassword' | 'setPassword' | 'deletePassword'> =>
    new keyring.AsyncEntry(service, account, entryOptions);

  return {
    keychainName,
    async availability() {
      const checked = await checkKeychain();
      return checked.isAvailable ? { isAvailable: true } : { isAvailable: false, reason: checked.reason };
    },
    async get(account) {
      return withKeychain(
        'read a saved password',
        null,
        async (keyring) => (await entry(keyring, account).getPassword()) ?? null,
      );
    },
    async set(account, secret) {
      await withKeychain('save the password', secret, async (keyring) => entry(keyring, account).setPassword(secret));
    },
    async delete(account) {
      return withKeychain('remove a saved password', null, async (keyring) => entry(keyring, account).deletePassword());
    },
    async list() {
      return withKeychain('list the saved passwords', null, async (keyring) => {
        const accounts = (await keyring.findCredentialsAsync(service)).map((credential) => credential.account);
        return [...new Set(accounts)].filter((account) => account !== probeAccount).sort();
      });
    },
  };
}

function unavailableReason(platform: NodeJS.Platform, keychainName: string, detail: string): string {
  if (platform === 'darwin' || platform === 'win32') {
    return `The ${keychainName} could not be opened. The system said: ${detail}`;
  }
  return `No Secret Service (GNOME Keyring or KWallet) is running in this session. The system said: ${detail}`;
}

/** The native error's own words, short, with the secret (if one was being saved) blanked out. */
function describe(error: unknown, secret: string | null): string {
  const text = describeError(error).message;
  const redacted = secret === null || secret === '' ? text : text.split(secret).join('[secret removed]');
  return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
}
