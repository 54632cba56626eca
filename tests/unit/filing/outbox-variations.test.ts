import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourtVariation } from '../../../src-main/training-court/filing-transaction';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { submitAppearanceWithExhibits, submitSummonsAndComplaint } from '../../support/appearance-draft';
import { logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { admin, docketEntryCount } from '../../support/training-court';

// The same page map files at the usual training court and at each of its variations (docs/court-pages.md#court-variations):
// the driver reads each screen for what it is, in whatever order the court shows it.

let harness: AccountsHarness;
beforeAll(async () => {
  harness = await startAccountsHarness();
  await logInFiler(harness.handlers, 'twalsh');
});
afterAll(async () => {
  await harness.stop();
});

async function vary(variation: Partial<CourtVariation>): Promise<void> {
  await admin(harness.court, 'POST', '/admin/variation', variation);
}

const variations: [string, Partial<CourtVariation>][] = [
  ['the usual court', {}],
  ['the case asked before the event', { caseFirst: true }],
  ['attachments on a second screen', { attachmentsScreen: true }],
  ['the joint-filing question', { jointFilingQuestion: true }],
  ['a fee prompt', { feePrompt: true }],
  ['all of them at once', { caseFirst: true, attachmentsScreen: true, jointFilingQuestion: true, feePrompt: true }],
];

describe('filing at each variation of the training court', () => {
  it.each(variations)(
    '%s: an appearance with exhibits, and a new action with its complaint, each filed once',
    async (label, variation) => {
      await vary(variation);
      const before = await docketEntryCount(harness.court);
      const appearance = await submitAppearanceWithExhibits(harness.handlers, `appearance at ${label}`);
      const filed = await waitForOutboxState(harness.handlers, appearance.id, ['submitted', 'filed']);
      expect(filed.outbox?.docketText).toBe(
        `Form 11 Notice of Appearance appearance at ${label}. Filed by Thomas Walsh of U.S. Department of Justice on behalf of United States. (Attachments: # (1) Exhibit A, # (2) Exhibit B) (Walsh, Thomas)`,
      );
      const caption = `Variation ${Object.keys(variation).join(' ') || 'none'} Co. v. United States`;
      const action = await submitSummonsAndComplaint(harness.handlers, caption);
      const opened = await waitForOutboxState(harness.handlers, action.id, ['submitted', 'filed']);
      expect(opened.case?.caption).toBe(caption);
      // One entry for the appearance; the summons and the complaint in the new case.
      expect(await docketEntryCount(harness.court)).toBe(before + 3);
    },
  );
});

describe('a session that ends in the middle of a filing', () => {
  it.each(['documents', 'final-text'] as const)(
    'ending when the %s screen is posted: the filing waits for a login, then is filed once',
    async (screen) => {
      await vary({ sessionEndsAt: screen });
      const before = await docketEntryCount(harness.court);
      const draft = await submitAppearanceWithExhibits(harness.handlers, `session ends at ${screen}`);
      // Sent, then back in the outbox to wait: the court answered a screen with its login page.
      await vi.waitFor(
        async () => {
          const { outbox } = (await harness.handlers['drafts.get']({ id: draft.id })).draft;
          expect(outbox?.state).toBe('ready');
          expect(outbox?.message ?? '').toMatch(/log in/i);
        },
        { timeout: 20_000, interval: 50 },
      );
      expect(await docketEntryCount(harness.court)).toBe(before);
      await logInFiler(harness.handlers, 'twalsh');
      await harness.handlers['outbox.retry']({ draftId: draft.id });
      await waitForOutboxState(harness.handlers, draft.id, ['submitted', 'filed']);
      expect(await docketEntryCount(harness.court)).toBe(before + 1);
    },
  );
});
