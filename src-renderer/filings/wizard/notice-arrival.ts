import type { InboxItem } from '../../../src-main/shared/inbox';
import { isSamePerson } from '../../../src-main/shared/person-name';

/** Who this firm is, as the court's notices address it: its attorneys' names and its mailboxes' addresses. */
export interface FirmAddressees {
  readonly names: readonly string[];
  readonly emails: readonly string[];
}

/**
 * Whether the court's notice of a filed entry reached this firm (FAQ 28, 36): a notice in the inbox addressed to one
 * of its attorneys or mailboxes; one in the inbox addressed only to others (the training court's every address is
 * read, so a notice mailed only to the other side still arrives there); or none.
 */
export type NoticeArrival =
  | { readonly kind: 'arrived'; readonly notice: InboxItem; readonly addressee: string }
  | { readonly kind: 'others-only'; readonly notice: InboxItem }
  | { readonly kind: 'none' };

/** The first recipient of a notice who is this firm, by name or by address. */
function firmRecipientOf(notice: InboxItem, firm: FirmAddressees): string | null {
  const emails = new Set(firm.emails.map((email) => email.trim().toLowerCase()));
  const recipient = notice.recipients.find(
    (each) =>
      firm.names.some((name) => isSamePerson(name, each.name)) ||
      each.emails.some((email) => emails.has(email.trim().toLowerCase())),
  );
  return recipient ? recipient.name || (recipient.emails[0] ?? '') : null;
}

/** What the inbox shows of a filed entry's notice, for this firm. */
export function noticeArrivalOf(notice: InboxItem | null, firm: FirmAddressees): NoticeArrival {
  if (notice === null) {
    return { kind: 'none' };
  }
  const addressee = firmRecipientOf(notice, firm);
  return addressee === null ? { kind: 'others-only', notice } : { kind: 'arrived', notice, addressee };
}
