import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { submitAppearanceIn1017 } from '../../support/appearance-draft';
import { logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { signAndSubmit } from '../../support/sign-and-submit';
import { admin, docketEntryCount } from '../../support/training-court';

// The signing attorney confirms the final docket text the court's final-text page shows before the commit
// (docs/court-pages.md#confirming-the-docket-text). No stand-in confirms it here: the test is the attorney.

let harness: AccountsHarness;
beforeEach(async () => {
  harness = await startAccountsHarness({ attorneyConfirmsDocketText: false });
  await logInFiler(harness.handlers, 'twalsh');
});
afterEach(async () => {
  await harness.stop();
});

const courtText =
  'Form 11 Notice of Appearance for the Government. Filed by Thomas Walsh of U.S. Department of Justice on behalf of United States. (Walsh, Thomas)';

describe("confirming the court's docket text before the commit", () => {
  it('stops at the final text with the court’s own words, files nothing, and files once when the attorney confirms them', async () => {
    const before = await docketEntryCount(harness.court);
    const { id } = await submitAppearanceIn1017(harness.handlers, 'for the Government');
    const waiting = await waitForOutboxState(harness.handlers, id, ['needs-attention']);
    expect(waiting.outbox).toMatchObject({
      state: 'needs-attention',
      courtDocketText: courtText,
      confirmedDocketText: null,
      stoppedAt: { step: 'final-text' },
    });
    expect(waiting.outbox?.message).toMatch(/Read it and confirm it to file; nothing was filed yet/);
    // The training court's map as shipped is tested end to end: no screen is asked about.
    expect(waiting.outbox?.courtScreens).toBeNull();
    expect(await docketEntryCount(harness.court)).toBe(before);

    // A text other than the one the court showed (a screen out of date) confirms nothing.
    await expect(
      harness.handlers['outbox.confirmDocketText']({ draftId: id, docketText: `${courtText} Amended.` }),
    ).rejects.toMatchObject({ code: 'filing.docket-text-changed' });
    expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toBe('needs-attention');

    await harness.handlers['outbox.confirmDocketText']({ draftId: id, docketText: courtText });
    const sent = await waitForOutboxState(harness.handlers, id, ['submitted', 'filed']);
    expect(sent.outbox).toMatchObject({ docketText: courtText, confirmedDocketText: courtText, courtDocketText: null });
    expect(await docketEntryCount(harness.court)).toBe(before + 1);
    const record = await harness.handlers['record.get']({ draftId: id });
    const confirmed = record.entries.find((entry) => entry.action === 'outbox.docket-text-confirmed');
    expect(confirmed?.courtAnswer).toBe(courtText);
    expect(confirmed?.account?.loginId).toBe('twalsh');
  });

  it('asks again after the filing is withdrawn and handed over anew: a confirmation belongs to one hand-over', async () => {
    const { id } = await submitAppearanceIn1017(harness.handlers, 'for the Government');
    await waitForOutboxState(harness.handlers, id, ['needs-attention']);
    // The court goes down as the attorney confirms: the filing waits in the outbox, confirmed, and is withdrawn there.
    await admin(harness.court, 'POST', '/admin/faults', { endpoint: 'filing-start', failStatus: 503, failRate: 1 });
    await harness.handlers['outbox.confirmDocketText']({ draftId: id, docketText: courtText });
    const confirmed = await waitForOutboxState(harness.handlers, id, ['ready']);
    expect(confirmed.outbox?.confirmedDocketText).toBe(courtText);
    await harness.handlers['outbox.withdraw']({ draftId: id });
    await admin(harness.court, 'DELETE', '/admin/faults');
    await signAndSubmit(harness.handlers, id, true);
    const again = await waitForOutboxState(harness.handlers, id, ['needs-attention', 'submitted', 'filed']);
    expect(again.outbox).toMatchObject({
      state: 'needs-attention',
      courtDocketText: courtText,
      confirmedDocketText: null,
    });
  });
});
