// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acmeCase, blankDraft, createFakeBridge, outboxStatus } from './fake-bridge';
import { openWizard } from './wizard-support';

afterEach(cleanup);

describe('a filing that stopped at a court page ECF Desk does not recognise', () => {
  it('says nothing was filed, and offers the court’s CM/ECF, the page it stopped at, Retry and Withdraw', async () => {
    const bridge = createFakeBridge();
    bridge.answer('outbox.stoppedPage', () => ({ html: '<h2>Notice to Filers</h2>' }));
    const createObjectURL = vi.fn(() => 'blob:page');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const outbox = outboxStatus({
      state: 'needs-attention',
      message: 'The court showed a page ECF Desk does not recognise where it expected the documents page.',
      stoppedAt: { step: 'documents', courtUrl: 'https://ecf.cit.uscourts.gov/' },
    });
    await openWizard(bridge, blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint', outbox }));

    const status = screen.getByTestId('outbox-status');
    expect(status.dataset['state']).toBe('needs-attention');
    expect(within(status).getByText(/stopped before the final submit.*Nothing was filed/)).toBeTruthy();
    const court = within(status).getByRole('link', { name: 'Open the court’s CM/ECF' });
    expect(court.getAttribute('href')).toBe('https://ecf.cit.uscourts.gov/');
    expect(court.getAttribute('target')).toBe('_blank');
    expect(within(status).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(within(status).getByRole('button', { name: 'Withdraw to a draft' })).toBeTruthy();

    fireEvent.click(within(status).getByRole('button', { name: /Save the page it stopped at/ }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(bridge.calls.find((call) => call.channel === 'outbox.stoppedPage')?.args).toEqual({ draftId: 'd1' });
  });
});

describe("a filing that waits for the attorney to confirm the court's docket text", () => {
  const courtText =
    'Complaint. Filed by Jane Morgan of Morgan & Reyes LLP on behalf of Acme Steel Corp.. (Morgan, Jane)';

  it('shows the court’s own words and confirms exactly them; no court page to open or save', async () => {
    const bridge = createFakeBridge();
    const outbox = outboxStatus({
      state: 'needs-attention',
      message: 'The court showed the docket text it will enter. Read it and confirm it to file; nothing was filed yet.',
      stoppedAt: { step: 'final-text', courtUrl: 'https://ecf.cit.uscourts.gov/' },
      courtDocketText: courtText,
    });
    await openWizard(bridge, blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint', outbox }));

    const status = screen.getByTestId('outbox-status');
    expect(
      within(status).getByText('Confirm the docket text the court will enter. Nothing was filed yet.'),
    ).toBeTruthy();
    expect(within(status).getByTestId('court-docket-text').textContent).toBe(courtText);
    expect(within(status).queryByRole('link', { name: 'Open the court’s CM/ECF' })).toBeNull();
    expect(within(status).getByRole('button', { name: 'Withdraw to a draft' })).toBeTruthy();
    expect(within(status).queryByRole('button', { name: 'Retry' })).toBeNull();

    fireEvent.click(within(status).getByRole('button', { name: 'Confirm this docket text and file' }));
    await waitFor(() =>
      expect(bridge.calls.find((call) => call.channel === 'outbox.confirmDocketText')?.args).toEqual({
        draftId: 'd1',
        docketText: courtText,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('outbox-status').dataset['state']).toBe('submitting'));
  });
  it('on a page map’s first use, lists each court screen with what was filled in, the new ones marked', async () => {
    const bridge = createFakeBridge();
    const outbox = outboxStatus({
      state: 'needs-attention',
      message: 'The court showed the docket text it will enter. This page map is new here: check each screen.',
      stoppedAt: { step: 'final-text', courtUrl: 'https://ecf.cit.uscourts.gov/' },
      courtDocketText: courtText,
      courtScreens: {
        mapDigest: 'a'.repeat(64),
        screens: [
          { step: 'events', heading: 'Civil Events', filled: [{ field: 'event', value: 'Complaint' }], isNew: false },
          {
            step: 'joint-filing',
            heading: 'Civil Events',
            filled: [{ field: 'Is this a joint filing with other attorney(s)?', value: 'No' }],
            isNew: true,
          },
          { step: 'final-text', heading: 'Civil Events', filled: [], isNew: false },
        ],
      },
    });
    await openWizard(bridge, blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint', outbox }));

    const status = screen.getByTestId('outbox-status');
    const screens = within(status).getAllByTestId('court-screen');
    expect(screens.map((each) => each.dataset['step'])).toEqual(['events', 'joint-filing', 'final-text']);
    expect(screens.map((each) => each.dataset['new'])).toEqual(['false', 'true', 'false']);
    expect(screens[1]?.textContent).toBe(
      'Joint filing question — the page says “Civil Events”NewIs this a joint filing with other attorney(s)?No',
    );
    fireEvent.click(
      within(status).getByRole('button', { name: 'Confirm these screens and this docket text, and file' }),
    );
    await waitFor(() =>
      expect(bridge.calls.find((call) => call.channel === 'outbox.confirmDocketText')?.args).toEqual({
        draftId: 'd1',
        docketText: courtText,
      }),
    );
  });
});
