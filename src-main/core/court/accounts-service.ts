import { randomUUID } from 'node:crypto';
import type { Account, AccountInput, KeychainStatus } from '../../shared/accounts';
import type { CourtProfileId } from '../../shared/domain';
import { AppError } from '../errors';
import type { Clock } from '../ports';
import type { AccountRow, AccountsTable } from '../storage/accounts-table';
import type { CredentialVault } from '../vault/credential-vault';
import type { SecretStore } from '../vault/secret-store';
import { decodeBase32 } from './totp';
import type { AppLog } from '../storage/app-log';

/** What the accounts service needs from the rest of core. */
export interface AccountsServiceOptions {
  readonly table: AccountsTable;
  readonly store: SecretStore;
  readonly vault: CredentialVault;
  readonly clock: Clock;
  /** The `allowCredentialStorage` setting, read at each use (policy may change it while the app runs). */
  readonly isStorageAllowed: () => boolean;
  /** The court profile new accounts belong to. */
  readonly currentProfile: () => CourtProfileId;
  /** Writes one line to the app's log; never given a secret. */
  readonly log: AppLog;
}

/**
 * PACER accounts: rows in SQLite, secrets in the OS keychain (one item per court profile and login id, the TOTP
 * secret a second item). Where the keychain is missing or storage is not allowed, nothing secret is stored at all.
 */
