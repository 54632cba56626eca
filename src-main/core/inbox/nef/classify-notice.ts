import type { NoticeText } from './notice-text';
import type { IgnoredReason } from './notice-types';

/** What kind of CM/ECF email a message is. */
export type NoticeClass =
  { readonly kind: 'nef' | 'nda' } | { readonly kind: 'ignored'; readonly reason: IgnoredReason };

/**
 * Sorts a CM/ECF email (docs/court-rules.md#other-court-emails). Claims notices, entry edits and announcements are
 * told apart by the wording the court uses for them, and are checked first because they also carry
 * the "Notice of Electronic Filing" title or a case table.
 */
export function classifyNotice(subject: string, body: NoticeText, hasCaseTable: boolean): NoticeClass {
  const has = (pattern: RegExp): boolean => body.lines.some((line) => pattern.test(line));
  if (has(/Notice of Electronic Claims Filing/i)) {
    return { kind: 'ignored', reason: 'claims-notice' };
  }
  if (
    has(/Modified Dkt text from|The following transaction was edited by/i) ||
    /Docket Entry #?\s*\d+ has been updated/i.test(subject)
  ) {
    return { kind: 'ignored', reason: 'modified-entry' };
  }
  if (has(/This is an announcement e-mail message/i)) {
    return { kind: 'ignored', reason: 'announcement' };
  }
  if (has(/Notice of Docket Activity/i)) {
    return { kind: 'nda' };
  }
  if (has(/Notice of Electronic Filing/i) || hasCaseTable) {
    return { kind: 'nef' };
  }
  return { kind: 'ignored', reason: 'not-a-notice' };
}
