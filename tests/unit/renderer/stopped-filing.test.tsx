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
