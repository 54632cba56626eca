// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { blankDraft, createFakeBridge } from './fake-bridge';
import { openWizard, goToStep, changesSent } from './wizard-support';

afterEach(cleanup);

describe('starting a new action in the wizard (USCIT Rule 3(a))', () => {
  it('takes the caption as plaintiff v. the United States, with the plaintiff as the party filed for, and marks step 1 done', async () => {
    const bridge = createFakeBridge();
    await openWizard(bridge, blankDraft({ id: 'd1', eventId: 'motion-to-stay' }));

    fireEvent.click(screen.getByRole('radio', { name: /Start a new action/ }));
    await waitFor(() =>
      expect(changesSent(bridge)[0]).toMatchObject({ case: null, newAction: { caption: '' }, eventId: null }),
    );
    expect(screen.queryByTestId('case-search')).toBeNull();
    expect((screen.getByLabelText('Defendant') as HTMLInputElement).value).toBe('United States');

    fireEvent.change(screen.getByLabelText('Plaintiff'), { target: { value: 'Northwind Tools Inc.' } });
    await waitFor(() =>
      expect(changesSent(bridge).at(-1)).toEqual({
        case: null,
        newAction: { caption: 'Northwind Tools Inc. v. United States' },
        parties: [
          { id: 'new-plaintiff', name: 'Northwind Tools Inc.', role: 'Plaintiff', isServedElectronically: false },
          { id: 'new-defendant', name: 'United States', role: 'Defendant', isServedElectronically: false },
        ],
        filerPartyIds: ['new-plaintiff'],
      }),
    );
    expect(screen.getByTestId('new-action-caption').textContent).toContain('Northwind Tools Inc. v. United States');
    expect(screen.getAllByTestId('wizard-step')[0]?.dataset.mark).toBe('done');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
      'New action: Northwind Tools Inc. v. United States',
    );

    // The list of filings names it a new action, with its caption, until the court gives it a number.
    fireEvent.click(screen.getByTestId('back-to-list'));
    const row = await screen.findByTestId('draft-row');
    await waitFor(() => expect(row.textContent).toContain('New actionNorthwind Tools Inc. v. United States'));
  });

  it('offers only the events that open an action, and shows the filing fee of the one chosen (FAQ 21)', async () => {
    const bridge = createFakeBridge();
    await openWizard(bridge, blankDraft({ id: 'd1', newAction: { caption: 'Northwind Tools Inc. v. United States' } }));
    goToStep(2);

    const offered = screen.getAllByTestId('event-result').map((each) => each.dataset.eventId);
    expect(offered).toEqual(['summons', 'summons-and-complaint']);
    expect(screen.getByTestId('opening-events-note').textContent).toContain('USCIT Rule 3(a)');
    expect(screen.queryByTestId('event-fee')).toBeNull();

    fireEvent.click(screen.getAllByTestId('event-result')[0] as HTMLElement);
    await waitFor(() => expect(changesSent(bridge)).toEqual([{ eventId: 'summons' }]));
    const fee = screen.getByTestId('event-fee').textContent ?? '';
    expect(fee).toContain('A filing fee is due');
    expect(fee).toContain('Pay.gov');
    expect(fee).toContain('Initiating documents and Notices of Appeal may require filing fees');
  });

  it('in an existing case, offers every event and no opening note', async () => {
    await openWizard(createFakeBridge(), blankDraft({ id: 'd1' }));
    goToStep(2);
    expect(screen.getAllByTestId('event-result').length).toBeGreaterThan(2);
    expect(screen.queryByTestId('opening-events-note')).toBeNull();
  });
});
