// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentType } from '../../../src-main/shared/filing';
import { blankDraft, createFakeBridge, documentRecord, type FakeBridge } from './fake-bridge';
import { documentsSaved, goToStep, openWizard } from './wizard-support';

afterEach(cleanup);

/** A draft of these PDFs, in this order, with these types. */
async function openDocuments(files: readonly (readonly [name: string, type: DocumentType])[]): Promise<FakeBridge> {
  const records = files.map(([name], index) => documentRecord({ id: `doc${index + 1}`, name }));
  const bridge = createFakeBridge(records);
  const documents = files.map(([, type], index) => ({ documentId: `doc${index + 1}`, type, description: '' }));
  await openWizard(bridge, blankDraft({ id: 'd1', documents }));
  goToStep(4);
  await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(files.length));
  return bridge;
}

/** Each row as the paralegal reads it: its place, its name and the type its menu shows. */
function rowsShown(): string[] {
  return screen.getAllByTestId('document-row').map((row) => {
    const type = within(row).getByTestId('document-type') as HTMLSelectElement;
    const typeShown = type.selectedOptions[0]?.textContent ?? '';
    return `${within(row).getByTestId('document-place').textContent} · ${row.dataset.documentName} · ${typeShown}`;
  });
}

/** The order and types of the documents as main holds them. */
function documentsHeld(bridge: FakeBridge): string[] {
  return documentsSaved(bridge).map((each) => `${each.documentId}:${each.type}`);
}

describe('the place of a document and its type agree', () => {
  it('a PDF moved to the top becomes the main document, and the former main document an exhibit', async () => {
    const bridge = await openDocuments([
      ['Complaint.pdf', 'main'],
      ['Exhibit A.pdf', 'exhibit'],
    ]);

    const second = screen.getAllByTestId('document-row')[1] as HTMLElement;
    fireEvent.click(within(second).getByRole('button', { name: 'Move Exhibit A.pdf up' }));

    await waitFor(() => expect(documentsHeld(bridge)).toEqual(['doc2:main', 'doc1:exhibit']));
    expect(rowsShown()).toEqual([
      'Main document · Exhibit A.pdf · Main document',
      'Attachment 1 · Complaint.pdf · Exhibit',
    ]);
  });

  it('reordering the attachments among themselves keeps every type the paralegal chose', async () => {
    const bridge = await openDocuments([
      ['Motion.pdf', 'main'],
      ['Order.pdf', 'proposed-order'],
      ['Exhibit A.pdf', 'exhibit'],
    ]);

    const third = screen.getAllByTestId('document-row')[2] as HTMLElement;
    fireEvent.click(within(third).getByRole('button', { name: 'Move Exhibit A.pdf up' }));

    await waitFor(() => expect(documentsHeld(bridge)).toEqual(['doc1:main', 'doc3:exhibit', 'doc2:proposed-order']));
  });

  it('choosing "Main document" as a type takes the PDF to the top, and keeps focus on its Type menu', async () => {
    const bridge = await openDocuments([
      ['Exhibit A.pdf', 'main'],
      ['Order.pdf', 'proposed-order'],
      ['Motion.pdf', 'exhibit'],
    ]);

    const third = screen.getAllByTestId('document-row')[2] as HTMLElement;
    fireEvent.change(within(third).getByTestId('document-type'), { target: { value: 'main' } });

    await waitFor(() => expect(documentsHeld(bridge)).toEqual(['doc3:main', 'doc1:exhibit', 'doc2:proposed-order']));
    expect(rowsShown()).toEqual([
      'Main document · Motion.pdf · Main document',
      'Attachment 1 · Exhibit A.pdf · Exhibit',
      'Attachment 2 · Order.pdf · Proposed order',
    ]);
    const first = screen.getAllByTestId('document-row')[0] as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(within(first).getByTestId('document-type')));
  });

  it('a first PDF typed as an exhibit is not labelled the main document', async () => {
    const bridge = await openDocuments([
      ['Complaint.pdf', 'main'],
      ['Exhibit A.pdf', 'exhibit'],
    ]);

    const first = screen.getAllByTestId('document-row')[0] as HTMLElement;
    fireEvent.change(within(first).getByTestId('document-type'), { target: { value: 'exhibit' } });

    await waitFor(() => expect(documentsHeld(bridge)).toEqual(['doc1:exhibit', 'doc2:exhibit']));
    expect(rowsShown()[0]).toBe('No main document yet · Complaint.pdf · Exhibit');
  });

  it('each type suggests a description that fits it', async () => {
    await openDocuments([
      ['Motion.pdf', 'main'],
      ['Order.pdf', 'proposed-order'],
      ['Exhibit A.pdf', 'exhibit'],
    ]);

    const placeholders = screen
      .getAllByTestId('document-description')
      .map((input) => (input as HTMLInputElement).placeholder);
    expect(placeholders).toEqual([
      'Optional for the main document',
      'Proposed order granting the motion',
      'Exhibit A - Entry summaries',
    ]);
  });
});
