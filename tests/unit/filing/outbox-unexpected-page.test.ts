import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { submitAppearanceIn1017 } from '../../support/appearance-draft';
import { logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { admin, DocketReader } from '../../support/training-court';

let harness: AccountsHarness;
let docket: DocketReader | undefined;
beforeEach(async () => {
  harness = await startAccountsHarness();
  await logInFiler(harness.handlers, 'twalsh');
});
afterEach(async () => {
  docket = undefined;
  await harness.stop();
});

/** The docket of case 1017 as the court's own report shows it: one row per entry. */
async function docketEntries(): Promise<number> {
  docket ??= new DocketReader(harness.court.url);
  return (await docket.texts(1017)).length;
}

describe('a court page the filing did not expect, before the final submit', () => {
  // Each request before the commit, as the training court names its endpoints, and the step filled in before it
  // (`start`: the events menu, asked for first).
  const steps = [
    ['filing-start', 'start'],
    ['filing-event', 'events'],
    ['filing-case', 'case'],
    ['filing-parties', 'filer'],
    ['filing-documents', 'documents'],
    ['filing-related', 'related'],
    ['filing-docket-text', 'docket-text'],
  ] as const;

  it.each(steps)('at %s: stops there, files nothing, and keeps the page without the case', async (endpoint, step) => {
    const before = await docketEntries();
    await admin(harness.court, 'POST', '/admin/faults', { endpoint, unexpectedPageNext: 1 });
    const draft = await submitAppearanceIn1017(harness.handlers, 'with the amended order');
    const stopped = await waitForOutboxState(harness.handlers, draft.id, ['needs-attention', 'submitted', 'failed']);
    expect(stopped.outbox, stopped.outbox?.message ?? '').toMatchObject({
      state: 'needs-attention',
      stoppedAt: { step, courtUrl: `${harness.court.url}/` },
    });
    expect(stopped.outbox?.message).toMatch(
      /does not recognise\. It stopped there, before the final submit: nothing was filed\./,
    );
    expect(await docketEntries()).toBe(before);
    const state = await admin(harness.court, 'GET', '/admin/state');
    expect(state['faults']).toMatchObject({ [endpoint]: { unexpectedPages: 1 } });

    // The page as kept: the court's notice, its form and button, and nothing of this filing.
    const page = (await harness.handlers['outbox.stoppedPage']({ draftId: draft.id })).html ?? '';
    expect(page).toContain('<h2 align="center">Notice to Filers</h2>');
    expect(page).toContain('name="button1" value="Next"');
    for (const caseData of ['Acme', 'United States', '00123', 'Thomas Walsh', 'with the amended order', 'NextGenCSO']) {
      expect(page, caseData).not.toContain(caseData);
    }
    const record = await harness.handlers['record.get']({ draftId: draft.id });
    expect(record.entries.map((entry) => entry.action)).toContain('outbox.stopped');

    // Tried again once the court is back to its usual pages: filed once.
    await harness.handlers['outbox.retry']({ draftId: draft.id });
    const sent = await waitForOutboxState(harness.handlers, draft.id, ['submitted', 'filed']);
    expect(sent.outbox?.stoppedAt).toBeNull();
    expect(await docketEntries()).toBe(before + 1);
  });

  it('may be withdrawn to a draft, to be finished by hand at the court', async () => {
    await admin(harness.court, 'POST', '/admin/faults', { endpoint: 'filing-parties', unexpectedPageNext: 1 });
    const draft = await submitAppearanceIn1017(harness.handlers, 'finished by hand');
    await waitForOutboxState(harness.handlers, draft.id, ['needs-attention']);
    const withdrawn = await harness.handlers['outbox.withdraw']({ draftId: draft.id });
    expect(withdrawn.draft.outbox).toBeNull();
  });
});

describe('a court page the filing did not expect, after the final submit', () => {
  it('is an unknown outcome: the docket decides, and the filing is never sent twice', async () => {
    const before = await docketEntries();
    // The court commits the entry, then answers with its notice instead of the receipt.
    await admin(harness.court, 'POST', '/admin/faults', {
      endpoint: 'filing-submit',
      unexpectedPageAfterCommitNext: 1,
    });
    const draft = await submitAppearanceIn1017(harness.handlers, 'answer lost in a notice');
    const sent = await waitForOutboxState(harness.handlers, draft.id, ['submitted', 'filed', 'failed']);
    expect(sent.outbox?.state).toMatch(/^(?:submitted|filed)$/);
    const record = await harness.handlers['record.get']({ draftId: draft.id });
    expect(record.entries.map((entry) => entry.action)).toContain('outbox.verified-on-docket');
    expect(await docketEntries()).toBe(before + 1);
  });
});
