import { useId, useRef, type RefObject } from 'react';
import type { Account, KeychainStatus } from '../../src-main/shared/accounts';
import { Dialog } from './Dialog';
import { keychainName } from './describe-account';

/** What the removal question needs: the account, the keychain (for its name), and the two answers. */
export interface RemoveAccountDialogProps {
  readonly account: Account;
  readonly keychain: KeychainStatus | null;
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** What removing takes away besides the account: the keychain items it has, named. */
function describeRemoval(account: Account, keychain: KeychainStatus | null): string {
  const saved = [account.passwordSaved && 'password', account.totpSecretSaved && 'authenticator secret']
    .filter(Boolean)
    .join(' and ');
  if (!saved) {
    return 'ECF Desk forgets this account. None of its secrets are saved, so nothing else is removed.';
  }
  return `ECF Desk forgets this account and removes its saved ${saved} from ${keychainName(keychain)} too.`;
}

/** Asks before removing an account, saying that its keychain items go too and that PACER itself keeps the account. Cancel has focus, so Enter is safe. */
export function RemoveAccountDialog({
  account,
  keychain,
  fallbackFocus,
  onConfirm,
  onClose,
}: RemoveAccountDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  return (
    <Dialog
      title={`Remove ${account.loginId}?`}
      role="alertdialog"
      testId="remove-account-dialog"
      descriptionId={questionId}
      initialFocus={cancelRef}
      fallbackFocus={fallbackFocus}
      onClose={onClose}
    >
      <p id={questionId}>{describeRemoval(account, keychain)} The PACER account itself is not changed.</p>
      <div className="dialog__actions">
        <button type="button" className="button dialog__danger" onClick={onConfirm}>
          Remove account
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
