// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import {
  acmeCase,
  blankDraft,
  caseParty,
  createFakeBridge,
  loggedInSession,
  pacerAccount,
  savingKeychain,
  type FakeBridge,
} from './fake-bridge';
import { goToStep, openWizard } from './wizard-support';

afterEach(cleanup);

const janeMorgan = pacerAccount({ id: 'a1', loginId: 'jmorgan', name: 'Jane Morgan' });

/** Jane Morgan, counsel for Acme, logged in with her filer account. */
function bridgeWithJaneMorgan(): FakeBridge {
  const bridge = createFakeBridge();
  bridge.answer('accounts.list', () => ({ accounts: [janeMorgan], keychain: savingKeychain() }));
  bridge.answer('session.status', () => loggedInSession(janeMorgan));
  return bridge;
}

/** Acme Steel v. United States as the court's party report lists it: each party with its counsel of record. */
const parties = [
  caseParty({ id: 'acme', name: 'Acme Steel Corp.', counsel: ['Morgan, Jane', 'Patel, Riya'] }),
  caseParty({ id: 'us', name: 'United States', role: 'Defendant', counsel: ['Walsh, Thomas'] }),
  caseParty({
    id: 'brennan',
    name: 'Harold Brennan',
    role: 'Intervenor',
    counsel: [],
    isServedElectronically: false,
    address: '18 Orchard Lane, Burlington, VT 05401',
  }),
];

function acmeMotion(overrides: Partial<Draft> = {}): Draft {
  return blankDraft({ id: 'd1', case: acmeCase(), eventId: 'motion-for-extension-of-time', parties, ...overrides });
}

describe('filing for a party the filer is not counsel for', () => {
  it('warns on the parties step, naming the party, its counsel, why it matters and what to do', async () => {
    const bridge = bridgeWithJaneMorgan();
    await openWizard(bridge, acmeMotion({ filerPartyIds: ['acme'] }));
    goToStep(3);
    await waitFor(() => expect(screen.getAllByTestId('party-option')).toHaveLength(3));
    expect(screen.queryByTestId('counsel-warning')).toBeNull();

    const unitedStates = screen.getAllByTestId('party-option').find((each) => each.dataset.partyId === 'us');
    fireEvent.click(within(unitedStates as HTMLElement).getByRole('checkbox'));

    const warning = await screen.findByTestId('counsel-warning');
    expect(warning.textContent).toContain(
      'Jane Morgan (jmorgan) is not listed as counsel of record for United States in 1:26-cv-00123-MMB.',
    );
    expect(warning.textContent).toContain('the court lists Walsh, Thomas');
    expect(warning.textContent).toContain('may be struck');
    expect(warning.textContent).toContain('Form 11 Notice of Appearance');
    expect(warning.textContent).not.toContain('Acme Steel Corp.');
  });

  it('warns for a party that appears for itself, with no attorney of record', async () => {
    const bridge = bridgeWithJaneMorgan();
    await openWizard(bridge, acmeMotion({ filerPartyIds: ['brennan'] }));
    goToStep(3);

    expect((await screen.findByTestId('counsel-warning')).textContent).toContain('the court lists no attorney');
  });

  it('says nothing for a notice of appearance, which makes its filer counsel of record', async () => {
    const bridge = bridgeWithJaneMorgan();
    await openWizard(bridge, acmeMotion({ eventId: 'form-11-notice-of-appearance', filerPartyIds: ['us'] }));
    goToStep(3);

    await waitFor(() => expect(screen.getAllByTestId('party-option')).toHaveLength(3));
    expect(screen.queryByTestId('counsel-warning')).toBeNull();
  });
});
