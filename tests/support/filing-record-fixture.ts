import path from 'node:path';
import { startAccountsHarness } from './accounts-harness';
import { fileMotionWithOrder, waitForDraft } from './filed-motion';
import { projectRoot } from './paths';

/** The exported filing record the repository ships: a real filing at the training court, from draft to court copy. */
export const filingRecordFixture = path.join(
  projectRoot,
  'tests',
  'fixtures',
  'filing-record',
  'training-court-motion.json',
);

/**
 * Files a Motion to Stay with its proposed order at a fresh training court, waits for its NEF and for both court copies
 * to be checked (FAQ 46), and answers the filing's record exactly as "Export record (JSON)" saves it. The record names
 * a neutral computer user, so the fixture carries nobody's real account name.
 */
export async function makeFilingRecordFixture(): Promise<string> {
  const harness = await startAccountsHarness({ osUser: 'paralegal' });
  try {
    const draftId = await fileMotionWithOrder(harness);
    await waitForDraft(harness, draftId, (draft) => (draft.outbox?.courtCopies.length ?? 0) === 2);
    return new TextDecoder().decode(await harness.handlers['record.export']({ draftId, format: 'json' }));
  } finally {
    await harness.stop();
  }
}
