import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyRecordText } from '../../../src-main/core/filing/record-chain';
import type { Draft } from '../../../src-main/shared/filing';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, seededPassword } from '../../support/training-court';

/**
 * FAQ 46 against the training court: a filing is made, its NEF arrives, the inbox saves the free-look copies, and each
 * filed document is compared with what was sent, on the filing and in its record.
 */

let harness: AccountsHarness;
beforeEach(async () => {
  harness = await startAccountsHarness();
});
afterEach(async () => {
  await harness.stop();
});

async function addPdf(name: string, pages: number): Promise<string> {
  const record = await harness.handlers['documents.add']({ jobId: name, name, bytes: await makePdf(pages) });
  await vi.waitFor(
    async () =>
      expect((await harness.handlers['documents.list']({})).find((c) => c.id === record.id)?.preflight.state).toBe(
        'done',
      ),
    { timeout: 20_000 },
  );
  return record.id;
}

/** Logs in as the training court's filer and puts a motion with its proposed order in the outbox. */
async function fileMotion(): Promise<string> {
  const account = await harness.handlers['accounts.save']({
    loginId: 'twalsh',
    name: 'Thomas Walsh',
    kind: 'filer',
    defaultClientCode: null,
    mfaMode: 'none',
    password: seededPassword('twalsh'),
  });
  await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
  const [motion, order] = [await addPdf('motion.pdf', 2), await addPdf('order.pdf', 1)];
  const draft = await harness.handlers['drafts.create']({});
  await harness.handlers['drafts.update']({
    id: draft.id,
    changes: {
      case: { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
      parties: await harness.handlers['court.caseParties']({ caseId: 1017 }),
      filerPartyIds: ['us-1017'],
      eventId: 'motion-to-stay',
      documents: [
        { documentId: motion, type: 'main', description: '' },
        { documentId: order, type: 'proposed-order', description: 'Proposed Order' },
      ],
    },
  });
  await harness.handlers['outbox.submit']({ draftId: draft.id, confirmsSignature: true, sendNow: true });
  return draft.id;
}

async function waitForDraft(id: string, until: (draft: Draft) => boolean): Promise<Draft> {
  let found: Draft | undefined;
  await vi.waitFor(
    async () => {
      found = (await harness.handlers['drafts.get']({ id })).draft;
      if (!until(found)) {
        throw new Error(`state ${found.outbox?.state}, ${found.outbox?.courtCopies.length ?? 0} court copies`);
      }
    },
    { timeout: 30_000, interval: 50 },
  );
  return found as Draft;
}

describe('the court’s copy of a filing (FAQ 46)', () => {
  it('matches what was sent once the free look is saved, with the NEF’s stamps, and the record says so', async () => {
    const draftId = await fileMotion();
    const filed = await waitForDraft(draftId, (draft) => (draft.outbox?.courtCopies.length ?? 0) === 2);
    const sent = filed.outbox?.sentDocuments ?? [];
    expect(filed.outbox?.state).toBe('filed');
    expect(filed.outbox?.courtCopies).toEqual([
      expect.objectContaining({
        name: 'motion.pdf',
        sentSha256: sent[0]?.sha256,
        courtSha256: sent[0]?.sha256,
        matches: true,
      }),
      expect.objectContaining({
        name: 'order.pdf',
        sentSha256: sent[1]?.sha256,
        courtSha256: sent[1]?.sha256,
        matches: true,
      }),
    ]);
    expect(filed.outbox?.courtCopies[0]?.stamp).toMatch(
      /^\[STAMP dcecfStamp_ID=\d+ \[Date=.*\] \[FileNumber=\d+-0\] \[[0-9a-f]+\]\]$/,
    );
    expect(filed.outbox?.courtCopies[1]?.stamp).toMatch(/\[FileNumber=\d+-1\]/);

    const record = await harness.handlers['record.get']({ draftId });
    expect(record.verifies).toBe(true);
    expect(record.entries[0]).toMatchObject({
      action: 'draft.created',
      account: { loginId: 'twalsh', name: 'Thomas Walsh' },
    });
    const checked = record.entries.find((entry) => entry.action === 'court-copy.checked');
    expect(checked?.detail).toContain("The court's copy of motion.pdf matches what was sent");
    expect(checked?.documents).toContainEqual({ name: 'motion.pdf (as sent)', sha256: sent[0]?.sha256 });
    expect(checked?.documents).toContainEqual({ name: "motion.pdf (the court's copy)", sha256: sent[0]?.sha256 });

    const exported = await harness.handlers['record.export']({ draftId, format: 'json' });
    expect(verifyRecordText(new TextDecoder().decode(exported))).toMatchObject({
      ok: true,
      count: record.entries.length,
    });
  });

  it('records a copy the court changed as not matching, with both hashes', async () => {
    // The NEF waits, so the court's stored copy can be changed before the free look fetches it (as a court's stamp would).
    await admin(harness.court, 'POST', '/admin/faults', { mailDelayMs: 2_000 });
    const draftId = await fileMotion();
    const submitted = await waitForDraft(draftId, (draft) => draft.outbox?.state === 'submitted');
    const mainSha = submitted.outbox?.sentDocuments[0]?.sha256 ?? '';
    const courtFolder = path.join(harness.court.dataFolder, 'documents');
    expect(await readdir(courtFolder)).toContain(`${mainSha}.pdf`);
    await appendFile(path.join(courtFolder, `${mainSha}.pdf`), '\n% Filed 12/05/26, Court of International Trade\n');

    const checked = await waitForDraft(draftId, (draft) => (draft.outbox?.courtCopies.length ?? 0) === 2);
    const [main, order] = checked.outbox?.courtCopies ?? [];
    expect(main).toMatchObject({ name: 'motion.pdf', sentSha256: mainSha, matches: false });
    expect(main?.courtSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(main?.courtSha256).not.toBe(mainSha);
    expect(order?.matches).toBe(true);
    const entry = (await harness.handlers['record.get']({ draftId })).entries.find(
      (candidate) => candidate.action === 'court-copy.checked',
    );
    expect(entry?.detail).toContain(
      `The court's copy of motion.pdf differs from what was sent: sent ${mainSha}, the court's copy ${main?.courtSha256}`,
    );
  });
});
