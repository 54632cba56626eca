import { describe, expect, it, vi } from 'vitest';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import { createStores } from '../../../src-renderer/state/stores';
import { blankDraft, createFakeBridge, documentRecord } from './fake-bridge';

function pdf(name: string): File {
  return new File(['%PDF-1.7 test'], name, { type: 'application/pdf' });
}

describe('one upload path for the Documents screen and the filing wizard', () => {
  it("queues the wizard's PDF behind one the Documents screen is adding, marks its row with the draft, and files it in the draft once stored", async () => {
    const bridge = createFakeBridge();
    const answers = new Map<string, (record: DocumentRecord) => void>();
    bridge.answer('documents.add', ({ name }) => new Promise((resolve) => answers.set(name, resolve)));
    bridge.drafts.set('d1', blankDraft({ id: 'd1' }));
    const { documents, filings } = createStores(bridge);
    await filings.getState().openDraft('d1');

    const fromScreen = documents.getState().addFiles([pdf('Screen.pdf')]);
    const fromWizard = filings.getState().addPdfs([pdf('Wizard.pdf')]);
    const added = () => bridge.calls.filter((call) => call.channel === 'documents.add');
    await vi.waitFor(() => expect(added()).toHaveLength(1));

    // One file at a time, whichever screen it came from: the wizard's waits until the first is stored.
    expect(added().map((call) => (call.args as { name: string }).name)).toEqual(['Screen.pdf']);
    expect(documents.getState().jobs.map((job) => [job.name, job.phase, job.draftId])).toEqual([
      ['Screen.pdf', 'uploading', null],
      ['Wizard.pdf', 'waiting', 'd1'],
    ]);

    answers.get('Screen.pdf')?.(documentRecord({ id: 'doc-screen', name: 'Screen.pdf' }));
    await fromScreen;
    await vi.waitFor(() => expect(added()).toHaveLength(2));
    answers.get('Wizard.pdf')?.(documentRecord({ id: 'doc-wizard', name: 'Wizard.pdf' }));
    await fromWizard;

    expect(filings.getState().open?.draft.documents).toEqual([
      { documentId: 'doc-wizard', type: 'main', description: '' },
    ]);
    expect(documents.getState().documents.map((record) => record.id)).toEqual(['doc-screen', 'doc-wizard']);
    expect(documents.getState().jobs).toEqual([]);
    expect(filings.getState().announcement).toBe('Added Wizard.pdf.');
  });
});
