import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft, DraftChanges } from '../../../src-main/shared/filing';
import { addCheckedPdf, logInFiler } from '../../support/filing-steps';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { makePdf } from '../../support/synthetic-pdfs';
import { seededPassword } from '../../support/training-court';

/**
 * FAQ 35: the filing attorney's PACER login is the signature. A filing is signed in main by one filer account, and
 * only that account's own session sends it; a change to anything signed voids the signature.
 */

let harness: AccountsHarness;
beforeEach(async () => {
  harness = await startAccountsHarness();
});
afterEach(async () => {
  await harness.stop();
});

const acmeCase = { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' };

/** A motion for Acme by its attorneys (Jane Morgan and Riya Patel are both counsel for Acme in the training court). */
async function acmeMotion(note: string): Promise<Draft> {
  const draft = await harness.handlers['drafts.create']({});
  const parties = await harness.handlers['court.caseParties']({ caseId: acmeCase.caseId });
  const main = await addCheckedPdf(harness.handlers, `${note}.pdf`, 2);
  const review = await harness.handlers['drafts.update']({
    id: draft.id,
    changes: {
      case: acmeCase,
      parties,
      filerPartyIds: ['acme'],
      eventId: 'motion-to-stay',
      documents: [
        { documentId: main, type: 'main', description: '' },
        {
          documentId: await addCheckedPdf(harness.handlers, `${note}-order.pdf`),
          type: 'proposed-order',
          description: 'Proposed Order',
        },
      ],
      docketAnnotation: note,
    },
  });
  expect(review.canSubmit).toBe(true);
  return review.draft;
}

/** Waits until the outbox has written this filing's status `count` more times: each pass that leaves it waiting does. */
async function passesOver(draftId: string, count: number): Promise<void> {
  const changesSoFar = (): number =>
    harness.events.filter(
      (event) => event.name === 'drafts.changed' && (event.payload as { id: string | null }).id === draftId,
    ).length;
  const start = changesSoFar();
  await vi.waitFor(() => expect(changesSoFar()).toBeGreaterThanOrEqual(start + count), { timeout: 20_000 });
}

async function outboxOf(id: string): Promise<NonNullable<Draft['outbox']>> {
  const { outbox } = (await harness.handlers['drafts.get']({ id })).draft;
  if (!outbox) {
    throw new Error('not in the outbox');
  }
  return outbox;
}

describe('a signature bound to one filer account (FAQ 35)', () => {
  it("attorney B's session never sends attorney A's signed filing; A's own login does", async () => {
    const morgan = await logInFiler(harness.handlers, 'jmorgan');
    const draft = await acmeMotion('bound-signature');
    const signed = await harness.handlers['drafts.sign']({
      id: draft.id,
      name: 'Jane Morgan',
      role: 'Attorney for Plaintiff',
    });
    expect(signed.draft.signature).toMatchObject({
      accountId: morgan,
      loginId: 'jmorgan',
      name: 'Jane Morgan',
      role: 'Attorney for Plaintiff',
    });
    await harness.handlers['outbox.submit']({ draftId: draft.id, sendNow: false });
    await harness.handlers['session.logout']({});

    // Attorney B, a filer on the same case, logs in tonight: pass after pass, the outbox leaves A's filing waiting.
    await logInFiler(harness.handlers, 'rpatel');
    await passesOver(draft.id, 3);
    const waiting = await outboxOf(draft.id);
    expect(waiting.state).toBe('ready');
    expect(waiting.attempts).toBe(0);
    expect(waiting.message).toMatch(/^Signed by Jane Morgan; log in as jmorgan to send it\./);
    // Nor can B send it through the API, by submitting it again or retrying it.
    await expect(harness.handlers['outbox.submit']({ draftId: draft.id, sendNow: true })).rejects.toMatchObject({
      code: 'filing.already-queued',
    });
    await harness.handlers['outbox.retry']({ draftId: draft.id });
    await passesOver(draft.id, 3);
    expect(await outboxOf(draft.id)).toMatchObject({ state: 'ready', attempts: 0, submittedAt: null });
    await harness.handlers['session.logout']({});

    // A logs in: it goes.
    await logInFiler(harness.handlers, 'jmorgan');
    await vi.waitFor(async () => expect((await outboxOf(draft.id)).state).toMatch(/submitted|filed/), {
      timeout: 20_000,
    });
    expect((await outboxOf(draft.id)).docketText).toContain('Filed by Jane Morgan');
  });

  it('refuses to queue a filing signed under another account, naming the signer and the login to use', async () => {
    await logInFiler(harness.handlers, 'jmorgan');
    const draft = await acmeMotion('other-account');
    await harness.handlers['drafts.sign']({ id: draft.id, name: 'Jane Morgan', role: '' });
    await harness.handlers['session.logout']({});
    await logInFiler(harness.handlers, 'rpatel');
    await expect(harness.handlers['outbox.submit']({ draftId: draft.id, sendNow: true })).rejects.toMatchObject({
      code: 'signature.other-account',
      message: expect.stringMatching(/Signed by Jane Morgan; log in as jmorgan/) as unknown,
    });
    expect((await harness.handlers['drafts.get']({ id: draft.id })).draft.outbox).toBeNull();
  });

  it('an unsigned filing cannot be queued, and a signature needs a name', async () => {
    await logInFiler(harness.handlers, 'jmorgan');
    const draft = await acmeMotion('unsigned');
    await expect(harness.handlers['outbox.submit']({ draftId: draft.id, sendNow: true })).rejects.toMatchObject({
      code: 'signature.missing',
    });
    await expect(harness.handlers['drafts.sign']({ id: draft.id, name: '  ', role: '' })).rejects.toMatchObject({
      code: 'signature.no-name',
    });
    // The name given once is kept with the account and offered next time.
    await harness.handlers['drafts.sign']({ id: draft.id, name: 'Jane Morgan', role: 'NY Bar 1234567' });
    await harness.handlers['drafts.unsign']({ id: draft.id });
    const again = await harness.handlers['drafts.sign']({ id: draft.id, name: '', role: '' });
    expect(again.draft.signature).toMatchObject({ name: 'Jane Morgan', role: 'NY Bar 1234567' });
    const account = (await harness.handlers['accounts.list']({})).accounts.find((each) => each.loginId === 'jmorgan');
    expect(account).toMatchObject({ name: 'Jane Morgan', role: 'NY Bar 1234567' });
  });

  it('a view-only account cannot sign (FAQ 12)', async () => {
    await logInFiler(harness.handlers, 'jmorgan');
    const draft = await acmeMotion('view-only');
    await harness.handlers['session.logout']({});
    const viewer = await harness.handlers['accounts.save']({
      loginId: 'firmview',
      kind: 'view-only',
      defaultClientCode: null,
      mfaMode: 'none',
      password: seededPassword('firmview'),
    });
    await harness.handlers['session.login']({ accountId: viewer.id, acknowledgesRedaction: true });
    await expect(harness.handlers['drafts.sign']({ id: draft.id, name: 'Firm', role: '' })).rejects.toMatchObject({
      code: 'account.view-only',
    });
  });

  it('changing any signed part voids the signature: a new main document in place of the old one', async () => {
    await logInFiler(harness.handlers, 'jmorgan');
    const draft = await acmeMotion('swap-main');
    const signed = await harness.handlers['drafts.sign']({ id: draft.id, name: 'Jane Morgan', role: '' });
    expect(signed.draft.signature).not.toBeNull();
    // Notes for the firm are not part of what is filed: they leave the signature alone.
    const noted = await harness.handlers['drafts.update']({
      id: draft.id,
      changes: { preparedBy: 'Pat Paralegal', due: { date: '2027-01-15', reason: 'typed' } },
    });
    expect(noted.draft.signature).not.toBeNull();
    // Step 4: a new main document added, the old one removed.
    const replacement = await addCheckedPdf(harness.handlers, 'never-seen-by-the-attorney.pdf', 5);
    const [, order] = signed.draft.documents;
    const changed = await harness.handlers['drafts.update']({
      id: draft.id,
      changes: { documents: [{ documentId: replacement, type: 'main', description: '' }, order!] },
    });
    expect(changed.draft.signature).toBeNull();
    // The record keeps the signing, the change and the voiding, in order.
    const actions = (await harness.handlers['record.get']({ draftId: draft.id })).entries.map((entry) => entry.action);
    expect(actions.slice(-4)).toEqual(['draft.signed', 'draft.changed', 'draft.changed', 'signature.voided']);
    await expect(harness.handlers['outbox.submit']({ draftId: draft.id, sendNow: true })).rejects.toMatchObject({
      code: 'signature.missing',
    });
  });

  it.each([
    ['the event', { eventId: 'consent-motion-for-extension-of-time' }],
    ['the docket text', { docketAnnotation: 'as amended' }],
    ['the filing parties', { filerPartyIds: ['acme', 'us-1017'] }],
    ['a document description', 'description'],
    ['where the certificate of service is', { isCertificateInMainDocument: true }],
  ] satisfies [string, DraftChanges | 'description'][])('changing %s voids the signature', async (_, change) => {
    await logInFiler(harness.handlers, 'jmorgan');
    const draft = await acmeMotion('void-each');
    const signed = await harness.handlers['drafts.sign']({ id: draft.id, name: 'Jane Morgan', role: '' });
    const changes =
      change === 'description'
        ? { documents: signed.draft.documents.map((document) => ({ ...document, description: 'Exhibit 1' })) }
        : change;
    expect((await harness.handlers['drafts.update']({ id: draft.id, changes })).draft.signature).toBeNull();
  });

  it('sends nothing when a signed document was changed on disk after signing', async () => {
    await logInFiler(harness.handlers, 'jmorgan');
    const draft = await acmeMotion('tampered');
    await harness.handlers['drafts.sign']({ id: draft.id, name: 'Jane Morgan', role: '' });
    await harness.handlers['outbox.submit']({ draftId: draft.id, sendNow: false });
    await harness.handlers['session.logout']({});
    const record = (await harness.handlers['documents.list']({})).find(
      (candidate) => candidate.id === draft.documents[0]?.documentId,
    );
    writeFileSync(path.join(harness.dataFolder, 'documents', `${record?.sha256}.pdf`), await makePdf(9));
    await logInFiler(harness.handlers, 'jmorgan');
    await vi.waitFor(async () => expect((await outboxOf(draft.id)).state).toBe('failed'), { timeout: 20_000 });
    const outbox = await outboxOf(draft.id);
    expect(outbox.submittedAt).toBeNull();
    expect(outbox.message).toMatch(/not what the attorney signed/);
  });
});
