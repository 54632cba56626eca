// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import {
  acmeCase,
  blankDraft,
  bridgeError,
  caseParty,
  createFakeBridge,
  documentRecord,
  type FakeBridge,
} from './fake-bridge';
import { renderApp } from './render-app';
import { changesSent, documentsSaved, goToStep, openWizard } from './wizard-support';

afterEach(cleanup);

const parties = [
  caseParty({ id: 'p1', name: 'Acme Steel Corp.', role: 'Plaintiff' }),
  caseParty({ id: 'p2', name: 'United States', role: 'Defendant' }),
  caseParty({
    id: 'p3',
    name: 'Harold Brennan',
    role: 'Intervenor',
    isServedElectronically: false,
    address: '18 Orchard Lane, Burlington, VT 05401',
  }),
];

const main = documentRecord({ id: 'main', name: 'Motion.pdf' });

function draftFiledFor(filerPartyIds: string[]): Draft {
  return blankDraft({
    id: 'd1',
    case: acmeCase(),
    parties,
    filerPartyIds,
    eventId: 'motion-for-extension-of-time',
    documents: [{ documentId: 'main', type: 'main', description: '' }],
  });
}

/** What main does when it makes the certificate: attaches it, as made by ECF Desk, to the draft it holds. */
function attachCertificate(bridge: FakeBridge, id: string): Draft {
  const draft = bridge.drafts.get(id) as Draft;
  const made: Draft = {
    ...draft,
    documents: [
      ...draft.documents,
      {
        documentId: 'cos',
        type: 'certificate-of-service',
        description: 'Certificate of Service',
        generatedFrom: 'f'.repeat(64),
      },
    ],
  };
  bridge.drafts.set(id, made);
  return made;
}

/** Opens the draft in the wizard at step 4, Documents. */
async function openDocumentsStep(bridge: FakeBridge, draft: Draft): Promise<void> {
  bridge.drafts.set(draft.id, draft);
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
  fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('open-draft'));
  await screen.findByTestId('wizard');
  const step = screen.getAllByTestId('wizard-step').find((each) => each.dataset.step === '4');
  fireEvent.click(step as HTMLElement);
  await screen.findByTestId('documents-step');
}

