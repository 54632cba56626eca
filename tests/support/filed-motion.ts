import { vi } from 'vitest';
import type { Draft } from '../../src-main/shared/filing';
import type { AccountsHarness } from './accounts-harness';
import { addCheckedPdf } from './filing-steps';
import { signAndSubmit } from './sign-and-submit';
import { seededPassword } from './training-court';

/**
 * Logs in as the training court's filer (with the attorney's name) and sends a Motion to Stay with its proposed order
 * in case 1017; answers the draft's id. Its NEF and free look follow as the court sends them.
 */
export async function fileMotionWithOrder(harness: AccountsHarness): Promise<string> {
  const account = await harness.handlers['accounts.save']({
    loginId: 'twalsh',
    name: 'Thomas Walsh',
    kind: 'filer',
    defaultClientCode: null,
    mfaMode: 'none',
    password: seededPassword('twalsh'),
  });
  await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
  const [motion, order] = [
    await addCheckedPdf(harness.handlers, 'motion.pdf', 2),
    await addCheckedPdf(harness.handlers, 'order.pdf', 1),
  ];
  const draft = await harness.handlers['drafts.create']({});
  await harness.handlers['drafts.update']({
    id: draft.id,
    changes: {
      case: { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
      parties: await harness.handlers['court.caseParties']({ caseId: 1017 }),
      filerPartyIds: ['us-1017'],
      eventId: 'motion-to-stay',
      documents: [
        { documentId: motion, type: 'main', description: '' },
        { documentId: order, type: 'proposed-order', description: 'Proposed Order' },
      ],
    },
  });
  await signAndSubmit(harness.handlers, draft.id, true);
  return draft.id;
}

/** Waits until the draft is as `until` wants it (its state, its court copies). */
export async function waitForDraft(
  harness: AccountsHarness,
  id: string,
  until: (draft: Draft) => boolean,
): Promise<Draft> {
  let found: Draft | undefined;
  await vi.waitFor(
    async () => {
      found = (await harness.handlers['drafts.get']({ id })).draft;
      if (!until(found)) {
        throw new Error(`state ${found.outbox?.state}, ${found.outbox?.courtCopies.length ?? 0} court copies`);
      }
    },
    { timeout: 30_000, interval: 50 },
  );
  return found as Draft;
}
