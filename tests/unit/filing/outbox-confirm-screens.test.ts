import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import citTrainingPages from '../../../src-main/core/court/profiles/cit-training.pages.json';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { submitAppearanceIn1017 } from '../../support/appearance-draft';
import { logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { admin, docketEntryCount } from '../../support/training-court';

// A page map not tested end to end (loaded from a file, set by policy, captured) files only once the signing attorney
// has checked each court screen it went through with it (docs/court-pages.md#confirming-screens). No stand-in confirms
// anything here: the test is the attorney.

let harness: AccountsHarness;
beforeEach(async () => {
  harness = await startAccountsHarness({ attorneyConfirmsDocketText: false });
  await logInFiler(harness.handlers, 'twalsh');
  const firmMap = { ...citTrainingPages, description: "The firm's own copy of the training court's map." };
  await harness.handlers['settings.update']({
    pageMap: { fileName: 'firm.pages.json', text: JSON.stringify(firmMap) },
  });
});
afterEach(async () => {
  await harness.stop();
});

/** Files an appearance, waits for it to stop at the final text, and returns it. */
async function stoppedAppearance(note: string) {
  const { id } = await submitAppearanceIn1017(harness.handlers, note);
  return waitForOutboxState(harness.handlers, id, ['needs-attention', 'submitted', 'failed']);
}

describe('the screens of a page map, checked on its first use', () => {
  it('are shown with the docket text, each with what was filled in; confirmed, they are not asked again with that map', async () => {
    const before = await docketEntryCount(harness.court);
    const first = await stoppedAppearance('first use of the firm map');
    expect(first.outbox?.state).toBe('needs-attention');
    expect(first.outbox?.message).toMatch(/This page map is new here: check each screen/);
    const screens = first.outbox?.courtScreens?.screens ?? [];
    expect(screens.map((screen) => screen.step)).toEqual([
      'categories',
      'events',
      'case',
      'filer',
      'documents',
      'related',
      'docket-text',
      'final-text',
    ]);
    expect(screens.every((screen) => screen.isNew)).toBe(true);
    expect(first.outbox?.courtScreens?.mapDigest).toMatch(/^[0-9a-f]{64}$/);
    // What was filled in, as a person reads it: the event by its name, the case, the filer, the document by file name.
    const filled = (step: string) => screens.find((screen) => screen.step === step)?.filled.map((each) => each.value);
    expect(filled('categories')).toEqual(['Notices']);
    expect(filled('events')).toEqual(['Form 11 Notice of Appearance']);
    expect(filled('case')).toEqual(expect.arrayContaining(['1:26-cv-00123-MMB', '1017']));
    expect(filled('filer')).toEqual([expect.stringContaining('United States')]);
    expect(filled('documents')).toEqual(['first use of the firm map.pdf']);
    expect(filled('docket-text')).toEqual(['first use of the firm map']);
    expect(await docketEntryCount(harness.court)).toBe(before);

    const docketText = first.outbox?.courtDocketText ?? '';
    await harness.handlers['outbox.confirmDocketText']({ draftId: first.id, docketText });
    const sent = await waitForOutboxState(harness.handlers, first.id, ['submitted', 'filed']);
    expect(sent.outbox?.courtScreens).toBeNull();
    expect(await docketEntryCount(harness.court)).toBe(before + 1);
    const record = await harness.handlers['record.get']({ draftId: first.id });
    expect(record.entries.find((entry) => entry.action === 'outbox.docket-text-confirmed')?.detail).toMatch(
      /and the court's screens the filing went through with this page map: categories, events, case, filer/,
    );

    // The next filing with the same map asks for its docket text only.
    const second = await stoppedAppearance('second use of the firm map');
    expect(second.outbox).toMatchObject({ state: 'needs-attention', courtScreens: null });
    expect(second.outbox?.courtDocketText).toMatch(/second use of the firm map/);
  });

  it('asks again for a screen the map has not met before, and for every screen when the map changes', async () => {
    const first = await stoppedAppearance('before the court asks more');
    await harness.handlers['outbox.confirmDocketText']({
      draftId: first.id,
      docketText: first.outbox?.courtDocketText ?? '',
    });
    await waitForOutboxState(harness.handlers, first.id, ['submitted', 'filed']);

    // The court now asks whether it is a joint filing: that screen alone is new.
    await admin(harness.court, 'POST', '/admin/variation', { jointFilingQuestion: true });
    const asked = await stoppedAppearance('with the joint-filing question');
    const newSteps = (asked.outbox?.courtScreens?.screens ?? []).filter((screen) => screen.isNew);
    expect(newSteps.map((screen) => screen.step)).toEqual(['joint-filing']);
    expect(newSteps[0]?.filled).toEqual([{ field: 'Is this a joint filing with other attorney(s)?', value: 'No' }]);

    // A changed map (one word of its description) is another map: every screen is asked about again.
    const changed = { ...citTrainingPages, description: 'Edited by firm IT.' };
    await harness.handlers['settings.update']({
      pageMap: { fileName: 'firm.pages.json', text: JSON.stringify(changed) },
    });
    await harness.handlers['outbox.retry']({ draftId: asked.id });
    const again = await waitForOutboxState(harness.handlers, asked.id, ['needs-attention', 'submitted', 'failed']);
    expect((again.outbox?.courtScreens?.screens ?? []).every((screen) => screen.isNew)).toBe(true);
  });
});
