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
});
