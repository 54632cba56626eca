// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft, DraftChanges } from '../../../src-main/shared/filing';
import { acmeCase, blankDraft, createFakeBridge, inboxItem, outboxStatus, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

// Noon Eastern (EDT) on Tuesday, March 10, 2026; only Date is faked, so timers and debounces run as usual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T16:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function openFilings(bridge: FakeBridge, ...drafts: Draft[]): Promise<HTMLElement[]> {
  for (const draft of drafts) {
    bridge.drafts.set(draft.id, draft);
  }
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
  await waitFor(() => expect(screen.getAllByTestId('draft-row')).toHaveLength(drafts.length));
  return screen.getAllByTestId('draft-row');
}

async function openWizard(bridge: FakeBridge, draft: Draft): Promise<HTMLElement> {
  await openFilings(bridge, draft);
  fireEvent.click(within(screen.getByTestId('draft-row')).getByTestId('open-draft'));
  return screen.findByTestId('wizard');
}

function chipOf(row: HTMLElement): HTMLElement | null {
  return within(row).queryByTestId('due-chip');
}

function changesSent(bridge: FakeBridge): DraftChanges[] {
  return bridge.calls
    .filter((call) => call.channel === 'drafts.update')
    .map((call) => (call.args as { changes: DraftChanges }).changes);
}

const due = (date: string, reason = 'Response to ECF No. 12') => ({ date, reason });

describe('due dates on the Filings list (FAQ 27: midnight Eastern)', () => {
  it('shows Late in the error colour, Due today in the warning colour, and Due in 3 days', async () => {
    const bridge = createFakeBridge();
    await openFilings(
      bridge,
      blankDraft({ id: 'late', due: due('2026-03-09'), updatedAt: '2026-03-10T10:00:00.000Z' }),
      blankDraft({ id: 'today', due: due('2026-03-10'), updatedAt: '2026-03-10T09:00:00.000Z' }),
      blankDraft({ id: 'soon', due: due('2026-03-13'), updatedAt: '2026-03-10T08:00:00.000Z' }),
      blankDraft({ id: 'none', updatedAt: '2026-03-10T07:00:00.000Z' }),
    );
    const row = (id: string) => screen.getAllByTestId('draft-row').find((each) => each.dataset.draftId === id)!;

    expect(chipOf(row('late'))?.dataset.tone).toBe('due-late');
    expect(chipOf(row('late'))?.textContent).toMatch(/^Late/);
    expect(chipOf(row('today'))?.dataset.tone).toBe('due-today');
    expect(chipOf(row('today'))?.textContent).toMatch(/^Due today/);
    expect(chipOf(row('soon'))?.dataset.tone).toBe('due-soon');
    expect(chipOf(row('soon'))?.textContent).toMatch(/^Due in 3 days/);
    expect(chipOf(row('none'))).toBeNull();
    // The chip's full story is there for screen readers and on hover: midnight Eastern, and the reason.
    expect(chipOf(row('today'))?.textContent).toContain('midnight Eastern at the end of Tuesday, March 10, 2026');
    expect(chipOf(row('today'))?.getAttribute('title')).toContain('(Response to ECF No. 12)');
  });

  it('a filing on the docket shows no due chip', async () => {
    const bridge = createFakeBridge();
    const [row] = await openFilings(
      bridge,
      blankDraft({ id: 'filed', case: acmeCase(), due: due('2026-03-09'), outbox: outboxStatus({ state: 'filed' }) }),
    );
    expect(chipOf(row!)).toBeNull();
  });

  it('the outbox panel shows how near the due date is while the filing waits', async () => {
    const bridge = createFakeBridge();
    await openWizard(
      bridge,
      blankDraft({ id: 'waiting', case: acmeCase(), due: due('2026-03-10'), outbox: outboxStatus({ state: 'ready' }) }),
    );
    const panel = await screen.findByTestId('outbox-status');
    const line = within(panel).getByTestId('outbox-due');
    expect(line.textContent).toContain('Due Mar 10, 2026');
    expect(within(line).getByTestId('due-chip').dataset.tone).toBe('due-today');
  });
});

