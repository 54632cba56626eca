import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { addCheckedPdf, logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { buildPdf, withOpenActionJavaScript } from '../../support/preflight-pdfs';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { signAndSubmit } from '../../support/sign-and-submit';
import { admin, docketEntryCount } from '../../support/training-court';

let harness: AccountsHarness;
const waitForState = (id: string, states: string[], timeout?: number): Promise<Draft> =>
  waitForOutboxState(harness.handlers, id, states, timeout);
beforeEach(async () => {
  harness = await startAccountsHarness();
});
afterEach(async () => {
  await harness.stop();
});

describe('filing through the outbox', () => {
  it('files a motion with its proposed order and an exhibit, from empty draft to filed with its NEF', async () => {
    await logInFiler(harness.handlers, 'twalsh');
    const [cases] = [await harness.handlers['court.findCases']({ query: 'Court No. 26-00123' })];
    expect(cases).toEqual([
      { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
    ]);
    // The court's "Cannot find case …" is no case, not an error.
    expect(await harness.handlers['court.findCases']({ query: '26-09999' })).toEqual([]);
    const parties = await harness.handlers['court.caseParties']({ caseId: 1017 });
    expect(parties.map((party) => party.id)).toEqual(['acme', 'us-1017']);
    const draft = await harness.handlers['drafts.create']({});
    const [motion, order, exhibit] = [
      await addCheckedPdf(harness.handlers, 'motion.pdf', 3),
      await addCheckedPdf(harness.handlers, 'order.pdf'),
      await addCheckedPdf(harness.handlers, 'exhibit-a.pdf', 2),
    ];
    const review = await harness.handlers['drafts.update']({
      id: draft.id,
      changes: {
        case: cases[0] ?? null,
        parties,
        filerPartyIds: ['us-1017'],
        eventId: 'motion-to-stay',
        documents: [
          { documentId: motion, type: 'main', description: '' },
          { documentId: order, type: 'proposed-order', description: 'Proposed Order' },
          { documentId: exhibit, type: 'exhibit', description: 'Exhibit A - Entry summaries' },
        ],
      },
    });
    expect(review.checks.filter((check) => check.level === 'block')).toEqual([]);
    expect(review.canSubmit).toBe(true);
    await signAndSubmit(harness.handlers, draft.id, true);
    const submitted = await waitForState(draft.id, ['submitted', 'filed']);
    expect(submitted.outbox).toMatchObject({
      documentNumber: 1,
      deSeqNum: 2,
      docketText:
        'Motion to Stay. Filed by Thomas Walsh of U.S. Department of Justice on behalf of United States. (Attachments: # (1) Proposed Order, # (2) Exhibit A - Entry summaries) (Walsh, Thomas)',
    });
    const filed = await waitForState(draft.id, ['filed']);
    expect(filed.outbox?.filedAt).not.toBeNull();
    // FAQ 46: the documents as sent are kept by SHA-256, and the court's receipt is kept with the filing.
    const records = await harness.handlers['documents.list']({});
    expect(filed.outbox?.sentDocuments).toEqual(
      [motion, order, exhibit].map((id) => ({
        name: records.find((record) => record.id === id)?.name,
        sha256: records.find((record) => record.id === id)?.sha256,
      })),
    );
    expect(filed.outbox?.hasReceipt).toBe(true);
    expect((await harness.handlers['outbox.receipt']({ draftId: draft.id })).html).toContain(
      'Notice of Electronic Filing',
    );
    expect(harness.events.some((event) => event.name === 'drafts.changed')).toBe(true);
  });

  it('keeps a queued filing waiting while nobody is logged in, and sends it once a filer logs in', async () => {
    await logInFiler(harness.handlers, 'twalsh');
    const draft = await filingDraft('form-11-notice-of-appearance', 'waiting');
    await harness.handlers['session.logout']({});
    await expect(signAndSubmit(harness.handlers, draft.id, false)).rejects.toMatchObject({ code: 'session.none' });
    await logInFiler(harness.handlers, 'twalsh');
    await signAndSubmit(harness.handlers, draft.id, false);
    await harness.handlers['session.logout']({});
    await vi.waitFor(async () =>
      expect((await harness.handlers['drafts.get']({ id: draft.id })).draft.outbox?.message).toMatch(
        /Log in with a filer account/,
      ),
    );
    await logInFiler(harness.handlers, 'twalsh');
    await waitForState(draft.id, ['submitted', 'filed']);
  });

  it('files the Motion to Intervene package only in its order, each step after the notice of the one before (FAQ 28, 41)', async () => {
    // The court's notices take a moment to come, as real mail does: the next step must wait for them.
    await admin(harness.court, 'POST', '/admin/faults', { mailDelayMs: 3_000 });
    await logInFiler(harness.handlers, 'twalsh');
    const steps = await harness.handlers['drafts.createInterventionPackage']({});
    expect(steps.map((step) => step.eventId)).toEqual([
      'motion-to-intervene',
      'form-11-notice-of-appearance',
      'form-13-corporate-disclosure',
      'form-17-bpi-certification-attorneys',
      'form-17-bpi-certification-consultants',
    ]);
    const parties = await harness.handlers['court.caseParties']({ caseId: 1017 });
    await harness.handlers['drafts.update']({
      id: steps[0]?.id ?? '',
      changes: {
        case: { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
        parties,
        filerPartyIds: ['us-1017'],
      },
    });
    const main = await addCheckedPdf(harness.handlers, 'package.pdf');
    const order = await addCheckedPdf(harness.handlers, 'package-order.pdf');
    for (const step of steps) {
      const documents =
        step.eventId === 'motion-to-intervene'
          ? [
              { documentId: main, type: 'main' as const, description: '' },
              { documentId: order, type: 'proposed-order' as const, description: 'Proposed Order' },
            ]
          : [{ documentId: main, type: 'main' as const, description: '' }];
      await harness.handlers['drafts.update']({ id: step.id, changes: { documents } });
    }
    // Step 2 cannot go before step 1 is submitted.
    const second = await harness.handlers['drafts.get']({ id: steps[1]?.id ?? '' });
    expect(second.checks.find((check) => check.source.includes('FAQ 41') && check.level === 'block')).toBeDefined();
    await expect(signAndSubmit(harness.handlers, steps[1]?.id ?? '', true)).rejects.toMatchObject({
      code: 'filing.not-ready',
    });
    // Step 2, queued while step 1 is submitted but its notice has not come, waits for the notice.
    const [first, next] = steps;
    await signAndSubmit(harness.handlers, first?.id ?? '', true);
    await waitForState(first?.id ?? '', ['submitted']);
    await signAndSubmit(harness.handlers, next?.id ?? '', true);
    await vi.waitFor(
      async () =>
        expect((await harness.handlers['drafts.get']({ id: next?.id ?? '' })).draft.outbox?.message).toMatch(
          /^Waits for the Notices of Electronic Filing of the earlier filings/,
        ),
      { timeout: 20_000, interval: 20 },
    );
    expect((await harness.handlers['drafts.get']({ id: first?.id ?? '' })).draft.outbox?.state).toBe('submitted');
    for (const step of steps.slice(1)) {
      if (step !== next) {
        await signAndSubmit(harness.handlers, step.id, true);
      }
      await waitForState(step.id, ['submitted', 'filed']);
    }
    const numbers = await Promise.all(
      steps.map(async (step) => (await harness.handlers['drafts.get']({ id: step.id })).draft.outbox?.deSeqNum ?? 0),
    );
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // FAQ 28: a filing is filed when its notice arrives; no step went to the court before the one before it was filed.
    const filed = await Promise.all(steps.map((step) => waitForState(step.id, ['filed'])));
    for (const [index, step] of filed.entries()) {
      const before = filed[index - 1];
      if (before) {
        expect(Date.parse(step.outbox?.submittedAt ?? '')).toBeGreaterThanOrEqual(
          Date.parse(before.outbox?.filedAt ?? ''),
        );
      }
    }
  });

  it('takes the clean copy in place of a blocked PDF once it is fixed, and the review lets it through', async () => {
    const draft = await harness.handlers['drafts.create']({});
    const blocked = await harness.handlers['documents.add']({
      jobId: 'js',
      name: 'with-script.pdf',
      bytes: new Uint8Array(await buildPdf(withOpenActionJavaScript)),
    });
    await vi.waitFor(
      async () =>
        expect(
          (await harness.handlers['documents.list']({})).find((record) => record.id === blocked.id)?.preflight.state,
        ).toBe('done'),
      { timeout: 20_000 },
    );
    const before = await harness.handlers['drafts.update']({
      id: draft.id,
      changes: appearanceIn1017(blocked.id),
    });
    expect(before.checks.map((check) => check.id)).toContain('document.preflight-blocked');
    const [version] = await harness.handlers['documents.fix']({ id: blocked.id, fix: 'clean-copy' });
    await vi.waitFor(
      async () =>
        expect(
          (await harness.handlers['documents.list']({})).find((record) => record.id === version?.id)?.preflight.state,
        ).toBe('done'),
      { timeout: 20_000 },
    );
    const after = await harness.handlers['drafts.get']({ id: draft.id });
    expect(after.draft.documents.map((document) => document.documentId)).toEqual([version?.id]);
    expect(after.canSubmit).toBe(true);
  });

  it('stops before the commit when the court does not offer the filer, naming what it could not fill', async () => {
    await logInFiler(harness.handlers, 'twalsh');
    const before = await docketEntryCount(harness.court);
    const draft = await filingDraft('form-11-notice-of-appearance', 'not-offered');
    // A party of another case: the app cannot know the court's list is different now; the filer screen does not offer it.
    await harness.handlers['drafts.update']({ id: draft.id, changes: { filerPartyIds: ['pcia'] } });
    await signAndSubmit(harness.handlers, draft.id, true).catch(() => undefined);
    const stopped = await waitForState(draft.id, ['needs-attention']);
    expect(stopped.outbox?.message).toContain(
      'After the filer page the court showed the filer page without each of the parties the filing is made for.',
    );
    expect(stopped.outbox?.stoppedAt?.step).toBe('filer');
    expect(await docketEntryCount(harness.court)).toBe(before);
  });

  it('marks a filing the court refuses as failed, with the court’s words', async () => {
    await logInFiler(harness.handlers, 'twalsh');
    // A confidential version from an account the court has not registered as a Confidential Information Filer: only
    // the court knows the account's registration, and it refuses once the case and the event are both chosen.
    const draft = await filingDraft('confidential-version', 'refused');
    await signAndSubmit(harness.handlers, draft.id, true).catch(() => undefined);
    const failed = await waitForState(draft.id, ['failed']);
    expect(failed.outbox?.message).toBe(
      'The court did not accept the filing at the case step: Only a CM/ECF Confidential Information Filer may file confidential documents. File the public version, or ask a confidential information filer to file this one.',
    );
  });
});

/** A ready-to-file draft in case 1017 for the government. */
async function filingDraft(eventId: string, note: string): Promise<Draft> {
  const draft = await harness.handlers['drafts.create']({});
  const parties = await harness.handlers['court.caseParties']({ caseId: 1017 });
  const main = await addCheckedPdf(harness.handlers, `${note}.pdf`);
  const review = await harness.handlers['drafts.update']({
    id: draft.id,
    changes: {
      case: { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
      parties,
      filerPartyIds: ['us-1017'],
      eventId,
      documents: [{ documentId: main, type: 'main', description: '' }],
      docketAnnotation: note,
    },
  });
  expect(review.canSubmit).toBe(true);
  return review.draft;
}
