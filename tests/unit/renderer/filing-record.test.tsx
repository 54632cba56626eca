// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import type { RecordEntry } from '../../../src-main/shared/filing-record';
import { acmeCase, blankDraft, createFakeBridge, outboxStatus, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const sent = 'a'.repeat(64);
const stamped = 'c'.repeat(64);

function entry(index: number, overrides: Partial<RecordEntry>): RecordEntry {
  return {
    index,
    draftId: 'd1',
    at: '2026-12-05T15:00:00.000Z',
    osUser: 'paralegal1',
    account: null,
    action: 'draft.created',
    detail: '',
    documents: [],
    courtAnswer: null,
    previousHash: '0'.repeat(64),
    hash: String(index).repeat(64).slice(0, 64),
    ...overrides,
  };
}

const entries = [
  entry(1, { action: 'draft.created', detail: 'The draft was created.' }),
  entry(2, {
    action: 'outbox.submitted',
    detail: 'The court accepted the filing as entry 1.',
    account: { accountId: 'a1', loginId: 'jmorgan', name: 'Jane Morgan' },
  }),
];

async function openSubmitStep(bridge: FakeBridge, draft: Draft): Promise<HTMLElement> {
  bridge.drafts.set(draft.id, draft);
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
  fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('open-draft'));
  await screen.findByTestId('wizard');
  const step = screen.getAllByTestId('wizard-step').find((each) => each.dataset.step === '7');
  fireEvent.click(step as HTMLElement);
  return screen.findByTestId('filing-record');
}

const filedDraft = (courtCopies: NonNullable<Draft['outbox']>['courtCopies']): Draft =>
  blankDraft({
    id: 'd1',
    case: acmeCase(),
    eventId: 'complaint',
    outbox: outboxStatus({
      state: 'filed',
      filedAt: '2026-12-05T16:00:00.000Z',
      sentDocuments: [{ name: 'motion.pdf', sha256: sent }],
      courtCopies,
    }),
  });

describe('the filing record on a filing’s page', () => {
  it('lists what happened as a timeline, with who acted, and says the record verifies', async () => {
    const bridge = createFakeBridge();
    bridge.answer('record.get', () => ({ entries, verifies: true, brokenEntry: null }));
    const section = await openSubmitStep(bridge, filedDraft([]));

    const rows = await within(section).findAllByTestId('record-entry');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('paralegal1Draft createdThe draft was created.'),
      expect.stringContaining('paralegal1 as Jane Morgan (jmorgan)SubmittedThe court accepted the filing as entry 1.'),
    ]);
    expect(within(section).getByTestId('record-verdict').textContent).toContain('The record verifies');
    expect(bridge.calls.find((call) => call.channel === 'record.get')?.args).toEqual({ draftId: 'd1' });
  });

  it('names the broken entry when the record no longer verifies', async () => {
    const bridge = createFakeBridge();
    bridge.answer('record.get', () => ({ entries, verifies: false, brokenEntry: 2 }));
    const section = await openSubmitStep(bridge, filedDraft([]));
    await waitFor(() => expect(within(section).getByRole('alert').textContent).toContain('Entry 2 is broken'));
  });

  it('exports the record as JSON and the report as PDF, named after the case', async () => {
    const bridge = createFakeBridge();
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:record'), revokeObjectURL: vi.fn() });
    const downloaded: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded.push(this.download);
    });
    const section = await openSubmitStep(bridge, filedDraft([]));

    fireEvent.click(within(section).getByRole('button', { name: 'Export record (JSON)' }));
    await waitFor(() => expect(downloaded).toEqual(['Filing record 1-26-cv-00123-MMB.json']));
    fireEvent.click(within(section).getByRole('button', { name: 'Export report (PDF)' }));
    await waitFor(() => expect(downloaded[1]).toBe('Filing record 1-26-cv-00123-MMB (report).pdf'));
    expect(bridge.calls.filter((call) => call.channel === 'record.export').map((call) => call.args)).toEqual([
      { draftId: 'd1', format: 'json' },
      { draftId: 'd1', format: 'pdf' },
    ]);
  });

  it('shows a filed document verified against the court’s copy, and a copy that differs plainly with both hashes', async () => {
    const bridge = createFakeBridge();
    const check = {
      name: 'motion.pdf',
      sentSha256: sent,
      stamp: '[STAMP dcecfStamp_ID=1]',
      checkedAt: '2026-12-05T16:01:00.000Z',
    };
    await openSubmitStep(bridge, filedDraft([{ ...check, courtSha256: sent, matches: true }]));
    expect((await screen.findByTestId('court-copies')).textContent).toContain('Verified against the court’s copy');
    cleanup();

    const differs = createFakeBridge();
    await openSubmitStep(differs, filedDraft([{ ...check, courtSha256: stamped, matches: false }]));
    const copy = await screen.findByTestId('court-copy');
    expect(copy.dataset.matches).toBe('false');
    expect(copy.className).toContain('court-copies__item--differs');
    expect(copy.textContent).toContain('The court’s copy differs from what was sent');
    expect(copy.textContent).toContain(sent);
    expect(copy.textContent).toContain(stamped);
  });
});
