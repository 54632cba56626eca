import type { Draft } from '../../shared/filing';
import type { NewActionForm } from '../court/filing-driver';

/**
 * What the outbox sends for a draft that opens a new action (USCIT Rule 3(a)): the caption and the parties entered
 * for the new case, in place of a case the court already has.
 */
export function newActionRequest(draft: Draft): NewActionForm | null {
  if (!draft.newAction) {
    return null;
  }
  return {
    caption: draft.newAction.caption.trim(),
    parties: draft.parties.map((party) => ({ id: party.id, name: party.name, role: party.role })),
  };
}

/**
 * Why a new action whose final submit went unanswered waits for a person: the outbox settles an unknown outcome from
 * the case's docket, and a new action has no case number to ask for until the court says which case it opened. Sending
 * it again could open the same action twice.
 */
export function newActionUnknownMessage(cause: string | null): string {
  const lost =
    cause === null
      ? "The court's answer to the final submit was lost"
      : `The court's answer to the final submit was lost (${cause})`;
  return `${lost}, so it is not known whether the court opened the new action. A new action has no case number yet, so ECF Desk cannot check a docket, and it will not send the summons again. Ask the Clerk's Office (CM/ECF Help Desk, 1-866-450-1859, 8:30 a.m. to 5:00 p.m. Eastern) whether the case was opened and under which number; its Notice of Electronic Filing, if one arrives, names the case too.`;
}
