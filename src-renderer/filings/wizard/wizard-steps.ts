import type { DraftReview, RuleCheck } from '../../../src-main/shared/filing';

/** The wizard's steps, in the order CM/ECF asks for a filing's parts. */
export const wizardSteps = [
  { number: 1, title: 'Case' },
  { number: 2, title: 'Event' },
  { number: 3, title: 'Filer and parties' },
  { number: 4, title: 'Documents' },
  { number: 5, title: 'Related and docket text' },
  { number: 6, title: 'Review and sign' },
  { number: 7, title: 'Sign and file' },
] as const;

/** A step's number, 1 to 7. */
export type StepNumber = (typeof wizardSteps)[number]['number'];

/** The step where a check is fixed, by the start of its id (filing-rules.ts names checks "<area>.<what>"). */
const stepsByCheck: readonly (readonly [prefix: string, step: StepNumber])[] = [
  ['draft.case', 1],
  ['draft.event', 2],
  ['after-hours.', 2],
  ['manual-filing.', 2],
  ['fee.', 2],
  ['package.event', 2],
  ['draft.filer', 3],
  // The certificate of service is made or attached on the Documents step, where the parties served by mail are listed.
  ['service.certificate-missing', 4],
  ['service.', 3],
  ['draft.main-document', 4],
  ['document.', 4],
  ['attachment.', 4],
  ['motion.', 4],
  ['confidential.', 4],
  ['event.attachments', 4],
  ['event.complaint', 4],
  ['event.related', 5],
  ['stipulation.', 6],
  ['package.', 7],
];

/** The step to go to for a check; a check of no known area belongs to the review. */
export function stepOfCheck(check: RuleCheck): StepNumber {
  return stepsByCheck.find(([prefix]) => check.id.startsWith(prefix))?.[1] ?? 6;
}

/** What the step list shows beside a step: a problem that blocks, something worth a look, done, or nothing yet. */
export type StepMark = 'problem' | 'warning' | 'done' | 'none';

/** Whether a step has what it asks for, before the court's rules say more. */
function isStepFilled(step: StepNumber, review: DraftReview): boolean {
  const { draft } = review;
  switch (step) {
    case 1:
      // A new action has no case until the court opens it: its caption fills the step (USCIT Rule 3).
      return draft.case !== null || (draft.newAction !== null && draft.newAction.caption.trim() !== '');
    case 2:
      return draft.eventId !== null;
    case 3:
      return draft.filerPartyIds.length > 0;
    case 4:
      return draft.documents[0]?.type === 'main';
    case 5:
      return review.docketTextPreview !== null;
    case 6:
      return review.canSubmit;
    case 7:
      return draft.outbox?.state === 'filed';
  }
}

/**
 * The mark of a step from the draft's checks: its worst check, else a check when it is filled and the paralegal has
 * been there. A step filled by what other steps chose (the docket text once the event and parties are known, the
 * review once nothing blocks) is not done until someone has looked at it; a problem shows wherever it is, seen or not.
 */
export function markOfStep(step: StepNumber, review: DraftReview, isVisited: boolean): StepMark {
  const checks = review.checks.filter((check) => stepOfCheck(check) === step);
  if (checks.some((check) => check.level === 'block')) {
    return 'problem';
  }
  if (step === 7 && ['failed', 'needs-verification', 'needs-attention'].includes(review.draft.outbox?.state ?? '')) {
    return 'problem';
  }
  if (checks.some((check) => check.level === 'warn')) {
    return 'warning';
  }
  return isVisited && isStepFilled(step, review) ? 'done' : 'none';
}
