import type { LoginHelpTopic } from '../../src-main/shared/accounts';
import type { ErrorCode } from '../../src-main/shared/errors';
import type { OutboxStatus } from '../../src-main/shared/filing';
import type { FindingCode } from '../../src-main/shared/preflight';

/**
 * Which Help topic explains an error that came from the court or from the court's rules, so every such error on
 * screen can offer "Help: <topic>". Each answer is the id of a topic in `filingHelp` (src-main/shared/court-help.ts).
 */

/** The court's refusals of a file, word for word as the FAQ quotes them (FAQ 47–51), each with its topic. */
const courtWords: readonly { readonly words: RegExp; readonly topic: string }[] = [
  { words: /over 50 Megabytes/i, topic: 'file-over-50-mb' }, // FAQ 48
  { words: /malformed or contains code which may cause an external action/i, topic: 'malformed-or-external-action' }, // FAQ 49
  { words: /not a well-formed PDF/i, topic: 'not-a-well-formed-pdf' }, // FAQ 50
  { words: /security measures in effect/i, topic: 'security-measures-in-effect' }, // FAQ 51
  { words: /Security violation: You do not have access rights/i, topic: 'query-security-violation' }, // FAQ 52
  { words: /Internal Server Error|\bHTTP 5\d\d\b/i, topic: 'internal-server-error' }, // FAQ 47
];

/** The topic for the court's own words when they are one of the messages the FAQ explains, else null. */
export function helpTopicForCourtWords(text: string): string | null {
  return courtWords.find(({ words }) => words.test(text))?.topic ?? null;
}

/**
 * The topic of each error code whose meaning involves the court, PACER or a FAQ item. Codes about ECF Desk's own
 * workings have none; `helpTopicForError` also reads the court's words inside a message.
 */
export const errorHelpTopics: Partial<Readonly<Record<ErrorCode, string>>> = {
  'account.view-only': 'pacer-account-for-filing', // FAQ 12
  'court.unreachable': 'computer-fails-near-deadline', // FAQ 31
  'court.refused': 'cmecf-help-desk', // FAQ 06; its words may name a more precise topic
  'session.none': 'logging-in', // FAQ 15–17
  'filing.at-court': 'correcting-a-filing', // FAQ 32
  'purchase.price-changed': 'free-looks-and-fees', // FAQ 20, 23
  'link.unsafe': 'free-looks-and-fees', // FAQ 23: the free look comes only from the court's own link
  'fix.needs-password': 'security-measures-in-effect', // FAQ 51
  'signature.no-name': 'signing-a-filing', // FAQ 35
  'signature.missing': 'signing-a-filing', // FAQ 35
  'signature.other-account': 'signing-a-filing', // FAQ 35
  'filing.docket-text-changed': 'signing-a-filing', // FAQ 35: the attorney confirms what the court enters
  'certificate.no-signer': 'notices-and-service', // FAQ 38
  'certificate.no-parties': 'notices-and-service', // FAQ 37–38
  'certificate.no-address': 'notices-and-service', // FAQ 38
};

/**
 * Codes whose meaning names the court but which are about ECF Desk's own account list or court setting, not anything
 * the court said, so no FAQ topic explains them: an account listed twice, the court profile in use, the training
 * court starting, filing not offered for that court, the court page map chosen in Settings or by policy (its message
 * says what to do; docs/court-pages.md#loading-a-page-map).
 */
export const errorCodesWithoutCourtTopic: readonly ErrorCode[] = [
  'account.duplicate',
  'account.other-court',
  'court.not-ready',
  'court.no-filing',
  'court.page-map-invalid',
  'court.page-map-unreadable',
];

/** The topic for a failed call: the court's own words first (FAQ 47–52), then the code's topic, else null. */
export function helpTopicForError(code: ErrorCode, message: string): string | null {
  const byWords = code === 'court.refused' || code === 'court.unreachable' ? helpTopicForCourtWords(message) : null;
  return byWords ?? errorHelpTopics[code] ?? null;
}

