import { useId } from 'react';
import { ManagedBadge } from './ManagedBadge';
import type { PolicyLock } from './policy-lock';

/** What the Mailboxes section needs: the policy's lock if any, and how to reach the Inbox. */
export interface MailboxesSettingProps {
  readonly lock: PolicyLock<'mailboxes'> | null;
  readonly onOpenInbox: () => void;
}

/** The Mailboxes section: a pointer to the Inbox, where mailboxes are added, tested and removed. */
export function MailboxesSetting({ lock, onOpenInbox }: MailboxesSettingProps) {
  const headingId = useId();
  const badgeId = useId();

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="settings-section__title">
        Mailboxes
      </h2>
      {lock && <ManagedBadge id={badgeId} settingKey={lock.key} source={lock.source} />}
      <p className="settings-section__text">The mailboxes the court’s notices are read from are set up in the Inbox: choose Mailboxes… at the top of that screen.</p>
      <div>
        <button type="button" className="button" data-testid="settings-open-inbox" onClick={onOpenInbox}>
          Go to the Inbox
        </button>
      </div>
    </section>
  );
}
