import type { Ref } from 'react';
import { Icon } from '../components/Icon';
import { HelpLink } from '../help/HelpLink';

/** What the screen says before any account is added: what an account is for, and the one button to add it. */
export function AccountsEmptyState({
  onAdd,
  ref,
}: {
  readonly onAdd: () => void;
  readonly ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="empty-state" data-testid="accounts-empty">
      <span className="empty-state__badge">
        <Icon name="account" className="empty-state__icon" />
      </span>
      <h2 className="empty-state__title">No PACER accounts yet</h2>
      <p className="empty-state__text">Add the PACER account you file with. ECF Desk uses it to log in to the court.</p>
      <p className="empty-state__hint">
        Filing needs your own upgraded PACER account (FAQ 07, 12), and so does receiving the court&apos;s Notices of
        Electronic Filing (FAQ 22).
      </p>
      <button ref={ref} type="button" className="button button--primary" data-testid="add-account" onClick={onAdd}>
        Add account
      </button>
      <HelpLink topicId="pacer-account-for-filing" />
    </div>
  );
}
