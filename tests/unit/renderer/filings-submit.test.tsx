// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxState } from '../../../src-main/shared/filing';
import {
  acmeCase,
  blankDraft,
  createFakeBridge,
  draftReview,
  loggedInSession,
  outboxStatus,
  pacerAccount,
  bridgeError,
  inboxItem,
  ruleCheck,
  type FakeBridge,
} from './fake-bridge';
import { openWizard, goToStep } from './wizard-support';

afterEach(cleanup);

const filer = pacerAccount({ id: 'a1', loginId: 'jmorgan' });

/** A bridge with the filing attorney logged in, and a draft ready in every other way. */
function bridgeWithFiler(): FakeBridge {
  const bridge = createFakeBridge();
  bridge.answer('session.status', () => loggedInSession(filer));
  return bridge;
}

function stepMark(step: number): string | undefined {
  return screen.getAllByTestId('wizard-step').find((each) => each.dataset.step === String(step))?.dataset.mark;
}

const draft = blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint' });

describe('reviewing, signing and submitting a filing', () => {
  it('shows a blocking check under "Blocks filing", marks its step, and File now stays disabled even when signed', async () => {
    const bridge = bridgeWithFiler();
    bridge.reviewDraft = (each) =>
      draftReview(each, {
        canSubmit: false,
        checks: [
          ruleCheck({
            id: 'motion.proposed-order-missing',
            level: 'block',
            message: 'A motion must be accompanied by a proposed order.',
            fix: 'Attach the proposed order.',
            source: 'USCIT Rule 7(b)(1)(E)',
          }),
          ruleCheck({ id: 'service.no-extra-days', level: 'info', message: 'No extra days for electronic service.' }),
        ],
      });
    await openWizard(bridge, draft);
    goToStep(6);

    const [block, info] = screen.getAllByTestId('rule-check');
    expect(block?.dataset.level).toBe('block');
    expect(block?.textContent).toContain('What to do: Attach the proposed order.');
    expect(block?.textContent).toContain('USCIT Rule 7(b)(1)(E)');
    expect(info?.dataset.level).toBe('info');
    expect(screen.getByRole('region', { name: 'Blocks filing' })).toBeTruthy();
    expect(stepMark(4)).toBe('problem');

    await waitFor(() => expect(screen.getByTestId('filing-session').textContent).toContain('jmorgan'));
    fireEvent.click(screen.getByTestId('sign-checkbox'));
    goToStep(7);

    expect((screen.getByTestId('file-now') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('submit-waiting').textContent).toContain('The court’s rules still block this filing');
  });

  it('without a filer session, the signature cannot be given and the way to Accounts is offered', async () => {
    const bridge = createFakeBridge();
    bridge.reviewDraft = (each) => draftReview(each, { canSubmit: true });
    await openWizard(bridge, draft);
    goToStep(6);

    await waitFor(() => expect(screen.getByTestId('filing-session').textContent).toContain('Not logged in'));
    expect((screen.getByTestId('sign-checkbox') as HTMLInputElement).disabled).toBe(true);
    goToStep(7);
    expect((screen.getByTestId('file-now') as HTMLButtonElement).disabled).toBe(true);
  });

  it('with the rules satisfied and the draft signed in main, File now hands it to the outbox', async () => {
    const bridge = bridgeWithFiler();
    bridge.reviewDraft = (each) => draftReview(each, { canSubmit: true });
    await openWizard(bridge, draft);
    goToStep(6);
    expect(await screen.findByTestId('rule-checks-none')).toBeTruthy();
    await waitFor(() => expect((screen.getByTestId('sign-checkbox') as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(screen.getByTestId('signature-name'), { target: { value: 'Jane Morgan' } });
    fireEvent.click(screen.getByTestId('sign-checkbox'));
    expect((await screen.findByTestId('signature-status')).textContent).toContain('Signed by Jane Morgan (jmorgan)');
    expect(bridge.calls.find((call) => call.channel === 'drafts.sign')?.args).toEqual({
      id: 'd1',
      name: 'Jane Morgan',
      role: '',
    });
    goToStep(7);

    fireEvent.click(screen.getByTestId('file-now'));

    await waitFor(() =>
      expect(bridge.calls.find((call) => call.channel === 'outbox.submit')?.args).toEqual({
        draftId: 'd1',
        sendNow: true,
      }),
    );
    const status = await screen.findByTestId('outbox-status');
    expect(status.dataset.state).toBe('submitting');
    expect(within(status).getByRole('progressbar')).toBeTruthy();

    // The NEF arrives: main marks the draft filed and says so.
    bridge.drafts.set('d1', {
      ...draft,
      outbox: outboxStatus({
        state: 'filed',
        documentNumber: 7,
        docketText: 'COMPLAINT against all defendants.',
        filedAt: '2025-03-04T16:05:00.000Z',
      }),
    });
    act(() => bridge.emit('drafts.changed', { id: 'd1' }));

    await waitFor(() => expect(screen.getByTestId('outbox-status').dataset.state).toBe('filed'));
    expect(screen.getByTestId('outbox-status').textContent).toContain(
      'Filed: the court accepted it as document no. 7.',
    );
    expect(screen.getByTestId('outbox-document-number').textContent).toBe('7');
    expect(screen.getByTestId('outbox-docket-text').textContent).toBe('COMPLAINT against all defendants.');
    expect(stepMark(7)).toBe('done');
  });

  /** Opens the draft signed by the logged-in filer, at step 7, ready to file. */
  async function openSignedAtSubmit(bridge: FakeBridge): Promise<void> {
    bridge.reviewDraft = (each) => draftReview(each, { canSubmit: true });
    await openWizard(bridge, {
      ...draft,
      signature: {
        accountId: 'a1',
        loginId: 'jmorgan',
        name: 'Jane Morgan',
        role: '',
        signedAt: '2025-03-04T16:00:00.000Z',
        digest: 'f'.repeat(64),
      },
    });
    goToStep(7);
    await waitFor(() => expect((screen.getByTestId('file-now') as HTMLButtonElement).disabled).toBe(false));
  }

  /** Main's answer to a second submit of a filing already in the outbox. */
  const alreadyQueued = () => bridgeError('filing.already-queued', 'This filing is already in the outbox.');

  it('a second press while the first is on its way files once and shows no error', async () => {
    const bridge = bridgeWithFiler();
    let answerFirst: () => void = () => undefined;
    bridge.answer('outbox.submit', ({ draftId }) => {
      const held = bridge.drafts.get(draftId);
      if (!held || held.outbox) {
        throw alreadyQueued();
      }
      bridge.drafts.set(draftId, { ...held, outbox: outboxStatus({ state: 'submitting' }) });
      return new Promise((resolve) => {
        answerFirst = () => resolve(draftReview(bridge.drafts.get(draftId) ?? held, { canSubmit: true }));
      });
    });
    await openSignedAtSubmit(bridge);

    fireEvent.click(screen.getByTestId('file-now'));
    fireEvent.click(screen.getByTestId('file-now'));
    expect((screen.getByTestId('file-now') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answerFirst());

    expect((await screen.findByTestId('outbox-status')).dataset.state).toBe('submitting');
    expect(bridge.calls.filter((call) => call.channel === 'outbox.submit')).toHaveLength(1);
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('"already in the outbox" for the same filing is its outbox status, not an error', async () => {
    const bridge = bridgeWithFiler();
    // Another press (in another window, or one whose answer was lost) handed it over first.
    bridge.answer('outbox.submit', ({ draftId }) => {
      const held = bridge.drafts.get(draftId);
      if (held) {
        bridge.drafts.set(draftId, { ...held, outbox: outboxStatus({ state: 'submitted', documentNumber: 7 }) });
      }
      throw alreadyQueued();
    });
    await openSignedAtSubmit(bridge);

    fireEvent.click(screen.getByTestId('file-now'));

    await waitFor(() => expect(screen.getByTestId('outbox-status').dataset.state).toBe('submitted'));
    expect(screen.queryByTestId('error-banner')).toBeNull();
    expect(bridge.calls.filter((call) => call.channel === 'outbox.submit')).toHaveLength(1);
  });

  it("a draft signed under another filer's account says who signed it and which login sends it", async () => {
    const bridge = bridgeWithFiler();
    bridge.reviewDraft = (each) => draftReview(each, { canSubmit: true });
    await openWizard(bridge, {
      ...draft,
      signature: {
        accountId: 'a2',
        loginId: 'rpatel',
        name: 'Riya Patel',
        role: 'Attorney for Plaintiff',
        signedAt: '2025-03-04T15:50:00.000Z',
        digest: 'e'.repeat(64),
      },
    });
    goToStep(6);
    expect((await screen.findByTestId('signature-status')).textContent).toContain(
      "Only rpatel's own login can send it (FAQ 35).",
    );
    goToStep(7);
    expect((screen.getByTestId('file-now') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('submit-waiting').textContent).toContain('Signed by Riya Patel; log in as rpatel');
    // Unticking takes the signature back in main.
    goToStep(6);
    fireEvent.click(screen.getByTestId('sign-checkbox'));
    await waitFor(() => expect(screen.queryByTestId('signature-status')).toBeNull());
    expect(bridge.calls.some((call) => call.channel === 'drafts.unsign')).toBe(true);
  });

  it('a filing held as late offers "Send it anyway", which asks main to send it today', async () => {
    const bridge = bridgeWithFiler();
    await openWizard(bridge, {
      ...draft,
      due: { date: '2025-03-01', reason: 'typed' },
      outbox: outboxStatus({
        state: 'ready',
        attempts: 0,
        isHeldAsLate: true,
        message: 'It was due 2025-03-01; sent now it would be filed 2025-03-04, after its due date.',
      }),
    });
    expect((await screen.findByTestId('outbox-message')).textContent).toContain('It was due 2025-03-01');
    fireEvent.click(screen.getByTestId('send-late'));
    await waitFor(() => expect(screen.getByTestId('outbox-status').dataset.state).toBe('submitting'));
    expect(bridge.calls.find((call) => call.channel === 'outbox.sendLate')?.args).toEqual({ draftId: 'd1' });
  });

  const words: readonly (readonly [OutboxState, string])[] = [
    ['ready', 'Waiting in the outbox'],
    ['submitting', 'Sending to the court…'],
    ['submitted', 'awaiting the Notice of Electronic Filing'],
    ['filed', 'Filed: the court accepted it.'],
    ['failed', 'The filing did not reach the docket.'],
    ['needs-verification', 'It is not known whether the court received the filing.'],
  ];
  it.each(words)('an item in the outbox that is %s opens at Submit and says so', async (state, sentence) => {
    const bridge = bridgeWithFiler();
    await openWizard(bridge, {
      ...draft,
      outbox: outboxStatus({ state, message: state === 'failed' ? 'The court refused the upload.' : null }),
    });

    const status = await screen.findByTestId('outbox-status');
    expect(status.dataset.state).toBe(state);
    expect(status.textContent).toContain(sentence);
    expect(within(status).queryByTestId('retry-filing') !== null).toBe(
      state === 'failed' || state === 'needs-verification',
    );
    if (state === 'failed') {
      expect(status.textContent).toContain('The court refused the upload.');
    }
  });

  describe('a filed filing says a notice arrived only when one addressed to this firm is in the inbox', () => {
    /** Jane Morgan's firm: her account is the one on this desktop, and the filing is docketed as entry 45. */
    async function openFiled(bridge: FakeBridge): Promise<HTMLElement> {
      bridge.answer('accounts.list', () => ({
        accounts: [pacerAccount({ id: 'a1', loginId: 'jmorgan', name: 'Jane Morgan' })],
        keychain: { name: 'Secret Service', isAvailable: true, isStorageAllowed: true, message: null },
      }));
      await openWizard(bridge, {
        ...draft,
        outbox: outboxStatus({
          state: 'filed',
          deSeqNum: 45,
          documentNumber: 12,
          hasReceipt: true,
          filedAt: '2026-03-04T15:31:00.000Z',
        }),
      });
      return screen.findByTestId('outbox-status');
    }

    it('with no notice of the entry in the inbox, it says the court accepted it and that no notice came', async () => {
      const bridge = bridgeWithFiler();
      const status = await openFiled(bridge);

      expect(status.textContent).toContain('Filed: the court accepted it as document no. 12.');
      expect(status.textContent).not.toContain('Notice of Electronic Filing arrived');
      await waitFor(() =>
        expect(screen.getByTestId('outbox-notice').textContent).toContain(
          "No Notice of Electronic Filing for this filing has come to this firm's inbox.",
        ),
      );
      expect(screen.getByTestId('outbox-notice').dataset.notice).toBe('none');
    });

    it('with the notice sent only to the other side, it says so and names who got it', async () => {
      const bridge = bridgeWithFiler();
      bridge.inbox.push(
        inboxItem({
          id: 'n45',
          deSeqNum: '45',
          recipients: [{ name: 'Thomas Walsh', emails: ['twalsh@usdoj.example'] }],
        }),
      );
      await openFiled(bridge);

      await waitFor(() => expect(screen.getByTestId('outbox-notice').dataset.notice).toBe('others-only'));
      const notice = screen.getByTestId('outbox-notice').textContent;
      expect(notice).toContain('No Notice of Electronic Filing addressed to this firm has come');
      expect(notice).toContain('Thomas Walsh');
      expect(notice).toContain('counsel of record');
    });

    it('with the notice addressed to the firm in the inbox, it says the notice arrived', async () => {
      const bridge = bridgeWithFiler();
      bridge.inbox.push(inboxItem({ id: 'n45', deSeqNum: '45' }));
      bridge.inbox.push(inboxItem({ id: 'n46', deSeqNum: '46', recipients: [] }));
      await openFiled(bridge);

      await waitFor(() => expect(screen.getByTestId('outbox-notice').dataset.notice).toBe('arrived'));
      expect(screen.getByTestId('outbox-notice').textContent).toContain(
        'Its Notice of Electronic Filing is in the inbox, addressed to Jane Morgan',
      );
    });
  });

  it('a failed filing is tried again with Retry', async () => {
    const bridge = bridgeWithFiler();
    await openWizard(bridge, { ...draft, outbox: outboxStatus({ state: 'failed' }) });

    fireEvent.click(await screen.findByTestId('retry-filing'));

    await waitFor(() => expect(screen.getByTestId('outbox-status').dataset.state).toBe('submitting'));
    expect(bridge.calls.find((call) => call.channel === 'outbox.retry')?.args).toEqual({ draftId: 'd1' });
  });

  it('keeps the steps of an item in the outbox read-only', async () => {
    const bridge = bridgeWithFiler();
    await openWizard(bridge, { ...draft, outbox: outboxStatus({ state: 'ready' }) });
    goToStep(1);

    expect(screen.getByTestId('wizard-lock').textContent).toContain('withdraw it');
    expect((screen.getByTestId('case-search') as HTMLInputElement).closest('fieldset')?.disabled).toBe(true);
  });

  it('marks the draft ready for the attorney and saves who prepared it', async () => {
    const bridge = bridgeWithFiler();
    await openWizard(bridge, draft);
    goToStep(6);

    fireEvent.change(screen.getByTestId('prepared-by'), { target: { value: 'Pat Lee' } });
    fireEvent.click(screen.getByTestId('ready-for-review'));

    await waitFor(() => expect(bridge.drafts.get('d1')?.preparedBy).toBe('Pat Lee'));
    expect(bridge.drafts.get('d1')?.isReadyForReview).toBe(true);
    fireEvent.click(screen.getByTestId('back-to-list'));
    const row = await screen.findByTestId('draft-row');
    expect(row.dataset.state).toBe('review');
    expect(row.textContent).toContain('Pat Lee');
  });

  it('lists the signers of a stipulation as /s/ signatures', async () => {
    const bridge = bridgeWithFiler();
    await openWizard(bridge, { ...draft, eventId: 'stipulation-of-dismissal' });
    goToStep(6);

    fireEvent.change(screen.getByTestId('signer-name'), { target: { value: 'Jane Morgan' } });
    fireEvent.click(screen.getByTestId('add-signer'));

    expect((await screen.findByTestId('signer')).textContent).toContain('/s/ Jane Morgan');
    await waitFor(() =>
      expect(bridge.drafts.get('d1')?.signers).toEqual([{ name: 'Jane Morgan', firm: '', isFiler: true }]),
    );
  });
});
