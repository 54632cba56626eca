// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FirmDocket } from '../../../src-main/shared/firm-server';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

// The firm docket (docs/firm-server.md#the-firm-docket): on the rail only while a firm server is connected; one list of
// notices, deadlines and shared filings with their state, filtered by case, attorney and dates.

afterEach(cleanup);

const docket: FirmDocket = {
  items: [
    {
      kind: 'deadline',
      date: '2027-02-02',
      caseNumber: '1:26-cv-00456-GWC',
      title: 'Answer due',
      detail: 'ORDER: Answer due by 2/2/2027.',
      state: null,
      by: null,
    },
    {
      kind: 'filing',
      date: '2026-12-07',
      caseNumber: '1:26-cv-00123-MMB',
      title: 'Motion to Stay',
      detail: null,
      state: 'submitted',
      by: 'Jane Morgan',
    },
    {
      kind: 'notice',
      date: '2026-07-14',
      caseNumber: '1:26-cv-00123-MMB',
      title: 'Motion to Intervene',
      detail: 'MOTION to Intervene filed by Nucor Corp.',
      state: null,
      by: 'Nucor Corp.',
    },
  ],
  attorneys: ['bobrien', 'jmorgan'],
  isCut: false,
};

function connected(): FakeBridge {
  const bridge = createFakeBridge();
  bridge.answer('firmServer.status', () => ({
    url: 'https://ecf-desk.firm.example',
    managedBy: null,
    state: 'connected',
    user: { name: 'dana', role: 'docketing', cases: [], seesEveryCase: true },
    message: null,
  }));
  bridge.answer('firmServer.docket', () => docket);
  return bridge;
}

const docketCalls = (bridge: FakeBridge): unknown[] =>
  bridge.calls.filter((call) => call.channel === 'firmServer.docket').map((call) => call.args);

describe('the firm docket', () => {
  it('is on the rail only while a firm server is connected', async () => {
    renderApp(createFakeBridge());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Inbox' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Firm docket' })).toBeNull();
    cleanup();
    renderApp(connected());
    expect(await screen.findByRole('button', { name: 'Firm docket' })).toBeTruthy();
  });

  it('lists notices, deadlines and filings with their state, and filters by attorney, case and dates', async () => {
    const bridge = connected();
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Firm docket' }));
    const rows = await screen.findAllByTestId('docket-item');
    expect(rows.map((row) => row.dataset.kind)).toEqual(['deadline', 'filing', 'notice']);
    expect(within(rows[1] as HTMLElement).getByTestId('docket-state').textContent).toContain('Awaiting NEF');
    expect(rows[0]?.textContent).toContain('Answer due');
    expect(docketCalls(bridge)).toEqual([{}]);

    fireEvent.change(screen.getByTestId('docket-filter-attorney'), { target: { value: 'jmorgan' } });
    await waitFor(() => expect(docketCalls(bridge).at(-1)).toEqual({ attorney: 'jmorgan' }));
    fireEvent.change(screen.getByTestId('docket-filter-case'), { target: { value: ' 1:26-cv-00123 ' } });
    fireEvent.change(screen.getByTestId('docket-filter-from'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByTestId('docket-filter-apply'));
    await waitFor(() =>
      expect(docketCalls(bridge).at(-1)).toEqual({
        attorney: 'jmorgan',
        caseNumber: '1:26-cv-00123',
        from: '2026-12-01',
      }),
    );

    bridge.answer('firmServer.docket', () => ({ ...docket, items: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect((await screen.findByTestId('docket-empty')).textContent).toContain('Nothing on the firm docket yet');
    expect(docketCalls(bridge).at(-1)).toEqual({});
  });
});
