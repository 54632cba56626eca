import { findDocketEvent } from '../../src-main/shared/cit-event-catalog';
import type { Draft, OutboxState } from '../../src-main/shared/filing';

/** Where a draft stands, from the list's point of view: still being prepared, or its outbox state. */
export type DraftStanding = 'draft' | 'review' | OutboxState;

/** The status chip's words for each standing (FAQ 28: only a filing whose NEF arrived is filed). */
export const standingLabels: Readonly<Record<DraftStanding, string>> = {
  draft: 'Draft',
  review: 'Ready for review',
  ready: 'Ready to send',
  submitting: 'Sending…',
  submitted: 'Awaiting NEF',
  filed: 'Filed',
  failed: 'Failed',
  'needs-verification': 'Check docket',
  'needs-attention': 'Needs attention',
};

/** Where a draft stands: its outbox state once it is handed over, else whether the paralegal marked it for review. */
export function standingOf(draft: Draft): DraftStanding {
  if (draft.outbox) {
    return draft.outbox.state;
  }
  return draft.isReadyForReview ? 'review' : 'draft';
}

/** The event's name as the docket menu shows it, or a prompt while none is chosen. */
export function eventNameOf(draft: Draft): string {
  if (draft.eventId === null) {
    return 'No event chosen yet';
  }
  return findDocketEvent(draft.eventId)?.name ?? draft.eventId;
}

/** The case number, a new action's caption until the court gives it a number (USCIT Rule 3(a)), or a prompt. */
export function caseNumberOf(draft: Draft): string {
  if (draft.case) {
    return draft.case.caseNumber;
  }
  if (draft.newAction) {
    return `New action: ${draft.newAction.caption.trim() || 'caption not entered yet'}`;
  }
  return 'No case chosen yet';
}

/**
 * A failed try, one that stopped before the final submit, or one whose outcome is unknown may be tried again (an unknown
 * one is first checked against the docket).
 */
export function canRetry(draft: Draft): boolean {
  const state = draft.outbox?.state;
  // Waiting for the attorney to confirm the court's docket text, a retry would only walk to the same text again.
  const awaitsConfirmation = state === 'needs-attention' && (draft.outbox?.courtDocketText ?? null) !== null;
  return state === 'failed' || state === 'needs-verification' || (state === 'needs-attention' && !awaitsConfirmation);
}

/** Only an item that waits, or that surely did not reach the docket, can go back to being a draft; one that may have cannot. */
export function canWithdraw(draft: Draft): boolean {
  const state = draft.outbox?.state;
  return state === 'ready' || state === 'failed' || state === 'needs-attention';
}

/** A draft can be deleted unless it sits in the outbox or may already be on the docket. */
export function canDelete(draft: Draft): boolean {
  return draft.outbox === null || draft.outbox.state === 'filed';
}

/** The name a draft's package file is saved under: "<case> <event>.ecfdraft", without characters file systems refuse. */
export function exportFileName(draft: Draft): string {
  const caseNumber = draft.case?.caseNumber ?? (draft.newAction ? 'New action' : 'No case');
  const event = draft.eventId === null ? 'No event' : eventNameOf(draft);
  const name = `${caseNumber} ${event}`
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return `${name}.ecfdraft`;
}
