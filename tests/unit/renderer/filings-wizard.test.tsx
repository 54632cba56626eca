// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { arrangeDocuments } from '../../../src-main/shared/arrange-documents';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { Draft } from '../../../src-main/shared/filing';
import { docketTextPreview } from '../../../src-main/shared/filing-rules';
import {
  acmeCase,
  blankDraft,
  caseParty,
  createFakeBridge,
  documentRecord,
  draftReview,
  loggedInSession,
  pacerAccount,
  ruleCheck,
  type FakeBridge,
} from './fake-bridge';
import { renderApp } from './render-app';
import { openWizard, goToStep, changesSent, documentsSaved } from './wizard-support';

afterEach(cleanup);

const parties = [
  caseParty({ id: 'p1', name: 'Acme Steel Corp.', role: 'Plaintiff' }),
  caseParty({ id: 'p2', name: 'United States', role: 'Defendant' }),
  caseParty({ id: 'p3', name: 'Nucor Corp.', role: 'Defendant-Intervenor', isServedElectronically: false }),
];

function pdf(name: string): File {
  return new File(['%PDF-1.7 ' + name], name, { type: 'application/pdf' });
}

describe('the filing wizard', () => {
  it('finds a case by its short number, and choosing it saves the case and then the parties the court lists', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.findCases', () => [acmeCase()]);
    bridge.answer('court.caseParties', () => parties);
    await openWizard(bridge, blankDraft({ id: 'd1' }));

    fireEvent.change(screen.getByTestId('case-search'), { target: { value: '26-00123' } });
    fireEvent.submit(screen.getByRole('search'));
    fireEvent.click(await screen.findByTestId('case-result'));

    await waitFor(() => expect(changesSent(bridge).at(-1)).toEqual({ parties, filerPartyIds: [] }));
    expect(bridge.calls.find((call) => call.channel === 'court.findCases')?.args).toEqual({ query: '26-00123' });
    expect(bridge.calls.find((call) => call.channel === 'court.caseParties')?.args).toEqual({ caseId: 123 });
    expect(changesSent(bridge)[0]).toEqual({ case: acmeCase(), parties: [], filerPartyIds: [] });
    expect(screen.getByTestId('chosen-case').textContent).toContain('1:26-cv-00123-MMB');
    expect(screen.getAllByTestId('wizard-step')[0]?.dataset.mark).toBe('done');

    goToStep(3);
    fireEvent.click(within(screen.getAllByTestId('party-option')[0] as HTMLElement).getByRole('checkbox'));
    await waitFor(() => expect(changesSent(bridge).at(-1)).toEqual({ filerPartyIds: ['p1'] }));
    expect(screen.getByTestId('service-note').textContent).toContain('Nucor Corp.');
    expect(screen.getByTestId('service-note').textContent).toContain('certificate of service');
  });

  it('typing a case number and pressing Enter searches the court once: the search typing scheduled is dropped', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const bridge = createFakeBridge();
      bridge.answer('court.findCases', () => [acmeCase()]);
      bridge.answer('court.caseParties', () => parties);
      await openWizard(bridge, blankDraft({ id: 'd1' }));

      fireEvent.change(screen.getByTestId('case-search'), { target: { value: '26-00123' } });
      fireEvent.submit(screen.getByRole('search'));
      fireEvent.click(await screen.findByTestId('case-result'));
      act(() => {
        vi.advanceTimersByTime(2_000);
      });

      await waitFor(() => expect(changesSent(bridge).at(-1)).toEqual({ parties, filerPartyIds: [] }));
      expect(bridge.calls.filter((call) => call.channel === 'court.findCases')).toHaveLength(1);
      expect(screen.getByTestId('case-result').textContent).toContain('1:26-cv-00123-MMB');
    } finally {
      vi.useRealTimers();
    }
  });

  it('without a court session, says to log in on the Accounts screen and leads there', async () => {
    await openWizard(createFakeBridge(), blankDraft({ id: 'd1' }));

    fireEvent.change(screen.getByTestId('case-search'), { target: { value: 'Court No. 26-00123' } });
    fireEvent.submit(screen.getByRole('search'));

    const problem = await screen.findByTestId('case-search-problem');
    expect(problem.textContent).toContain("Log in on the Accounts screen to search the court's cases");
    fireEvent.click(within(problem).getByRole('button', { name: 'Go to Accounts' }));
    expect(await screen.findByTestId('accounts-screen')).toBeTruthy();
  });

  it('finds the Motion to Intervene by "intervene", saves its id and says it needs a proposed order', async () => {
    const bridge = createFakeBridge();
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    goToStep(2);

    fireEvent.change(screen.getByTestId('event-search'), { target: { value: 'intervene' } });
    const result = screen.getAllByTestId('event-result').find((each) => each.dataset.eventId === 'motion-to-intervene');
    expect(result).toBeTruthy();
    fireEvent.click(result as HTMLElement);

    await waitFor(() => expect(changesSent(bridge)).toEqual([{ eventId: 'motion-to-intervene' }]));
    expect(screen.getByTestId('event-needs').textContent).toContain('A proposed order');
    expect(result?.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows which alias an event was found by', async () => {
    await openWizard(createFakeBridge(), blankDraft({ id: 'd1' }));
    goToStep(2);

    fireEvent.change(screen.getByTestId('event-search'), { target: { value: 'MJAR' } });

    const [result] = screen.getAllByTestId('event-result');
    expect(result?.dataset.eventId).toBe('motion-for-judgment-on-the-agency-record');
    expect(result?.textContent).toContain('matched: MJAR');
  });

  it('moves a document down with its button and saves the new order', async () => {
    const records = ['Complaint.pdf', 'Exhibit A.pdf', 'Exhibit B.pdf'].map((name, index) =>
      documentRecord({ id: `doc${index + 1}`, name }),
    );
    const bridge = createFakeBridge(records);
    const documents = records.map((record, index) => ({
      documentId: record.id,
      type: index === 0 ? ('main' as const) : ('exhibit' as const),
      description: '',
    }));
    await openWizard(bridge, blankDraft({ id: 'd1', documents }));
    goToStep(4);
    await waitFor(() => expect(screen.getAllByTestId('document-row')[0]?.textContent).toContain('Ready to file'));

    const second = screen.getAllByTestId('document-row')[1] as HTMLElement;
    fireEvent.click(within(second).getByRole('button', { name: 'Move Exhibit A.pdf down' }));

    await waitFor(() =>
      expect(documentsSaved(bridge).map((each) => each.documentId)).toEqual(['doc1', 'doc3', 'doc2']),
    );
    expect(screen.getAllByTestId('document-row').map((row) => row.dataset.documentName)).toEqual([
      'Complaint.pdf',
      'Exhibit B.pdf',
      'Exhibit A.pdf',
    ]);
    // Focus stays with the moved document; at the bottom its Move down is off, so its Move up takes focus.
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Move Exhibit A.pdf up'));
  });

  it('reorders a document dragged onto another row', async () => {
    const records = ['Complaint.pdf', 'Exhibit A.pdf', 'Exhibit B.pdf'].map((name, index) =>
      documentRecord({ id: `doc${index + 1}`, name }),
    );
    const bridge = createFakeBridge(records);
    const documents = records.map((record) => ({ documentId: record.id, type: 'exhibit' as const, description: '' }));
    await openWizard(bridge, blankDraft({ id: 'd1', documents }));
    goToStep(4);

    const data = new Map<string, string>();
    const dataTransfer = {
      get types() {
        return [...data.keys()];
      },
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      effectAllowed: 'none',
      files: [],
    };
    const rows = screen.getAllByTestId('document-row');
    fireEvent.dragStart(rows[2] as HTMLElement, { dataTransfer });
    fireEvent.dragOver(rows[0] as HTMLElement, { dataTransfer });
    fireEvent.drop(rows[0] as HTMLElement, { dataTransfer });

    await waitFor(() =>
      expect(documentsSaved(bridge).map((each) => each.documentId)).toEqual(['doc3', 'doc1', 'doc2']),
    );
  });

  it('adds PDFs through the file input: the first is the main document, the rest attachments with their descriptions', async () => {
    const bridge = createFakeBridge();
    bridge.answer('documents.add', ({ name }) => documentRecord({ id: `doc-${name}`, name }));
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    goToStep(4);
    expect(screen.getByTestId('documents-empty')).toBeTruthy();

    fireEvent.change(screen.getByTestId('add-pdfs-input'), {
      target: { files: [pdf('Complaint.pdf'), pdf('Exhibit A.pdf'), pdf('Exhibit B.pdf')] },
    });

    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(3));
    expect(
      bridge.calls
        .filter((call) => call.channel === 'documents.add')
        .map((call) => (call.args as { name: string }).name),
    ).toEqual(['Complaint.pdf', 'Exhibit A.pdf', 'Exhibit B.pdf']);
    expect(documentsSaved(bridge).map((each) => each.type)).toEqual(['main', 'exhibit', 'exhibit']);

    const attachment = screen.getAllByTestId('document-row')[1] as HTMLElement;
    fireEvent.change(within(attachment).getByTestId('document-description'), {
      target: { value: 'Exhibit A - Entry summaries' },
    });
    await waitFor(() => expect(documentsSaved(bridge)[1]?.description).toBe('Exhibit A - Entry summaries'));
    expect(screen.getByTestId('save-indicator').textContent).toBe('Saved');
  });

  it('shows a document ready once its check ends, even when the check ends while the draft is being saved', async () => {
    const bridge = createFakeBridge();
    bridge.answer('documents.add', ({ name }) => documentRecord({ id: `doc-${name}`, name }));
    let isChecked = false;
    const stillChecking = ruleCheck({
      id: 'preflight-pending',
      level: 'block',
      message: 'Still being checked: Motion.pdf.',
    });
    bridge.reviewDraft = (draft) => draftReview(draft, isChecked ? { canSubmit: true } : { checks: [stillChecking] });
    // Main answers the save with the checks as they stood when it saved; the document's check ends just after.
    bridge.answer('drafts.arrangeDocuments', async ({ id, change }) => {
      const earlier = bridge.drafts.get(id) as Draft;
      const saved = { ...earlier, documents: arrangeDocuments(earlier.documents, change) };
      bridge.drafts.set(id, saved);
      const answer = bridge.reviewDraft(saved);
      isChecked = true;
      bridge.emit('documents.changed', {});
      await new Promise((resolve) => setTimeout(resolve, 10));
      return answer;
    });
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    goToStep(4);
    fireEvent.change(screen.getByTestId('add-pdfs-input'), { target: { files: [pdf('Motion.pdf')] } });
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(1));
    goToStep(6);
    await waitFor(() => expect(screen.getByTestId('wizard').textContent).not.toContain('Still being checked'));
    expect(bridge.channels().lastIndexOf('drafts.get')).toBeGreaterThan(
      bridge.channels().lastIndexOf('drafts.arrangeDocuments'),
    );
  });

  it('shows a progress row for each PDF being added to this draft, and none for a file the Documents screen is adding', async () => {
    const bridge = createFakeBridge();
    const answers = new Map<string, (record: DocumentRecord) => void>();
    bridge.answer('documents.add', ({ name }) => new Promise((resolve) => answers.set(name, resolve)));
    bridge.drafts.set('d1', blankDraft({ id: 'd1' }));
    const { stores } = renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
    fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('open-draft'));
    await screen.findByTestId('wizard');
    goToStep(4);

    const fromDocumentsScreen = stores.documents.getState().addFiles([pdf('Elsewhere.pdf')]);
    fireEvent.change(screen.getByTestId('add-pdfs-input'), { target: { files: [pdf('Complaint.pdf')] } });
    await waitFor(() => expect(screen.getAllByTestId('adding-pdf')).toHaveLength(1));
    expect(screen.getByTestId('adding-pdf').textContent).toContain('Adding Complaint.pdf…');

    await waitFor(() => expect(answers.has('Elsewhere.pdf')).toBe(true));
    answers.get('Elsewhere.pdf')?.(documentRecord({ id: 'doc-elsewhere', name: 'Elsewhere.pdf' }));
    await fromDocumentsScreen;
    await waitFor(() => expect(answers.has('Complaint.pdf')).toBe(true));
    answers.get('Complaint.pdf')?.(documentRecord({ id: 'doc-complaint', name: 'Complaint.pdf' }));
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('adding-pdf')).toBeNull());
  });

  it('turns away a file that is not a PDF, naming it (FAQ 29)', async () => {
    const bridge = createFakeBridge();
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    goToStep(4);

    fireEvent.change(screen.getByTestId('add-pdfs-input'), {
      target: { files: [new File(['x'], 'Brief.docx', { type: 'application/msword' })] },
    });

    expect((await screen.findByTestId('refused-files')).textContent).toContain('Brief.docx');
    expect(bridge.channels()).not.toContain('documents.add');
  });

  it('shows why a blocked document would be rejected and can still open it in Documents', async () => {
    const blocked = documentRecord({
      id: 'doc1',
      name: 'Complaint.pdf',
      preflight: {
        state: 'done',
        report: {
          bytes: 2048,
          pages: 3,
          verdict: 'block',
          findings: [{ code: 'encrypted', severity: 'block', message: 'Protected.' }],
        },
      },
    });
    const bridge = createFakeBridge([blocked]);
    await openWizard(
      bridge,
      blankDraft({ id: 'd1', documents: [{ documentId: 'doc1', type: 'main', description: '' }] }),
    );
    goToStep(4);

    const reason = await screen.findByTestId('document-blocked');
    expect(reason.textContent).toContain('Protected with a password');
    fireEvent.click(screen.getByTestId('open-in-documents'));

    const row = await screen.findByTestId('document-row');
    await waitFor(() => expect(row.getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByTestId('drop-zone')).toBeTruthy();
  });

  it('takes related document numbers as chips and shows the docket text exactly as the rules write it', async () => {
    const bridge = createFakeBridge();
    const draft = blankDraft({
      id: 'd1',
      case: acmeCase(),
      parties,
      filerPartyIds: ['p2'],
      eventId: 'response-to-motion',
    });
    await openWizard(bridge, draft);
    goToStep(5);

    const input = screen.getByTestId('related-input');
    fireEvent.change(input, { target: { value: '12' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(changesSent(bridge).at(-1)).toEqual({ relatedDocumentNumbers: [12] }));
    const preview = screen.getByTestId('docket-preview');
    expect(preview.textContent).toBe(docketTextPreview({ ...draft, relatedDocumentNumbers: [12] }));
    expect(preview.textContent).toContain('(related document(s) 12)');
    expect(screen.getByText("The court adds the filing attorney's name.")).toBeTruthy();
  });

  it('a name typed just before going back to the list is saved to the draft all the same', async () => {
    const bridge = createFakeBridge();
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    goToStep(6);
    fireEvent.change(screen.getByTestId('prepared-by'), { target: { value: 'Mei Chen' } });
    // Back to the list before typing pauses: the field goes away with its change still waiting.
    fireEvent.click(screen.getByTestId('back-to-list'));
    await screen.findByTestId('draft-row');
    await waitFor(() =>
      expect(bridge.calls.filter((call) => call.channel === 'drafts.update').map((call) => call.args)).toEqual([
        { id: 'd1', changes: { preparedBy: 'Mei Chen' } },
      ]),
    );
  });

  it('every step is reached with Next, and focus goes to the step heading', async () => {
    await openWizard(bridgeWithFiler(), blankDraft({ id: 'd1' }));

    for (let step = 2; step <= 7; step += 1) {
      fireEvent.click(screen.getByTestId('wizard-next'));
      const current = screen.getAllByTestId('wizard-step').find((each) => each.getAttribute('aria-current') === 'step');
      expect(current?.dataset.step).toBe(String(step));
      expect(document.activeElement).toBe(screen.getByTestId('wizard-step-title'));
    }
    expect(screen.queryByTestId('wizard-next')).toBeNull();
    fireEvent.click(screen.getByTestId('wizard-back'));
    expect(screen.getByTestId('wizard-step-title').textContent).toBe('6. Review and sign');
  });
});

/** A bridge with the filing attorney logged in. */
function bridgeWithFiler(): FakeBridge {
  const bridge = createFakeBridge();
  bridge.answer('session.status', () => loggedInSession(pacerAccount({ id: 'a1', loginId: 'jmorgan' })));
  return bridge;
}
