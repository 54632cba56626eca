import type { RecordAction, RecordEntry } from '../../src-main/shared/filing-record';

/** Each action of a filing record in the words of the timeline. */
export const recordActionLabels: Readonly<Record<RecordAction, string>> = {
  'draft.created': 'Draft created',
  'draft.changed': 'Draft changed',
  'draft.signed': 'Signed',
  'signature.voided': 'Signature voided',
  'outbox.queued': 'Put in the outbox',
  'outbox.sending': 'Sending to the court',
  'outbox.submitted': 'Submitted',
  'outbox.refused': 'Refused by the court',
  'outbox.stopped': 'Stopped at an unknown court page',
  'outbox.awaiting-confirmation': 'Court’s docket text shown for confirmation',
  'outbox.docket-text-confirmed': 'Docket text confirmed',
  'outbox.failed': 'Failed',
  'outbox.verified-on-docket': 'Found on the docket',
  'outbox.withdrawn': 'Withdrawn from the outbox',
  'filing.filed': 'Filed',
  'court-copy.checked': 'Checked against the court’s copy',
  'draft.deleted': 'Draft deleted',
  'draft.imported': 'Draft imported',
};

/** Who acted: the computer's user, and the PACER login at the time. */
export function recordActor(entry: RecordEntry): string {
  if (!entry.account) {
    return entry.osUser;
  }
  const login = entry.account.name ? `${entry.account.name} (${entry.account.loginId})` : entry.account.loginId;
  return `${entry.osUser} as ${login}`;
}

/** A file name for an exported record: the case (or the draft) and the format, safe on every desktop. */
export function recordFileName(caseNumber: string | null, draftId: string, format: 'json' | 'pdf'): string {
  const about = caseNumber ?? `draft ${draftId.slice(0, 8)}`;
  const name = format === 'json' ? `Filing record ${about}.json` : `Filing record ${about} (report).pdf`;
  return name.replace(/[\\/:*?"<>|]/g, '-');
}
