import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseParty, Draft } from '../../../src-main/shared/filing';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { addCheckedPdf, logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { signAndSubmit } from '../../support/sign-and-submit';
import { decodeEntities } from '../../../src-main/core/html/decode-entities';
import { admin, CourtClient } from '../../support/training-court';

let harness: AccountsHarness;
const addPdf = (name: string, pages = 1): Promise<string> => addCheckedPdf(harness.handlers, name, pages);
const logIn = (loginId: string): Promise<string> => logInFiler(harness.handlers, loginId);
const waitForState = (id: string, states: string[], timeout?: number): Promise<Draft> =>
  waitForOutboxState(harness.handlers, id, states, timeout);
beforeEach(async () => {
  harness = await startAccountsHarness();
});
afterEach(async () => {
  await harness.stop();
});

const plaintiff: CaseParty = {
  id: 'new-1',
  name: 'Harbor Freight Lines Inc.',
  role: 'Plaintiff',
  isServedElectronically: false,
};
const defendant: CaseParty = { id: 'new-2', name: 'United States', role: 'Defendant', isServedElectronically: false };

/** A summons that opens "Harbor Freight Lines Inc. v. United States", ready to submit. */
async function newActionDraft(): Promise<Draft> {
  const draft = await harness.handlers['drafts.create']({});
  const summons = await addPdf('summons.pdf');
  const review = await harness.handlers['drafts.update']({
    id: draft.id,
    changes: {
      newAction: { caption: 'Harbor Freight Lines Inc. v. United States' },
      parties: [plaintiff, defendant],
      filerPartyIds: ['new-1'],
      eventId: 'summons',
      documents: [{ documentId: summons, type: 'main', description: '' }],
    },
  });
  expect(review.checks.filter((check) => check.level === 'block')).toEqual([]);
  // FAQ 21: the review says a fee is due with the summons.
  expect(review.checks.find((check) => check.id === 'fee.due')).toMatchObject({ level: 'info', source: 'FAQ 21' });
  return review.draft;
}

describe('filing a new action through the outbox (USCIT Rule 3(a))', () => {
  it('opens the case at the court, keeps the case it was given on the draft, and is filed when its NEF arrives', async () => {
    await logIn('twalsh');
    const draft = await newActionDraft();
    expect(draft.case).toBeNull();
    await signAndSubmit(harness.handlers, draft.id, true);
    const submitted = await waitForState(draft.id, ['submitted', 'filed']);
    const [found] = await harness.handlers['court.findCases']({ query: 'Harbor Freight' });
    expect(found).toBeDefined();
    expect(submitted.case).toEqual(found);
    expect(submitted.case?.caseNumber).toMatch(/^1:\d{2}-cv-\d{5}$/);
    expect(submitted.outbox).toMatchObject({
      deSeqNum: 1,
      documentNumber: 1,
      docketText:
        'Summons. Filed by Thomas Walsh of U.S. Department of Justice on behalf of Harbor Freight Lines Inc.. (Walsh, Thomas)',
    });
    // The filing's record says so for good: the outbox's own words about it last only until the notice arrives.
    const { entries } = await harness.handlers['record.get']({ draftId: draft.id });
    expect(entries.find((entry) => entry.action === 'outbox.submitted')?.detail).toContain(
      `The court opened ${submitted.case?.caseNumber} and received it as document 1`,
    );
    // The filer is counsel of record for the plaintiff in the new case.
    const parties = await harness.handlers['court.caseParties']({ caseId: submitted.case?.caseId ?? 0 });
    expect(parties.map((party) => [party.name, party.role, party.isServedElectronically])).toEqual([
      ['Harbor Freight Lines Inc.', 'Plaintiff', true],
      ['United States', 'Defendant', false],
    ]);
    const filed = await waitForState(draft.id, ['filed']);
    expect(filed.outbox?.filedAt).not.toBeNull();
  });

  it('files the complaint with the summons as the next entry of the new case', async () => {
    await logIn('twalsh');
    const draft = await newActionDraft();
    const complaint = await addPdf('complaint.pdf', 3);
    const review = await harness.handlers['drafts.update']({
      id: draft.id,
      changes: {
        eventId: 'summons-and-complaint',
        documents: [...draft.documents, { documentId: complaint, type: 'complaint', description: 'Complaint' }],
      },
    });
    expect(review.checks.filter((check) => check.level === 'block')).toEqual([]);
    await signAndSubmit(harness.handlers, draft.id, true);
    const submitted = await waitForState(draft.id, ['submitted', 'filed']);
    expect(submitted.outbox?.docketText).not.toContain('Attachments');
    // The docket of the new case, read as another filer would: the summons is entry 1, the complaint entry 2.
    const reader = new CourtClient(harness.court.url);
    await reader.loginAs('jmorgan');
    const docket = await (await reader.get(`/cgi-bin/DktRpt.pl?${submitted.case?.caseId}`)).text();
    const entries = [...docket.matchAll(/data-de-seq-num="(\d+)">.*?<td>([^<]*)<\/td><\/tr>/g)].map((match) => [
      Number(match[1]),
      decodeEntities(match[2] ?? '').split('.')[0],
    ]);
    expect(entries).toEqual([
      [1, 'Summons'],
      [2, 'Complaint against all defendants'],
    ]);
  });

  it('waits for the Clerk’s Office when the answer to the final submit is lost, and never sends the summons twice', async () => {
    await logIn('twalsh');
    const draft = await newActionDraft();
    await admin(harness.court, 'POST', '/admin/faults', { endpoint: 'filing-submit', dropAfterCommitRate: 1 });
    await signAndSubmit(harness.handlers, draft.id, true);
    const waiting = await waitForState(draft.id, ['needs-verification']);
    expect(waiting.case).toBeNull();
    expect(waiting.outbox?.message).toMatch(/Clerk's Office/);
    expect(waiting.outbox?.message).toMatch(/will not send the summons again/);
    await admin(harness.court, 'DELETE', '/admin/faults');
    // Trying again checks, and still does not send: the court opened exactly one case.
    await harness.handlers['outbox.retry']({ draftId: draft.id });
    // The check after the retry has run once its own words replace those of the lost answer.
    await vi.waitFor(
      async () =>
        expect((await harness.handlers['drafts.get']({ id: draft.id })).draft.outbox?.message).toMatch(
          /^The court's answer to the final submit was lost, so/,
        ),
      { timeout: 20_000 },
    );
    expect((await harness.handlers['drafts.get']({ id: draft.id })).draft.outbox).toMatchObject({
      state: 'needs-verification',
      // The first attempt stopped at the final text for the attorney's confirmation; the second was committed.
      attempts: 2,
    });
    expect(await harness.handlers['court.findCases']({ query: 'Harbor Freight' })).toHaveLength(1);
  });
});
