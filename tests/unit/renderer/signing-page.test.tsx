// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import {
  acmeCase,
  blankDraft,
  caseParty,
  createFakeBridge,
  documentRecord,
  draftReview,
  loggedInSession,
  pacerAccount,
  savingKeychain,
  type FakeBridge,
} from './fake-bridge';
import { goToStep, openWizard } from './wizard-support';

afterEach(cleanup);

const janeMorgan = pacerAccount({ id: 'a1', loginId: 'jmorgan', name: 'Jane Morgan' });

/** The motion and its exhibit as the Documents list holds them. */
const motionPdf = documentRecord({
  id: 'doc-motion',
  name: 'Motion for Extension.pdf',
  pages: 4,
  bytes: 183_500,
  sha256: 'a1'.repeat(32),
});
const exhibitPdf = documentRecord({
  id: 'doc-exhibit',
  name: 'Exhibit A.pdf',
  pages: 1,
  bytes: 900,
  sha256: 'b2'.repeat(32),
});

/** Jane Morgan, counsel for Acme, logged in with her filer account. */
function bridgeWithJaneMorgan(): FakeBridge {
  const bridge = createFakeBridge([motionPdf, exhibitPdf]);
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

describe('the signing page (step 7)', () => {
  const docketText =
    'MOTION for Extension of Time. Filed by Jane Morgan of Morgan & Reyes LLP on behalf of Acme Steel Corp.. Attachments: # (1) Exhibit A (Morgan, Jane)';

  /** A motion for Acme with its exhibit, ready to file and not yet signed, open at step 7. */
  async function openSigningPage(bridge: FakeBridge, overrides: Partial<Draft> = {}): Promise<HTMLElement> {
    bridge.reviewDraft = (each) => draftReview(each, { canSubmit: true, docketTextPreview: docketText });
    await openWizard(
      bridge,
      acmeMotion({
        filerPartyIds: ['acme'],
        documents: [
          { documentId: 'doc-motion', type: 'main', description: '' },
          { documentId: 'doc-exhibit', type: 'exhibit', description: 'Exhibit A' },
        ],
        ...overrides,
      }),
    );
    goToStep(7);
    return screen.findByTestId('signing-page');
  }

  it('shows the documents in order with type, pages, size and SHA-256, for whom, the service, the docket text and the signer', async () => {
    const bridge = bridgeWithJaneMorgan();
    const page = await openSigningPage(bridge);

    const rows = within(within(page).getByRole('table', { name: 'Documents filed, in order' })).getAllByRole('row');
    const cells = (row: HTMLElement | undefined): string[] =>
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '');
    await waitFor(() =>
      expect(cells(rows[1])).toEqual([
        '1',
        'Main document',
        'Motion for Extension.pdf',
        '4',
        '179.2 KB',
        'a1'.repeat(32),
      ]),
    );
    expect(cells(rows[2])).toEqual(['2', 'Exhibit — Exhibit A', 'Exhibit A.pdf', '1', '900 bytes', 'b2'.repeat(32)]);

    expect(within(page).getByTestId('signing-filed-for').textContent).toContain('Acme Steel Corp., Plaintiff');
    const service = within(page).getByTestId('signing-service').textContent;
    expect(service).toContain('Served electronically by the court’s notice: United States');
    expect(service).toContain('Served by other means: Harold Brennan, 18 Orchard Lane, Burlington, VT 05401');
    expect(within(page).getByTestId('signing-docket-text').textContent).toBe(docketText);
    await waitFor(() =>
      expect(within(page).getByTestId('signing-signer').textContent).toContain('Jane Morgan, PACER login jmorgan'),
    );
  });

  it('has one control that says what pressing it does, and pressing it signs as the attorney and files once', async () => {
    const bridge = bridgeWithJaneMorgan();
    const page = await openSigningPage(bridge);

    const buttons = within(page).getAllByRole('button');
    expect(buttons).toHaveLength(1);
    const confirm = within(page).getByRole('button', { name: 'Sign and file with the court' });
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));
    expect(confirm.getAttribute('aria-describedby')).toBeTruthy();
    const said = document.getElementById(confirm.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(said).toContain('This sends the filing to the court now');
    expect(said).toContain('Jane Morgan (jmorgan)');

    confirm.focus();
    fireEvent.click(confirm);

    await screen.findByTestId('outbox-status');
    expect(bridge.channels().filter((channel) => channel === 'drafts.sign' || channel === 'outbox.submit')).toEqual([
      'drafts.sign',
      'outbox.submit',
    ]);
    expect(bridge.calls.find((call) => call.channel === 'drafts.sign')?.args).toEqual({
      id: 'd1',
      name: 'Jane Morgan',
      role: '',
    });
    expect(bridge.calls.find((call) => call.channel === 'outbox.submit')?.args).toEqual({
      draftId: 'd1',
      sendNow: true,
    });
  });

  it('files after signing even when main says the filing changed while it was being signed', async () => {
    const bridge = bridgeWithJaneMorgan();
    const page = await openSigningPage(bridge);
    // Main announces every change, the signature too: the screen reads the draft again while the sign call answers.
    let signed = false;
    bridge.answer('drafts.sign', ({ id, name, role }) => {
      const held = bridge.drafts.get(id) ?? acmeMotion();
      const signature = {
        accountId: 'a1',
        loginId: 'jmorgan',
        name,
        role,
        signedAt: held.updatedAt,
        digest: 'f'.repeat(64),
      };
      bridge.drafts.set(id, { ...held, signature });
      // The read the event asks for answers later than the sign call, as it does over HTTP.
      const read = bridge.drafts.get(id) ?? held;
      bridge.answer(
        'drafts.get',
        () =>
          new Promise((resolve) =>
            setTimeout(() => resolve(draftReview(read, { canSubmit: true, docketTextPreview: docketText })), 50),
          ),
      );
      bridge.emit('drafts.changed', { id });
      signed = true;
      return draftReview(bridge.drafts.get(id) ?? held, { canSubmit: true, docketTextPreview: docketText });
    });
    const confirm = within(page).getByRole('button', { name: 'Sign and file with the court' });
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(confirm);

    await screen.findByTestId('outbox-status');
    expect(signed).toBe(true);
    expect(bridge.calls.filter((call) => call.channel === 'outbox.submit')).toHaveLength(1);
  });

  it('shows the counsel warning beside the signature when the attorney files for a party they are not counsel for', async () => {
    const bridge = bridgeWithJaneMorgan();
    const page = await openSigningPage(bridge, { filerPartyIds: ['us'] });

    expect((await within(page).findByTestId('counsel-warning')).textContent).toContain(
      'not listed as counsel of record for United States',
    );
  });
});
