import type { Handlers } from '../../src-main/core/api/handlers';
import type { DraftReview } from '../../src-main/shared/filing';

/**
 * Signs a draft with the logged-in filer's account and hands it to the outbox, as the attorney does on the review and
 * submit steps (FAQ 35: the signature is bound to that account).
 */
export async function signAndSubmit(
  handlers: Handlers,
  draftId: string,
  sendNow: boolean,
  signer = { name: 'Thomas Walsh', role: 'Attorney for the United States' },
): Promise<DraftReview> {
  await handlers['drafts.sign']({ id: draftId, ...signer });
  return handlers['outbox.submit']({ draftId, sendNow });
}
