import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CourtFetch } from '../../../src-main/core/court/pacer-login';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { makePdf } from '../../support/synthetic-pdfs';
import { DocketReader, seededPassword } from '../../support/training-court';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { signAndSubmit } from '../../support/sign-and-submit';

let harness: AccountsHarness;
let docket: DocketReader | undefined;
afterEach(async () => {
  docket = undefined;
  await harness.stop();
});

/** The step at which the app "dies", and whether a request of that step has been swallowed yet. */
interface DyingStep {
  current: string | null;
  hasDied?: boolean;
}

/** The step whose form a page shows, told by its heading as a person tells it: what the next post fills in. */
function stepShownBy(html: string): string | null {
  if (html.includes('<h2 align="center">Modify Docket Text</h2>')) {
    return 'docket-text';
  }
  return html.includes('<h2 align="center">Docket Text: Final Text</h2>') ? 'submit' : null;
}

/**
 * A fetch that, for the step named (the post that follows the page showing that step's form: every screen posts to
 * the transaction's one address), sends the request but never gives the caller an answer: the app died waiting.
 * Like any fetch it gives up when its signal aborts (core aborts the outbox's requests as it closes).
 */
function dyingAt(step: DyingStep): CourtFetch {
  let shown: string | null = null;
  return async (url, init) => {
    if (step.current !== null && init.method === 'POST' && shown === step.current) {
      step.hasDied = true;
      // The court receives and handles the request; its answer is read and dropped, never handed to the app.
      fetch(url, { ...init, signal: AbortSignal.timeout(20_000) })
        .then((response) => response.text())
        .catch(() => undefined);
      return new Promise<Response>((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true }),
      );
    }
    const response = await fetch(url, init);
    const html = await response.clone().text();
    shown = stepShownBy(html);
    return response;
  };
}

/** Case 1017's docket texts, read through one session of the test's own (see DocketReader). */
function entriesOf1017(): Promise<string[]> {
  docket ??= new DocketReader(harness.court.url);
  return docket.texts(1017);
}

async function queueAppearance(note: string): Promise<string> {
  const account = await harness.handlers['accounts.save']({
    loginId: 'twalsh',
    kind: 'filer',
    defaultClientCode: null,
    mfaMode: 'none',
    password: seededPassword('twalsh'),
  });
  await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
  const record = await harness.handlers['documents.add']({ jobId: note, name: `${note}.pdf`, bytes: await makePdf(1) });
  await vi.waitFor(
    async () => expect((await harness.handlers['documents.list']({}))[0]?.preflight.state).toBe('done'),
    { timeout: 20_000 },
  );
  const parties = await harness.handlers['court.caseParties']({ caseId: 1017 });
  const draft = await harness.handlers['drafts.create']({});
  await harness.handlers['drafts.update']({
    id: draft.id,
    changes: appearanceIn1017(record.id, { parties, docketAnnotation: note }),
  });
  await signAndSubmit(harness.handlers, draft.id, true);
  return draft.id;
}

async function logInAgain(): Promise<void> {
  const account = (await harness.handlers['accounts.list']({})).accounts[0];
  await harness.handlers['session.login']({ accountId: account?.id ?? '', acknowledgesRedaction: true });
}

describe('a crash while filing', () => {
  it('after the final submit was sent: on restart the docket shows the entry, and nothing is sent again', async () => {
    const dying: DyingStep = { current: 'submit' };
    harness = await startAccountsHarness({ fetch: dyingAt(dying) });
    const id = await queueAppearance('crash-after-submit');
    await vi.waitFor(
      async () => expect((await entriesOf1017()).some((text) => text.includes('crash-after-submit'))).toBe(true),
      { timeout: 20_000 },
    );
    expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toBe('submitting');

    dying.current = null;
    await harness.restart();
    expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toBe('needs-verification');
    await logInAgain();
    await vi.waitFor(
      async () => expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toMatch(/submitted|filed/),
      { timeout: 20_000 },
    );
    expect((await entriesOf1017()).filter((text) => text.includes('crash-after-submit'))).toHaveLength(1);
    const settled = (await harness.handlers['drafts.get']({ id })).draft.outbox;
    // The first attempt stopped at the final text for the attorney's confirmation; the second sent the final submit.
    expect(settled?.attempts).toBe(2);
    // Confirmed from the docket: the court's receipt page never arrived, and the app says so rather than inventing one.
    expect(settled?.hasReceipt).toBe(false);
  });

  it('before the final submit was sent: on restart it is sent, once', async () => {
    const dying: DyingStep = { current: 'docket-text' };
    harness = await startAccountsHarness({ fetch: dyingAt(dying) });
    const id = await queueAppearance('crash-before-submit');
    // The outbox says `submitting` before it reaches the docket-text step: wait for the request that never answers.
    await vi.waitFor(() => expect(dying.hasDied).toBe(true), { timeout: 20_000 });
    expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toBe('submitting');
    dying.current = null;
    await harness.restart();
    await logInAgain();
    await vi.waitFor(
      async () => expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.state).toMatch(/submitted|filed/),
      { timeout: 20_000 },
    );
    expect((await entriesOf1017()).filter((text) => text.includes('crash-before-submit'))).toHaveLength(1);
    // The attempt that died, the one after the restart that stopped for the attorney's confirmation, the one that filed.
    expect((await harness.handlers['drafts.get']({ id })).draft.outbox?.attempts).toBe(3);
  });
});
