import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseParty, Draft } from '../../../src-main/shared/filing';
import type { CourtVariation } from '../../../src-main/training-court/filing-transaction';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { addCheckedPdf, logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { signAndSubmit } from '../../support/sign-and-submit';
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

/** A notice of appearance in case 1017 with two exhibits, signed and handed to the outbox. */
async function appearanceWithExhibits(note: string): Promise<Draft> {
  const main = await addCheckedPdf(harness.handlers, `${note}.pdf`);
  const exhibitA = await addCheckedPdf(harness.handlers, `${note}-a.pdf`, 2);
  const exhibitB = await addCheckedPdf(harness.handlers, `${note}-b.pdf`);
  const parties = await harness.handlers['court.caseParties']({ caseId: 1017 });
  const draft = await harness.handlers['drafts.create']({});
  const changes = appearanceIn1017(main, { parties, docketAnnotation: note });
  await harness.handlers['drafts.update']({
    id: draft.id,
    changes: {
      ...changes,
      documents: [
        ...(changes.documents ?? []),
        { documentId: exhibitA, type: 'exhibit', description: 'Exhibit A' },
        { documentId: exhibitB, type: 'exhibit', description: 'Exhibit B' },
      ],
    },
  });
  return (await signAndSubmit(harness.handlers, draft.id, true)).draft;
}

/** A summons and its complaint (USCIT Rule 3(a)): a new case, and a filing fee (FAQ 21). */
async function summonsAndComplaint(caption: string): Promise<Draft> {
  const plaintiff: CaseParty = {
    id: 'new-1',
    name: caption.split(' v. ')[0] ?? '',
    role: 'Plaintiff',
    isServedElectronically: false,
  };
  const defendant: CaseParty = { id: 'new-2', name: 'United States', role: 'Defendant', isServedElectronically: false };
  const summons = await addCheckedPdf(harness.handlers, `${caption}-summons.pdf`);
  const complaint = await addCheckedPdf(harness.handlers, `${caption}-complaint.pdf`, 3);
  const draft = await harness.handlers['drafts.create']({});
  const review = await harness.handlers['drafts.update']({
    id: draft.id,
    changes: {
      newAction: { caption },
      parties: [plaintiff, defendant],
      filerPartyIds: ['new-1'],
      eventId: 'summons-and-complaint',
      documents: [
        { documentId: summons, type: 'main', description: '' },
        { documentId: complaint, type: 'complaint', description: 'Complaint' },
      ],
    },
  });
  expect(review.checks.filter((check) => check.level === 'block')).toEqual([]);
  return (await signAndSubmit(harness.handlers, draft.id, true)).draft;
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
      const appearance = await appearanceWithExhibits(`appearance at ${label}`);
      const filed = await waitForOutboxState(harness.handlers, appearance.id, ['submitted', 'filed']);
      expect(filed.outbox?.docketText).toBe(
        `Form 11 Notice of Appearance appearance at ${label}. Filed by Thomas Walsh of U.S. Department of Justice on behalf of United States. (Attachments: # (1) Exhibit A, # (2) Exhibit B) (Walsh, Thomas)`,
      );
      const caption = `Variation ${Object.keys(variation).join(' ') || 'none'} Co. v. United States`;
      const action = await summonsAndComplaint(caption);
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
      const draft = await appearanceWithExhibits(`session ends at ${screen}`);
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
