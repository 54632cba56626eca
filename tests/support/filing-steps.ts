import { expect, vi } from 'vitest';
import type { Handlers } from '../../src-main/core/api/handlers';
import type { Draft } from '../../src-main/shared/filing';
import { makePdf } from './synthetic-pdfs';
import { seededOtp, seededPassword } from './training-court';

/** Adds a clean synthetic PDF to the document store and waits for its preflight; returns its id. */
export async function addCheckedPdf(handlers: Handlers, name: string, pages = 1): Promise<string> {
  const record = await handlers['documents.add']({ jobId: name, name, bytes: await makePdf(pages) });
  await vi.waitFor(
    async () => {
      const current = (await handlers['documents.list']({})).find((candidate) => candidate.id === record.id);
      if (current?.preflight.state !== 'done') {
        throw new Error('still checking');
      }
    },
    { timeout: 20_000 },
  );
  return record.id;
}

/**
 * Logs in to the training court as a seeded filer, saving the account the first time; answers the 6-digit code
 * where the training account asks for one, as PACER does with MFA on. Returns the account's id.
 */
export async function logInFiler(handlers: Handlers, loginId: string): Promise<string> {
  const saved = (await handlers['accounts.list']({})).accounts.find((candidate) => candidate.loginId === loginId);
  const account =
    saved ??
    (await handlers['accounts.save']({
      loginId,
      kind: 'filer',
      defaultClientCode: null,
      mfaMode: 'none',
      password: seededPassword(loginId),
    }));
  const first = await handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
  const outcome =
    first.outcome === 'needs-otp'
      ? await handlers['session.login']({
          accountId: account.id,
          acknowledgesRedaction: true,
          otpCode: seededOtp(loginId),
        })
      : first;
  expect(outcome).toMatchObject({ outcome: 'logged-in' });
  return account.id;
}

/** Waits until the draft's outbox state is one of these, and returns the draft. */
export async function waitForOutboxState(
  handlers: Handlers,
  id: string,
  states: readonly string[],
  timeout = 20_000,
): Promise<Draft> {
  let draft: Draft | undefined;
  await vi.waitFor(
    async () => {
      draft = (await handlers['drafts.get']({ id })).draft;
      if (!states.includes(draft.outbox?.state ?? 'draft')) {
        throw new Error(`state ${draft.outbox?.state}: ${draft.outbox?.message}`);
      }
    },
    { timeout, interval: 50 },
  );
  return draft as Draft;
}
