import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { easternDateOf } from '../../../src-main/shared/deadline-clock';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { addCheckedPdf, logInFiler } from '../../support/filing-steps';
import { signAndSubmit } from '../../support/sign-and-submit';

/** FAQ 27: a filing's date is the Eastern date CM/ECF receives it; the outbox never files late without asking. */

let harness: AccountsHarness;
beforeEach(async () => {
  harness = await startAccountsHarness();
});
afterEach(async () => {
  await harness.stop();
});

async function appearanceDue(date: string): Promise<string> {
  const draft = await harness.handlers['drafts.create']({});
  const main = await addCheckedPdf(harness.handlers, `due-${date}.pdf`);
  const review = await harness.handlers['drafts.update']({
    id: draft.id,
    changes: { ...appearanceIn1017(main, { docketAnnotation: `due ${date}` }), due: { date, reason: 'typed' } },
  });
  expect(review.canSubmit).toBe(true);
  return draft.id;
}

describe('a queued filing past its due date', () => {
  it('is held with the reason, and goes only when the user says to send it anyway', async () => {
    await logInFiler(harness.handlers, 'twalsh');
    const id = await appearanceDue('2020-01-02');
    await signAndSubmit(harness.handlers, id, true);
    await vi.waitFor(
      async () => expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.isHeldAsLate).toBe(true),
      { timeout: 20_000 },
    );
    const held = (await harness.handlers['drafts.get']({ id })).draft.outbox;
    expect(held).toMatchObject({ state: 'ready', attempts: 0, submittedAt: null });
    expect(held?.message).toContain(`It was due 2020-01-02; sent now it would be filed ${easternDateOf(new Date())}`);

    const confirmed = await harness.handlers['outbox.sendLate']({ draftId: id });
    expect(confirmed.draft.outbox).toMatchObject({
      isHeldAsLate: false,
      lateSendConfirmedOn: easternDateOf(new Date()),
    });
    await vi.waitFor(
      async () => expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toMatch(/submitted|filed/),
      { timeout: 20_000 },
    );
  });

  it("only the signer decides to file late: another filer's session is not asked and may not send it anyway", async () => {
    await logInFiler(harness.handlers, 'twalsh');
    const id = await appearanceDue('2020-01-03');
    await signAndSubmit(harness.handlers, id, true);
    await vi.waitFor(
      async () => expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.isHeldAsLate).toBe(true),
      { timeout: 20_000 },
    );
    await harness.handlers['session.logout']({});
    await logInFiler(harness.handlers, 'dchen');
    await vi.waitFor(
      async () =>
        expect((await harness.handlers['drafts.get']({ id })).draft.outbox).toMatchObject({
          isHeldAsLate: false,
          message: expect.stringMatching(/^Signed by Thomas Walsh; log in as twalsh/) as unknown,
        }),
      { timeout: 20_000 },
    );
    await expect(harness.handlers['outbox.sendLate']({ draftId: id })).rejects.toMatchObject({
      code: 'signature.other-account',
    });
    expect((await harness.handlers['drafts.get']({ id })).draft.outbox).toMatchObject({
      state: 'ready',
      attempts: 0,
      lateSendConfirmedOn: null,
    });
  });

  it('a filing due today goes at once', async () => {
    await logInFiler(harness.handlers, 'twalsh');
    const id = await appearanceDue(easternDateOf(new Date(Date.now() + 60 * 60 * 1000)));
    await signAndSubmit(harness.handlers, id, true);
    await vi.waitFor(
      async () => expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toMatch(/submitted|filed/),
      { timeout: 20_000 },
    );
    expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.isHeldAsLate).toBe(false);
  });
});
