/** Whether a keychain can be used now; when not, why, in words for the person at the keyboard. */
export type SecretStoreAvailability =
  { readonly isAvailable: true } | { readonly isAvailable: false; readonly reason: string };

/**
 * The OS keychain, seen as items named by an account under one service ("ECF Desk"). It is the only place a
 * secret is kept: never a file, the database, settings or logs (docs/security.md).
 * Calls throw a VaultError (`vault.unavailable` or `vault.failed`) whose message never holds a secret.
 */
export interface SecretStore {
  /** The keychain's name as users know it: "macOS Keychain", "Windows Credential Manager", "Secret Service (GNOME Keyring or KWallet)". */
  readonly keychainName: string;
  /** Whether the keychain can be used now; a plain reason when not (e.g. no Secret Service on this Linux session). Cached after the first probe. */
  availability(): Promise<SecretStoreAvailability>;
  /** The secret kept for the account, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Keeps the secret for the account, replacing any it had. */
  set(account: string, secret: string): Promise<void>;
  /** true when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** The account names stored under the service (never the secrets). */
  list(): Promise<string[]>;
}
