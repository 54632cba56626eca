// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { blankDraft, createFakeBridge, documentRecord } from './fake-bridge';
import { documentsSaved, goToStep, openWizard } from './wizard-support';

afterEach(cleanup);

it('taking a PDF out of a filing can be undone, and focus goes to Undo, never to the next Remove button', async () => {
  const records = ['Motion.pdf', 'Exhibit A.pdf', 'Exhibit B.pdf'].map((name, index) =>
    documentRecord({ id: `doc${index + 1}`, name }),
  );
  const bridge = createFakeBridge(records);
  const documents = [
    { documentId: 'doc1', type: 'main' as const, description: '' },
    { documentId: 'doc2', type: 'exhibit' as const, description: 'Exhibit A' },
    { documentId: 'doc3', type: 'exhibit' as const, description: 'Exhibit B' },
  ];
  await openWizard(bridge, blankDraft({ id: 'd1', documents }));
  goToStep(4);
  await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(3));
  const saved = (): string[] | undefined => documentsSaved(bridge).map((each) => each.documentId);

  const second = screen.getAllByTestId('document-row')[1] as HTMLElement;
  fireEvent.click(within(second).getByRole('button', { name: /^Remove/ }));
  await waitFor(() => expect(saved()).toEqual(['doc1', 'doc3']));
  const removed = await screen.findByTestId('removed-from-filing');
  expect(removed.textContent).toContain('Took Exhibit A.pdf out of this filing.');
  const undo = within(removed).getByRole('button', { name: 'Undo' });
  expect(document.activeElement).toBe(undo);

  fireEvent.click(undo);
  // Back in its place, with the type and description it had.
  await waitFor(() => expect(saved()).toEqual(['doc1', 'doc2', 'doc3']));
  expect(documentsSaved(bridge)[1]).toEqual(documents[1]);
  expect(screen.queryByTestId('removed-from-filing')).toBeNull();
});
