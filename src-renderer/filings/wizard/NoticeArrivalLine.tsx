import { useEffect, useState } from 'react';
import type { Draft } from '../../../src-main/shared/filing';
import type { Attempt } from '../../state/attempt';
import type { InboxItem } from '../../../src-main/shared/inbox';
import { formatDateTime } from '../../format/format-date-time';
import { useAccounts, useFilings, useInbox } from '../../state/StoresProvider';
import { useInBackground } from '../../state/background';
import { noticeArrivalOf, type FirmAddressees } from './notice-arrival';

/** Names, joined for a sentence: "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** What to do when the firm has no notice of its own filing: the words both cases without one end with. */
const withoutNotice =
  "The court e-mails its notice only to the attorneys of record in the case who are registered for electronic service (FAQ 36), so a filer who is not counsel of record for a party gets none. Keep the court's receipt as proof that the court accepted the filing, and if you represent a party here, file a notice of appearance so that the court's notices reach you.";

/**
 * Whether the court's notice of a filed filing reached this firm's inbox (FAQ 28). The app says a notice arrived only
 * when the inbox holds one for this entry addressed to the firm; otherwise it says plainly that none came, and why.
 */
export function NoticeArrivalLine({ draft }: { readonly draft: Draft }) {
  const findNotice = useFilings((state) => state.findNotice);
  const accounts = useAccounts((state) => state.accounts);
  const mailboxes = useInbox((state) => state.mailboxes);
  const inBackground = useInBackground();
  const [found, setFound] = useState<Attempt<InboxItem | null> | null>(null);
  const { outbox } = draft;

  useEffect(() => {
    let isCurrent = true;
    setFound(null);
    inBackground(
      'Looking for the filing’s notice',
      findNotice(draft).then((attempt) => {
        if (isCurrent) {
          setFound(attempt);
        }
      }),
    );
    return () => {
      isCurrent = false;
    };
    // Looked for again when the filing's entry or filed time changes, not on every read of the same draft.
  }, [draft.id, outbox?.deSeqNum, outbox?.filedAt, findNotice, inBackground]);

  if (found === null) {
    return (
      <p data-testid="outbox-notice" data-notice="checking">
        Looking in the inbox for its Notice of Electronic Filing…
      </p>
    );
  }
  if (!found.ok) {
    return (
      <p data-testid="outbox-notice" data-notice="unknown">
        ECF Desk could not look in the inbox for its Notice of Electronic Filing: {found.message} Look for case{' '}
        {draft.case?.caseNumber ?? ''} on the Inbox screen.
      </p>
    );
  }
  const firm: FirmAddressees = {
    names: [...accounts.map((account) => account.name), draft.signature?.name ?? ''],
    emails: mailboxes.map((mailbox) => mailbox.user),
  };
  const arrival = noticeArrivalOf(found.value, firm);
  switch (arrival.kind) {
    case 'arrived': {
      const { date, time } = formatDateTime(arrival.notice.receivedAt);
      return (
        <p data-testid="outbox-notice" data-notice="arrived">
          Its Notice of Electronic Filing is in the inbox, addressed to {arrival.addressee}, received {date} {time}. It
          is the court’s proof of filing (FAQ 28).
        </p>
      );
    }
    case 'others-only':
      return (
        <p data-testid="outbox-notice" data-notice="others-only">
          No Notice of Electronic Filing addressed to this firm has come for it: the court’s notice of this entry in the
          inbox was sent to{' '}
          {joinNames(arrival.notice.recipients.map((recipient) => recipient.name || (recipient.emails[0] ?? ''))) ||
            'others'}{' '}
          only. {withoutNotice}
        </p>
      );
    case 'none':
      return (
        <p data-testid="outbox-notice" data-notice="none">
          No Notice of Electronic Filing for this filing has come to this firm&apos;s inbox. {withoutNotice} Mail can
          also be late or caught as spam: check the firm&apos;s mailboxes on the Inbox screen.
        </p>
      );
  }
}