/** The topic of each preflight finding: every finding that blocks says why the court would refuse the file. */
export const findingHelpTopics: Readonly<Record<FindingCode, string | null>> = {
  'not-pdf': 'not-a-well-formed-pdf', // FAQ 29, 50
  malformed: 'malformed-or-external-action', // FAQ 49
  'too-large': 'file-over-50-mb', // FAQ 48
  encrypted: 'security-measures-in-effect', // FAQ 51
  'active-content': 'malformed-or-external-action', // FAQ 49
  'embedded-files': 'malformed-or-external-action', // NextGen 1.8, explained beside FAQ 49
  multimedia: 'malformed-or-external-action', // NextGen 1.8, explained beside FAQ 49
  forms: 'malformed-or-external-action', // NextGen 1.8, explained beside FAQ 49
  'bad-redaction': 'redaction-and-metadata', // FAQ 45
  'hidden-text': 'redaction-and-metadata', // FAQ 45
  'unapplied-redaction': 'redaction-and-metadata', // FAQ 45
  'earlier-revisions': 'redaction-and-metadata', // FAQ 45
  metadata: 'redaction-and-metadata', // FAQ 45
  'hidden-layers': 'redaction-and-metadata', // FAQ 45
  annotations: 'redaction-and-metadata', // FAQ 45
  'image-only-pages': 'scanned-documents', // FAQ 44
  'low-resolution': 'scanned-documents', // FAQ 44
  // Not the court's rules (docs/court-rules.md#pdf-rules): reported for the record only.
  links: null,
  'fonts-not-embedded': null,
  'page-size': null,
};

/** The topic for a preflight finding, or null for a finding that is not about the court's rules. */
export function helpTopicForFinding(code: FindingCode): string | null {
  return findingHelpTopics[code];
}

/** The Help screen topic behind each login trouble (its contact is the one the refusal shows). */
export const loginHelpScreenTopics: Readonly<Record<LoginHelpTopic, string>> = {
  'login-not-working': 'logging-in', // FAQ 15–17
  'account-not-upgraded': 'pacer-account-for-filing', // FAQ 07, 12
  locked: 'logging-in', // FAQ 15, 17
  'court-unreachable': 'computer-fails-near-deadline', // FAQ 31, 47
};

/** The topic for a refused login. */
export function helpTopicForLogin(topic: LoginHelpTopic): string {
  return loginHelpScreenTopics[topic];
}

/** The topic of each review check that cites a FAQ item (src-main/shared/filing-rules.ts), by check id. */
const ruleCheckHelpTopics: Readonly<Record<string, string>> = {
  'draft.event-missing': 'filing-after-hours', // FAQ 30
  'draft.event-unknown': 'filing-after-hours', // FAQ 30
  'document.not-pdf': 'not-a-well-formed-pdf', // FAQ 29
  'service.certificate-missing': 'notices-and-service', // FAQ 37–38
  'service.other-means': 'notices-and-service', // FAQ 37–38
  'after-hours.z-event-during-hours': 'filing-after-hours', // FAQ 30
  'after-hours.z-event-preserves-date': 'filing-after-hours', // FAQ 30
  'manual-filing.deliver-item': 'documents-not-filed-electronically', // FAQ 33
  'package.earlier-step-not-submitted': 'intervention-package', // FAQ 41
  'package.event-out-of-order': 'intervention-package', // FAQ 41
};

/** The topic for a check of the filing's review, or null when no FAQ topic explains it. */
export function helpTopicForRuleCheck(id: string): string | null {
  return ruleCheckHelpTopics[id] ?? null;
}

/**
 * The topic for what the outbox says about a filing: the court's own words first (FAQ 47–51), then by what
 * happened. A filing waits for its package (FAQ 41), for a login, or for the court; a failed one is the Help Desk's.
 */
export function helpTopicForOutbox(
  outbox: Pick<OutboxStatus, 'state' | 'message'> & Partial<Pick<OutboxStatus, 'isHeldAsLate' | 'courtDocketText'>>,
): string | null {
  const message = outbox.message ?? '';
  const byWords = helpTopicForCourtWords(message);
  if (byWords !== null) {
    return byWords;
  }
  if (/^Signed by |^Not signed|not what the attorney signed/.test(message)) {
    return 'signing-a-filing'; // FAQ 35: only the signer's own login sends it
  }
  if (outbox.state === 'needs-attention' && (outbox.courtDocketText ?? null) !== null) {
    return 'signing-a-filing'; // FAQ 35: the attorney confirms the court's docket text
  }
  switch (outbox.state) {
    case 'failed':
    case 'needs-attention':
      return 'cmecf-help-desk'; // FAQ 06
    case 'needs-verification':
    case 'submitted':
      return 'when-a-filing-is-due'; // FAQ 28: filed only once the notice arrives
    case 'ready':
    case 'submitting':
      if ('isHeldAsLate' in outbox && outbox.isHeldAsLate === true) {
        return 'when-a-filing-is-due'; // FAQ 27
      }
      if (/package/i.test(message)) {
        return 'intervention-package'; // FAQ 41
      }
      if (/log in/i.test(message)) {
        return 'logging-in';
      }
      if (/not reachable|cut off|could not reach|FAQ 31/i.test(message)) {
        return 'computer-fails-near-deadline'; // FAQ 31
      }
      return null;
    case 'filed':
      return null;
  }
}