describe('setting a filing’s due date in the wizard', () => {
  it('saves a typed date, then its reason, and Clear removes it', async () => {
    const bridge = createFakeBridge();
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    expect(screen.getByTestId('due-reason-input')).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByTestId('due-date-input'), { target: { value: '2026-03-13' } });
    await waitFor(() => expect(changesSent(bridge).at(-1)).toEqual({ due: { date: '2026-03-13', reason: '' } }));
    expect((await screen.findByTestId('due-date-current')).textContent).toContain('Due in 3 days');

    fireEvent.change(screen.getByTestId('due-reason-input'), { target: { value: 'Answer to the complaint' } });
    await waitFor(() =>
      expect(changesSent(bridge).at(-1)).toEqual({ due: { date: '2026-03-13', reason: 'Answer to the complaint' } }),
    );

    fireEvent.click(screen.getByTestId('clear-due-date'));
    await waitFor(() => expect(changesSent(bridge).at(-1)).toEqual({ due: null }));
    expect(screen.queryByTestId('due-date-current')).toBeNull();
  });

  it('takes a deadline from a notice of the case, or the response date the rules set for a motion', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({ id: 'order', caseNumber: '1:26-cv-00123-MMB' }),
      inboxItem({
        id: 'motion',
        caseNumber: '1:26-cv-00123-MMB',
        documentNumber: '14',
        docketText: 'MOTION to Dismiss. Response to Dispositive Motion due by 4/8/2026. Filed by United States.',
        dateFiled: '2026-03-04',
        deadlines: [{ date: '2026-04-08', label: 'Response to Dispositive Motion due' }],
      }),
      inboxItem({ id: 'other-case', caseNumber: '1:26-cv-00999-JAR' }),
    );
    await openWizard(bridge, blankDraft({ id: 'd1', case: acmeCase() }));

    fireEvent.click(screen.getByTestId('use-notice-deadline'));
    await waitFor(() => expect(screen.getAllByTestId('notice-deadline')).toHaveLength(3));
    const query = bridge.calls.find((call) => call.channel === 'inbox.list' && 'hasDeadline' in (call.args as object));
    expect(query?.args).toEqual({ caseNumber: '1:26-cv-00123', hasDeadline: true, limit: 50 });
    const options = screen.getAllByTestId('notice-deadline').map((option) => option.textContent);
    expect(options).toContain(
      'Apr 8, 2026Response to dispositive motion due (ECF No. 14; USCIT Rule 7(d))ECF No. 14, filed Mar 4, 2026; computed under USCIT Rule 7(d)',
    );

    fireEvent.click(screen.getAllByTestId('notice-deadline')[0]!);
    await waitFor(() =>
      expect(changesSent(bridge).at(-1)).toEqual({ due: { date: '2026-04-15', reason: 'Response due (ECF No. 12)' } }),
    );
    expect(screen.queryByTestId('notice-deadline')).toBeNull();
    expect(screen.getByTestId('due-reason-input')).toHaveProperty('value', 'Response due (ECF No. 12)');
  });

  it('says so when no notice of the case sets a deadline', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(inboxItem({ id: 'other-case', caseNumber: '1:26-cv-00999-JAR' }));
    await openWizard(bridge, blankDraft({ id: 'd1', case: acmeCase() }));

    fireEvent.click(screen.getByTestId('use-notice-deadline'));
    expect((await screen.findByTestId('no-notice-deadlines')).textContent).toContain(
      'No notice of this case in the Inbox sets a deadline',
    );
  });

  it('offers no notice deadlines before a case is chosen', async () => {
    const bridge = createFakeBridge();
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    expect(screen.queryByTestId('use-notice-deadline')).toBeNull();
  });
});
