import { useId } from 'react';
import { ManagedBadge } from './ManagedBadge';
import type { SharedMailboxPolicy } from './policy-lock';

/** What the Mailboxes section needs: the shared mailbox the machine's policy sets, if any, and how to reach the Inbox. */
export interface MailboxesSettingProps {
  readonly shared: SharedMailboxPolicy | null;
  readonly onOpenInbox: () => void;
}

/** What the policy's shared mailbox means for the user, in a sentence. */
function describeShared(shared: SharedMailboxPolicy): string {
  if (!shared.isComplete) {
    return `Your organization’s policy names only part of a shared mailbox (${shared.host === '' ? 'its server' : 'its user name'} is missing), so none is added. Tell your IT department.`;
  }
  const port = shared.port === null ? '' : `, port ${shared.port}`;
  return `Your organization adds the firm’s shared docketing mailbox: ${shared.user} on ${shared.host}${port}, folder “${shared.folder}”. It is listed first in the Inbox’s mailboxes; you sign in to it with your own password.`;
}

/** The Mailboxes section: a pointer to the Inbox, where mailboxes are added, tested and removed, and the shared mailbox policy adds. */
export function MailboxesSetting({ shared, onOpenInbox }: MailboxesSettingProps) {
  const headingId = useId();
  const badgeId = useId();

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="settings-section__title">
        Mailboxes
      </h2>
      {shared && (
        <>
          <ManagedBadge id={badgeId} settingKey="mailboxes" source={shared.source} />
          <p className="settings-section__text" data-testid="shared-mailbox" aria-describedby={badgeId}>
            {describeShared(shared)}
          </p>
        </>
      )}
      <p className="settings-section__text">
        The mailboxes the court’s notices are read from are set up in the Inbox: choose Mailboxes… at the top of that
        screen.
      </p>
      <div>
        <button type="button" className="button" data-testid="settings-open-inbox" onClick={onOpenInbox}>
          Go to the Inbox
        </button>
      </div>
    </section>
  );
}
