import type { Ref } from 'react';
import { AccountIcon } from './AccountIcon';

/** What the screen says before any account is added: what an account is for, and the one button to add it. */
export function AccountsEmptyState({ onAdd, ref }: { readonly onAdd: () => void; readonly ref?: Ref<HTMLButtonElement> }) {
  return (
    <div className="accounts-empty" data-testid="accounts-empty">
      <span className="accounts-empty__badge">
        <AccountIcon className="accounts-empty__icon" />
      </span>
      <h2 className="accounts-empty__title">No PACER accounts yet</h2>
      <p className="accounts-empty__text">Add the PACER account you file with. ECF Desk uses it to log in to the court.</p>
      <button ref={ref} type="button" className="button button--primary" data-testid="add-account" onClick={onAdd}>
        Add account
      </button>
    </div>
  );
}
