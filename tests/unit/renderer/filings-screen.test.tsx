// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import { DeadlineClock } from '../../../src-renderer/filings/DeadlineClock';
import { acmeCase, blankDraft, createFakeBridge, outboxStatus, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Renders the window and chooses Filings on the rail, as a user would. */
async function openFilings(bridge: FakeBridge): Promise<HTMLElement> {
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
  const filings = await screen.findByTestId('filings-screen');
  await waitFor(() => expect(bridge.channels()).toContain('drafts.list'));
  return filings;
}

function keep(bridge: FakeBridge, ...drafts: Draft[]): void {
  for (const draft of drafts) {
    bridge.drafts.set(draft.id, draft);
  }
}

function rowOf(id: string): HTMLElement {
  const row = screen.getAllByTestId('draft-row').find((each) => each.dataset.draftId === id);
  if (!row) {
    throw new Error(`no row for ${id}`);
  }
  return row;
}

function argsOf(bridge: FakeBridge, channel: string): unknown[] {
  return bridge.calls.filter((call) => call.channel === channel).map((call) => call.args);
}

describe('the Filings screen', () => {
  it('sits on the rail between Documents and Inbox, before Accounts and Help', () => {
    renderApp(createFakeBridge());
    const entries = within(screen.getByRole('navigation', { name: 'Screens' })).getAllByRole('button');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'Documents',
      'Filings',
      'Inbox',
      'Accounts',
      'Settings',
      'Help',
    ]);
  });

  it('with no filings, explains how to start one and shows no rows', async () => {
    await openFilings(createFakeBridge());

    const empty = await screen.findByTestId('filings-empty');
    expect(empty.textContent).toContain('No filings yet');
    expect(empty.textContent).toContain('Choose New filing to start.');
    expect(screen.queryByTestId('draft-row')).toBeNull();
    expect(screen.getByTestId('deadline-clock').textContent).toContain('Midnight Eastern in');
  });

  it('New filing creates a draft and opens the wizard at step 1, Case', async () => {
    const bridge = createFakeBridge();
    await openFilings(bridge);
    await screen.findByTestId('filings-empty');

    fireEvent.click(screen.getByTestId('new-filing'));

    const wizard = await screen.findByTestId('wizard');
    expect(bridge.channels()).toContain('drafts.create');
    const steps = within(wizard).getAllByTestId('wizard-step');
    expect(steps.map((step) => step.dataset.step)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(steps[0]?.getAttribute('aria-current')).toBe('step');
    expect(screen.getByTestId('case-search')).toBeTruthy();
  });

  it('the Motion to Intervene package shows five filings as one group, numbered in the order FAQ 41 files them', async () => {
    const bridge = createFakeBridge();
    await openFilings(bridge);
    await screen.findByTestId('filings-empty');

    fireEvent.click(screen.getByTestId('intervention-package'));

    const group = await screen.findByTestId('draft-package');
    const rows = within(group).getAllByTestId('draft-row');
    expect(rows).toHaveLength(5);
    expect(
      within(group)
        .getAllByTestId('package-step')
        .map((step) => step.textContent),
    ).toEqual(['Step 1 of 5', 'Step 2 of 5', 'Step 3 of 5', 'Step 4 of 5', 'Step 5 of 5']);
    expect(rows[0]?.textContent).toContain('Motion to Intervene');
    expect(rows[1]?.textContent).toContain('Form 11 Notice of Appearance');
    expect(rows[4]?.textContent).toContain('Form 17 Business Proprietary Information Certification (consultants)');
    expect(group.textContent).toContain('each filed separately and in this order (FAQ 41)');
  });

  it('names every outbox state in words, and offers Retry and Withdraw only where the outbox allows', async () => {
    const bridge = createFakeBridge();
    keep(
      bridge,
      blankDraft({ id: 'd-draft' }),
      blankDraft({ id: 'd-review', isReadyForReview: true }),
      blankDraft({ id: 'd-ready', outbox: outboxStatus({ state: 'ready' }) }),
      blankDraft({ id: 'd-submitting', outbox: outboxStatus({ state: 'submitting' }) }),
      blankDraft({ id: 'd-submitted', outbox: outboxStatus({ state: 'submitted' }) }),
      blankDraft({ id: 'd-filed', outbox: outboxStatus({ state: 'filed' }) }),
      blankDraft({ id: 'd-failed', outbox: outboxStatus({ state: 'failed' }) }),
      blankDraft({ id: 'd-verify', outbox: outboxStatus({ state: 'needs-verification' }) }),
    );
    await openFilings(bridge);
    await screen.findAllByTestId('draft-row');

    const words = (id: string): string => within(rowOf(id)).getByTestId('status-chip').textContent ?? '';
    expect(words('d-draft')).toBe('Draft');
    expect(words('d-review')).toBe('Ready for review');
    expect(words('d-ready')).toBe('Ready to send');
    expect(words('d-submitting')).toBe('Sending…');
    expect(words('d-submitted')).toBe('Awaiting NEF');
    expect(words('d-filed')).toBe('Filed');
    expect(words('d-failed')).toBe('Failed');
    expect(words('d-verify')).toBe('Check docket');
    expect(rowOf('d-verify').dataset.state).toBe('needs-verification');

    const has = (id: string, testId: string): boolean => within(rowOf(id)).queryByTestId(testId) !== null;
    expect(has('d-failed', 'retry-draft') && has('d-verify', 'retry-draft')).toBe(true);
    expect(has('d-ready', 'retry-draft') || has('d-submitted', 'retry-draft')).toBe(false);
    expect(has('d-ready', 'withdraw-draft') && has('d-failed', 'withdraw-draft')).toBe(true);
    expect(has('d-verify', 'withdraw-draft') || has('d-submitting', 'withdraw-draft')).toBe(false);
    expect(has('d-submitted', 'delete-draft') || has('d-ready', 'delete-draft')).toBe(false);

    fireEvent.click(within(rowOf('d-verify')).getByTestId('retry-draft'));
    await waitFor(() => expect(argsOf(bridge, 'outbox.retry')).toEqual([{ draftId: 'd-verify' }]));
    fireEvent.click(within(rowOf('d-ready')).getByTestId('withdraw-draft'));
    await waitFor(() => expect(argsOf(bridge, 'outbox.withdraw')).toEqual([{ draftId: 'd-ready' }]));
    await waitFor(() => expect(rowOf('d-ready').dataset.state).toBe('draft'));
  });

  it('deletes a draft only after the question is answered', async () => {
    const bridge = createFakeBridge();
    keep(bridge, blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint' }));
    await openFilings(bridge);

    fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('delete-draft'));
    const dialog = await screen.findByTestId('delete-draft-dialog');
    expect(dialog.textContent).toContain('1:26-cv-00123-MMB, Complaint');
    expect(argsOf(bridge, 'drafts.delete')).toEqual([]);

    fireEvent.click(within(dialog).getByTestId('confirm-delete-draft'));
    await screen.findByTestId('filings-empty');
    expect(argsOf(bridge, 'drafts.delete')).toEqual([{ id: 'd1' }]);
  });

  it('deleting a filed filing names it as filed, says its receipt and record go with it, and that it stays filed at the court', async () => {
    const bridge = createFakeBridge();
    keep(
      bridge,
      blankDraft({
        id: 'd1',
        case: acmeCase(),
        eventId: 'complaint',
        outbox: outboxStatus({
          state: 'filed',
          documentNumber: 7,
          hasReceipt: true,
          filedAt: '2025-03-04T16:05:00.000Z',
        }),
      }),
    );
    await openFilings(bridge);

    fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('delete-draft'));
    const dialog = await screen.findByTestId('delete-draft-dialog');
    const words = dialog.textContent ?? '';
    expect(within(dialog).getByRole('heading').textContent).toBe('Delete this filed filing?');
    expect(words).not.toContain('draft');
    expect(words).toContain('filed filing for 1:26-cv-00123-MMB, Complaint (document no. 7)');
    expect(words).toContain('court’s receipt');
    expect(words).toContain('filing record');
    expect(words).toContain('SHA-256');
    expect(words).toContain('stays filed with the court');
    expect(within(dialog).getByTestId('confirm-delete-draft').textContent).toBe('Delete from ECF Desk');
  });

  it('exports a draft as a download named after its case and event', async () => {
    const bridge = createFakeBridge();
    keep(bridge, blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint' }));
    const createObjectURL = vi.fn(() => 'blob:draft');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    let downloaded = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    await openFilings(bridge);

    fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('export-draft'));

    await waitFor(() => expect(downloaded).toBe('1-26-cv-00123-MMB Complaint.ecfdraft'));
    expect(argsOf(bridge, 'drafts.export')).toEqual([{ id: 'd1' }]);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('imports a .ecfdraft file and lists the draft it holds', async () => {
    const bridge = createFakeBridge();
    await openFilings(bridge);
    await screen.findByTestId('filings-empty');

    const file = new File(['package'], 'Acme Complaint.ecfdraft');
    fireEvent.change(screen.getByTestId('import-draft-input'), { target: { files: [file] } });

    await screen.findByTestId('draft-row');
    const [args] = argsOf(bridge, 'drafts.import') as { name: string; bytes: Uint8Array }[];
    expect(args?.name).toBe('Acme Complaint.ecfdraft');
    expect(new TextDecoder().decode(args?.bytes)).toBe('package');
  });

  it('reads the list again when main says drafts changed', async () => {
    const bridge = createFakeBridge();
    await openFilings(bridge);
    await screen.findByTestId('filings-empty');

    keep(bridge, blankDraft({ id: 'd9', outbox: outboxStatus({ state: 'filed' }) }));
    act(() => bridge.emit('drafts.changed', { id: 'd9' }));

    expect((await screen.findByTestId('draft-row')).dataset.state).toBe('filed');
  });
});

describe('the deadline clock', () => {
  it('counts down to midnight Eastern on the court clock and the filer’s own, and says Z-events keep the date after hours', () => {
    // 8:48 p.m. in Washington on a Monday in March (EST), 5:48 p.m. in Los Angeles.
    const evening = new Date('2025-03-04T01:48:00Z');
    render(<DeadlineClock readClock={() => evening} timeZone="America/Los_Angeles" />);

    const clock = screen.getByTestId('deadline-clock');
    expect(clock.textContent).toContain('Midnight Eastern in 3 h 12 min · 8:48 PM EST · 5:48 PM PST (your time)');
    expect(clock.dataset.level).toBe('calm');
    expect(screen.getByTestId('after-hours-note').textContent).toBe(
      "After Clerk's Office hours (8:30–5:00 ET): if you cannot find your event, Z-motion or Z-document preserves the filing date (FAQ 30).",
    );
  });

  it('turns amber under three hours and red in the last hour, ticking every second', () => {
    vi.useFakeTimers();
    let now = new Date('2025-03-04T02:30:00Z');
    render(<DeadlineClock readClock={() => now} timeZone="America/New_York" />);

    const clock = screen.getByTestId('deadline-clock');
    expect(clock.dataset.level).toBe('soon');
    expect(clock.querySelector('p')?.textContent).toBe('Midnight Eastern in 2 h 30 min · 9:30 PM EST');

    now = new Date('2025-03-04T04:30:00Z');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(clock.dataset.level).toBe('urgent');
    expect(clock.querySelector('p')?.textContent).toBe('Midnight Eastern in 30 min · 11:30 PM EST');
  });

  it('says nothing about Z-events while the Clerk’s Office is open', () => {
    const morning = new Date('2025-03-04T15:00:00Z');
    render(<DeadlineClock readClock={() => morning} timeZone="America/Chicago" />);

    expect(screen.getByTestId('deadline-clock').textContent).toContain('10:00 AM EST · 9:00 AM CST (your time)');
    expect(screen.queryByTestId('after-hours-note')).toBeNull();
  });
});
