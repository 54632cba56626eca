import type { FreeLookState, Mailbox } from '../../src-main/shared/inbox';

const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const shortCalendarDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A court date (YYYY-MM-DD) as the user writes dates; read as a calendar day, so no time zone moves it. */
export function formatCourtDate(date: string, isShort = false): string {
  const moment = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(moment)) {
    return date;
  }
  return (isShort ? shortCalendarDate : calendarDate).format(moment);
}

/** Cents as dollars: 30 → "$0.30". */
export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** The fee schedule in words, said beside every price (PACER: $0.10 a page, $3.00 at most per document). */
export const feeScheduleWords = '10¢ a page, $3.00 at most';

/** Why the free look is gone, in the words the reader uses. */
export const goneReasons: Partial<Record<FreeLookState, string>> = {
  used: 'used',
  expired: 'expired',
  sealed: 'sealed',
};

/** Whether a document can be bought: the free look is gone or never came, and main knows the price. */
export function isForSale(state: FreeLookState, feeCents: number | null): feeCents is number {
  return (
    feeCents !== null && (state === 'used' || state === 'expired' || state === 'sealed' || state === 'no-free-look')
  );
}

/** A mailbox's state in plain words. */
export function describeMailboxState(mailbox: Mailbox): string {
  switch (mailbox.state) {
    case 'idle':
      return 'Not watching';
    case 'syncing':
      return 'Reading new mail…';
    case 'watching':
      return 'Watching for new notices';
    case 'failed':
      return 'Could not connect';
  }
}

/** "docketing@example.com on imap.example.com" — how a paralegal names a mailbox. */
export function nameMailbox(mailbox: Pick<Mailbox, 'user' | 'host'>): string {
  return `${mailbox.user} on ${mailbox.host}`;
}
