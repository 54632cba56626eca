import { AppError } from '../errors';

/** Why the vault failed: no keychain to use, or the keychain refused or broke mid-call. */
export type VaultErrorCode = 'vault.unavailable' | 'vault.failed';

/** An error from the credential vault, carried to the renderer like any AppError. Its message never holds a secret. */
export class VaultError extends AppError {
  declare readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string) {
    super(code, message);
    this.name = 'VaultError';
  }
}
