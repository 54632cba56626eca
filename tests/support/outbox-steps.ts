import { expect, vi } from 'vitest';
import type { Draft } from '../../src-main/shared/filing';
import type { AccountsHarness } from './accounts-harness';
import { makePdf } from './synthetic-pdfs';
import { seededPassword } from './training-court';

/** Adds a PDF of so many pages to the document store and waits for its preflight. */
export async function addCheckedPdf(harness: AccountsHarness, name: string, pages = 1): Promise<string> {
  const record = await harness.handlers['documents.add']({ jobId: name, name, bytes: await makePdf(pages) });
  await vi.waitFor(
    async () => {
      const current = (await harness.handlers['documents.list']({})).find((candidate) => candidate.id === record.id);
      if (current?.preflight.state !== 'done') {
        throw new Error('still checking');
      }
    },
    { timeout: 20_000 },
  );
  return record.id;
}

/** Logs a seeded filer in to the training court, saving the account the first time. */
export async function logInFiler(harness: AccountsHarness, loginId: string): Promise<void> {
  const saved = (await harness.handlers['accounts.list']({})).accounts.find(
    (candidate) => candidate.loginId === loginId,
  );
  const account =
    saved ??
    (await harness.handlers['accounts.save']({
      loginId,
      kind: 'filer',
      defaultClientCode: null,
      mfaMode: 'none',
      password: seededPassword(loginId),
    }));
  expect(await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true })).toMatchObject(
    { outcome: 'logged-in' },
  );
}

/** Waits until the draft's outbox state is one of these, and returns the draft. */
export async function waitForOutboxState(
  harness: AccountsHarness,
  id: string,
  states: readonly string[],
  timeout = 20_000,
): Promise<Draft> {
  let draft: Draft | undefined;
  await vi.waitFor(
    async () => {
      draft = (await harness.handlers['drafts.get']({ id })).draft;
      if (!states.includes(draft.outbox?.state ?? 'draft')) {
        throw new Error(`state ${draft.outbox?.state}: ${draft.outbox?.message}`);
      }
    },
    { timeout, interval: 50 },
  );
  return draft as Draft;
}