export function createAccountsService(options: AccountsServiceOptions) {
  const { table, store, vault, clock } = options;
  let hasLoggedUnavailable = false;

  const keychain = async (): Promise<KeychainStatus> => {
    const isStorageAllowed = options.isStorageAllowed();
    const availability = await store.availability();
    let message: string | null = null;
    if (!isStorageAllowed) {
      message =
        'Your organization has turned off saving PACER passwords, so ECF Desk asks for the password at each login.';
    } else if (!availability.isAvailable) {
      // The system's own words go to the log for IT; people see the plain sentence before them.
      const [plain] = availability.reason.split(' The system said:');
      message = `${plain?.trim() ?? 'No keychain is available on this computer.'} ECF Desk asks for your PACER password at each login; it never saves passwords to a file.`;
      // Said once in the log too, so IT can see why people are asked every time.
      if (!hasLoggedUnavailable) {
        options.log(`Keychain unavailable: ${availability.reason}`, 'warn');
      }
      hasLoggedUnavailable = true;
    }
    return { name: store.keychainName, isAvailable: availability.isAvailable, isStorageAllowed, message };
  };

  const canStore = async (): Promise<boolean> => options.isStorageAllowed() && (await store.availability()).isAvailable;

  const describe = async (row: AccountRow): Promise<Account> => {
    const storing = await canStore();
    return {
      ...row,
      passwordSaved: storing && (await vault.hasPassword(row.courtProfile, row.loginId)),
      totpSecretSaved: storing && (await vault.hasTotpSecret(row.courtProfile, row.loginId)),
    };
  };

  const checkSecret = (secret: string): string => {
    try {
      decodeBase32(secret);
      return secret;
    } catch {
      throw new AppError(
        'account.invalid',
        'The authenticator secret is not valid: copy it again from PACER (Manage My Account → Manage MFA Settings → Authentication Apps).',
      );
    }
  };

  return {
    keychain,

    async list(): Promise<{ accounts: Account[]; keychain: KeychainStatus }> {
      // One listing of the keychain's item names for the whole list, not two reads per account.
      const saved = (await canStore()) ? await vault.listLogins() : [];
      const accounts = table.list().map((row) => {
        const login = saved.find(
          (candidate) => candidate.courtProfile === row.courtProfile && candidate.loginId === row.loginId,
        );
        return { ...row, passwordSaved: login?.hasPassword ?? false, totpSecretSaved: login?.hasTotpSecret ?? false };
      });
      return { accounts, keychain: await keychain() };
    },

    find(id: string): AccountRow {
      const row = table.find(id);
      if (!row) {
        throw new AppError(
          'account.not-found',
          'That account is no longer in the list. It may have been removed in another window.',
        );
      }
      return row;
    },

    /** Adds or edits an account. A password or TOTP secret goes to the keychain only. */
    async save(input: AccountInput & { loginId: string }): Promise<Account> {
      const existing = input.id ? this.find(input.id) : null;
      const courtProfile = existing?.courtProfile ?? input.courtProfile ?? options.currentProfile();
      const loginId = input.loginId.trim();
      const clash = table.findByLogin(courtProfile, loginId);
      if (clash && clash.id !== existing?.id) {
        throw new AppError(
          'account.duplicate',
          `An account for ${loginId} at this court is already in the list. Edit that one instead.`,
        );
      }
      const storing = await canStore();
      const totpSecret =
        input.totpSecret === undefined ? undefined : checkSecret(input.totpSecret.replace(/\s+/g, '').toUpperCase());
      if (input.mfaMode === 'stored-secret') {
        if (!storing) {
          throw new AppError(
            'account.invalid',
            'Generating the code from a saved secret needs the keychain, which is not available here. Choose "Ask me for the 6-digit code" instead.',
          );
        }
        const hasSecret =
          totpSecret !== undefined ||
          (existing !== null && (await vault.hasTotpSecret(existing.courtProfile, existing.loginId)));
        if (!hasSecret) {
          throw new AppError(
            'account.invalid',
            'Enter the authenticator secret PACER showed when you added ECF Desk as an authentication app.',
          );
        }
      }
      const now = clock.now().toISOString();
      const row: AccountRow = {
        id: existing?.id ?? randomUUID(),
        courtProfile,
        loginId,
        name: input.name ?? existing?.name ?? '',
        role: input.role ?? existing?.role ?? '',
        kind: input.kind,
        defaultClientCode: input.defaultClientCode?.trim() || null,
        mfaMode: input.mfaMode,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      if (storing && existing && existing.loginId !== loginId) {
        // A renamed login keeps its secrets: they move to the items of the new name.
        const [password, secret] = [
          await vault.readPassword(existing.courtProfile, existing.loginId),
          await vault.readTotpSecret(existing.courtProfile, existing.loginId),
        ];
        await vault.forget(existing.courtProfile, existing.loginId);
        if (password !== null) {
          await vault.savePassword(courtProfile, loginId, password);
        }
        if (secret !== null) {
          await vault.saveTotpSecret(courtProfile, loginId, secret);
        }
      }
      if (storing && input.password !== undefined) {
        await vault.savePassword(courtProfile, loginId, input.password);
      }
      if (storing && totpSecret !== undefined && input.mfaMode === 'stored-secret') {
        await vault.saveTotpSecret(courtProfile, loginId, totpSecret);
      }
      if (storing && input.mfaMode !== 'stored-secret' && (await vault.hasTotpSecret(courtProfile, loginId))) {
        await vault.forgetTotpSecret(courtProfile, loginId);
      }
      table.put(row);
      return describe(row);
    },

    /** Keeps the name and role the attorney signs with (FAQ 35), so the next signature offers them. */
    setSigner(id: string, name: string, role: string): AccountRow {
      const row = this.find(id);
      if (row.name === name && row.role === role) {
        return row;
      }
      const next: AccountRow = { ...row, name, role, updatedAt: clock.now().toISOString() };
      table.put(next);
      return next;
    },

    /** Removes the account and its keychain items. */
    async remove(id: string): Promise<AccountRow> {
      const row = this.find(id);
      if ((await store.availability()).isAvailable) {
        await vault.forget(row.courtProfile, row.loginId);
      }
      table.remove(id);
      return row;
    },

    /** The saved password, or null when none is saved or storage is off. */
    async savedPassword(row: AccountRow): Promise<string | null> {
      return (await canStore()) ? vault.readPassword(row.courtProfile, row.loginId) : null;
    },

    /** The saved TOTP secret, or null. */
    async savedTotpSecret(row: AccountRow): Promise<string | null> {
      return (await canStore()) ? vault.readTotpSecret(row.courtProfile, row.loginId) : null;
    },
  };
}

/** The accounts service. */
export type AccountsService = ReturnType<typeof createAccountsService>;
