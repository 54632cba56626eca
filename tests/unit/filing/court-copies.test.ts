import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyRecordText } from '../../../src-main/core/filing/record-chain';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { fileMotionWithOrder, waitForDraft } from '../../support/filed-motion';
import { admin } from '../../support/training-court';

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

describe('the court’s copy of a filing (FAQ 46)', () => {
  it('matches what was sent once the free look is saved, with the NEF’s stamps, and the record says so', async () => {
    const draftId = await fileMotionWithOrder(harness);
    const filed = await waitForDraft(harness, draftId, (draft) => (draft.outbox?.courtCopies.length ?? 0) === 2);
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
    // Who did what, in order: prepared, signed, queued, sent, received, filed, checked against the court's copy.
    expect(record.entries.map((entry) => entry.action)).toEqual([
      'draft.created',
      'draft.changed',
      'draft.signed',
      'outbox.queued',
      'outbox.sending',
      // Stopped at the court's final-text page until the attorney confirmed its docket text, then sent again.
      'outbox.awaiting-confirmation',
      'outbox.docket-text-confirmed',
      'outbox.sending',
      'outbox.submitted',
      'filing.filed',
      'court-copy.checked',
    ]);
    const bySigner = record.entries.find((entry) => entry.action === 'draft.signed');
    expect(bySigner?.detail).toMatch(/^Signed by Thomas Walsh \(twalsh\)/);
    expect(bySigner?.documents.map((document) => document.name)).toEqual(['motion.pdf', 'order.pdf']);
    const submitted = record.entries.find((entry) => entry.action === 'outbox.submitted');
    expect(submitted?.courtAnswer).toBe(filed.outbox?.docketText);
    expect(submitted?.documents).toEqual(sent);
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
    // The NEF waits; the court's stored copy is changed the moment the upload lands, long before the free look fetches
    // it (as a court's stamp would change it).
    await admin(harness.court, 'POST', '/admin/faults', { mailDelayMs: 2_000 });
    const draftId = await fileMotionWithOrder(harness);
    const mainSha = (await harness.handlers['documents.list']({})).find(
      (record) => record.name === 'motion.pdf',
    )?.sha256;
    const courtCopy = path.join(harness.court.dataFolder, 'documents', `${mainSha}.pdf`);
    await vi.waitFor(() => expect(existsSync(courtCopy)).toBe(true), { timeout: 20_000, interval: 10 });
    await appendFile(courtCopy, '\n% Filed 12/05/26, Court of International Trade\n');

    const checked = await waitForDraft(harness, draftId, (draft) => (draft.outbox?.courtCopies.length ?? 0) === 2);
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