describe('the certificate of service on the Documents step (FAQ 37–38)', () => {
  it('names who is served by mail and where, and makes the certificate through main, then offers to make it again', async () => {
    const bridge = createFakeBridge([main, documentRecord({ id: 'cos', name: 'Certificate of Service.pdf' })]);
    bridge.answer('drafts.makeCertificateOfService', ({ id }) => bridge.reviewDraft(attachCertificate(bridge, id)));
    await openDocumentsStep(bridge, draftFiledFor(['p2']));

    const panel = screen.getByTestId('service-by-other-means');
    expect(within(panel).getByRole('heading', { name: 'Served by other means' })).toBeTruthy();
    const served = within(panel).getAllByTestId('served-by-mail');
    expect(served).toHaveLength(1);
    expect(served[0]?.textContent).toContain('Harold Brennan, Intervenor');
    expect(within(served[0] as HTMLElement).getByTestId('mailing-address').textContent).toBe(
      '18 Orchard Lane, Burlington, VT 05401',
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Make certificate of service' }));

    expect(await within(panel).findByRole('button', { name: 'Make it again' })).toBeTruthy();
    expect(
      bridge.calls.filter((call) => call.channel === 'drafts.makeCertificateOfService').map((call) => call.args),
    ).toEqual([{ id: 'd1' }]);
    const rows = within(screen.getByRole('list', { name: 'Documents of the filing' })).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(panel.textContent).toContain('made by ECF Desk');
  });

  it('keeps the certificate main attached while a PDF added meanwhile joins the filing', async () => {
    // Main attaches the certificate first and answers later; the PDF added in between is attached to main's list as
    // it is then, not to the one on screen, which does not have the certificate yet.
    const bridge = createFakeBridge([main, documentRecord({ id: 'cos', name: 'Certificate of Service.pdf' })]);
    let answerMade = (): void => undefined;
    bridge.answer('drafts.makeCertificateOfService', ({ id }) => {
      const made = attachCertificate(bridge, id);
      return new Promise((resolve) => {
        answerMade = () => resolve(bridge.reviewDraft(made));
      });
    });
    bridge.answer('documents.add', ({ name }) => documentRecord({ id: 'disclosure', name }));
    await openDocumentsStep(bridge, draftFiledFor(['p2']));

    fireEvent.click(screen.getByRole('button', { name: 'Make certificate of service' }));
    await waitFor(() => expect(bridge.channels()).toContain('drafts.makeCertificateOfService'));
    fireEvent.change(screen.getByTestId('add-pdfs-input'), {
      target: { files: [new File(['%PDF-1.7 test'], 'Disclosure.pdf', { type: 'application/pdf' })] },
    });
    await waitFor(() => expect(documentsSaved(bridge).map((each) => each.documentId)).toContain('disclosure'));
    answerMade();

    expect(documentsSaved(bridge).map((each) => each.documentId)).toEqual(['main', 'cos', 'disclosure']);
    // The certificate's late answer does not take the added PDF off the screen.
    expect(await screen.findByRole('button', { name: 'Make it again' })).toBeTruthy();
    const rows = within(screen.getByRole('list', { name: 'Documents of the filing' })).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
  });

  it('shows why main refused, in the banner, and lets the user try again', async () => {
    const bridge = createFakeBridge([main]);
    bridge.answer('drafts.makeCertificateOfService', () => {
      throw bridgeError(
        'certificate.no-signer',
        "ECF Desk does not know the attorney's name yet. Add it to their account on the Accounts screen.",
      );
    });
    await openDocumentsStep(bridge, draftFiledFor(['p2']));

    const button = within(screen.getByTestId('service-by-other-means')).getByRole('button', {
      name: 'Make certificate of service',
    });
    fireEvent.click(button);
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('The certificate of service was not made.');
    expect(banner.textContent).toContain('Add it to their account on the Accounts screen.');
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    expect(button.textContent).toBe('Make certificate of service');
  });

  it('shows no panel when the only party not served electronically is one the filing is for', async () => {
    const bridge = createFakeBridge([main]);
    await openDocumentsStep(bridge, draftFiledFor(['p3']));
    expect(screen.queryByTestId('service-by-other-means')).toBeNull();
  });

  it('says the certificate of service is at the end of the main document: saved with the draft, and no separate certificate is asked for', async () => {
    const bridge = createFakeBridge([main]);
    await openDocumentsStep(bridge, draftFiledFor(['p2']));
    const panel = screen.getByTestId('service-by-other-means');

    fireEvent.click(within(panel).getByLabelText(/At the end of the main document/));

    await waitFor(() => expect(changesSent(bridge).at(-1)).toEqual({ isCertificateInMainDocument: true }));
    expect(await within(panel).findByTestId('certificate-in-main-note')).toBeTruthy();
    expect(within(panel).queryByTestId('make-certificate')).toBeNull();
  });
});

describe('the mailing address of a party served by other means (FAQ 38)', () => {
  const writeText = vi.fn(() => Promise.resolve());
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
    writeText.mockClear();
  });

  it('shows it with a Copy button on the Documents step, where the certificate is made', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await openDocumentsStep(createFakeBridge([main]), draftFiledFor(['p2']));
    const served = within(screen.getByTestId('service-by-other-means')).getByTestId('served-by-mail');

    fireEvent.click(within(served).getByRole('button', { name: /^Copy/ }));

    expect(writeText).toHaveBeenCalledWith('Harold Brennan\n18 Orchard Lane, Burlington, VT 05401');
    expect(await within(served).findByText('Copied')).toBeTruthy();
  });

  it('shows it on the parties step, where it is decided who is served by mail, and says what to do when the court lists none', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const unlisted = caseParty({ id: 'p4', name: 'Dana Roe', role: 'Intervenor', isServedElectronically: false });
    const bridge = createFakeBridge([main]);
    await openWizard(bridge, { ...draftFiledFor(['p2']), parties: [...parties, unlisted] });
    goToStep(3);

    const note = screen.getByTestId('service-note');
    const [brennan, roe] = within(note).getAllByTestId('served-by-mail') as [HTMLElement, HTMLElement];
    expect(within(brennan).getByTestId('mailing-address').textContent).toBe('18 Orchard Lane, Burlington, VT 05401');
    fireEvent.click(within(brennan).getByRole('button', { name: /^Copy/ }));
    expect(writeText).toHaveBeenCalledWith('Harold Brennan\n18 Orchard Lane, Burlington, VT 05401');
    expect(within(roe).getByTestId('no-mailing-address').textContent).toContain('lists no mailing address');
  });
});
