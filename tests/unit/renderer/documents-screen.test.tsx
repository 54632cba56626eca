// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeError, createFakeBridge, documentRecord, sha256Starting } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function rowNamed(name: string): HTMLElement {
  const row = screen.getAllByTestId('document-row').find((each) => each.dataset.documentName === name);
  if (!row) {
    throw new Error(`no row for ${name}`);
  }
  return row;
}

function rowNames(): string[] {
  return screen.getAllByTestId('document-row').map((row) => row.dataset.documentName ?? '');
}

/** A document with a file of its own (its SHA-256 made from its id), added `minute` minutes after 15:30. */
function distinctRecord(id: string, name: string, minute: number) {
  return documentRecord({
    id,
    name,
    addedAt: `2025-03-04T15:3${minute}:00.000Z`,
    sha256: sha256Starting(Buffer.from(id).toString('hex')),
  });
}

describe('the Documents screen', () => {
  it('with no documents, explains how to add PDFs and that ECF Desk keeps its own copy', async () => {
    renderApp(createFakeBridge());

    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Add the PDFs for your filing. Drag them here or choose Add PDFs…');
    expect(empty.textContent).toContain(
      'keeps its own copy of each file, so moving or renaming the original later is fine',
    );
    expect(screen.queryByTestId('document-row')).toBeNull();
  });

  it('shows an added document with its name, page count, size in MB and the start of its SHA-256', async () => {
    renderApp(
      createFakeBridge([
        documentRecord({ id: 'd1', name: 'Complaint.pdf', pages: 12, bytes: 1_572_864, sha256: emptyHash }),
      ]),
    );

    const row = await screen.findByTestId('document-row');
    expect(row.dataset.documentName).toBe('Complaint.pdf');
    expect(within(within(row).getByRole('rowheader')).getByText('Complaint.pdf', { exact: true }).textContent).toBe(
      'Complaint.pdf',
    );
    expect(within(row).getByTestId('document-pages').textContent).toBe('12');
    expect(within(row).getByTestId('document-size').textContent).toBe('1.5 MB');
    const hash = within(row).getByTestId('document-sha256');
    expect(hash.textContent).toBe('e3b0c44298fc');
    expect(hash.title).toBe(emptyHash);
    expect(row.textContent).toContain('Ready');
    expect(screen.queryByTestId('empty-state')).toBeNull();
  });

  it('shows the message main gave for a document with a problem, in its own row', async () => {
    const message =
      'This file is not a PDF. The court accepts PDF files only. Save it as PDF from the program that made it, then add it again.';
    renderApp(
      createFakeBridge([
        documentRecord({ id: 'd1', name: 'Exhibit A.pdf' }),
        documentRecord({
          id: 'd2',
          name: 'Exhibit B.docx',
          pages: null,
          problem: { code: 'document.not-pdf', message },
        }),
      ]),
    );

    await screen.findAllByTestId('document-row');
    const problemRow = rowNamed('Exhibit B.docx');
    expect(within(problemRow).getByTestId('document-problem').textContent).toBe(message);
    expect(problemRow.textContent).not.toContain('Ready');
    expect(within(rowNamed('Exhibit A.pdf')).queryByTestId('document-problem')).toBeNull();
  });

  it('shows a progress row with the step in words while main works, and removes it when main is done', async () => {
    const bridge = createFakeBridge();
    renderApp(bridge);
    await screen.findByTestId('empty-state');

    act(() =>
      bridge.emit('documents.progress', { jobId: 'job-1', name: 'Brief.pdf', phase: 'hashing', fraction: 0.5 }),
    );
    const row = screen.getByTestId('progress-row');
    expect(row.textContent).toContain('Brief.pdf');
    expect(row.textContent).toContain('Checking integrity (SHA-256) · 50%');
    expect(within(row).getByRole('progressbar').getAttribute('value')).toBe('0.5');

    act(() =>
      bridge.emit('documents.progress', { jobId: 'job-1', name: 'Brief.pdf', phase: 'reading-pages', fraction: 0.25 }),
    );
    expect(screen.getByTestId('progress-row').textContent).toContain('Reading and checking · 25%');

    act(() => bridge.emit('documents.progress', { jobId: 'job-1', name: 'Brief.pdf', phase: 'done', fraction: 1 }));
    expect(screen.queryByTestId('progress-row')).toBeNull();
  });

  it('reloads the list when main says the documents changed', async () => {
    const bridge = createFakeBridge();
    renderApp(bridge);
    await screen.findByTestId('empty-state');

    bridge.answer('documents.list', () => [documentRecord({ id: 'd9', name: 'Added elsewhere.pdf' })]);
    act(() => bridge.emit('documents.changed', {}));

    expect((await screen.findByTestId('document-row')).dataset.documentName).toBe('Added elsewhere.pdf');
  });

  it('removes a document, then Undo calls documents.restore and the row comes back', async () => {
    const record = documentRecord({ id: 'd1', name: 'Motion.pdf' });
    const bridge = createFakeBridge([record]);
    bridge.answer('documents.remove', () => null);
    bridge.answer('documents.restore', () => record);
    renderApp(bridge);

    fireEvent.click(within(await screen.findByTestId('document-row')).getByTestId('remove'));
    const undo = await screen.findByTestId('undo');
    expect(undo.parentElement?.textContent).toContain('Removed Motion.pdf.');
    expect(screen.queryByTestId('document-row')).toBeNull();

    fireEvent.click(undo);
    expect((await screen.findByTestId('document-row')).dataset.documentName).toBe('Motion.pdf');
    expect(
      bridge.channels().filter((channel) => channel === 'documents.remove' || channel === 'documents.restore'),
    ).toEqual(['documents.remove', 'documents.restore']);
    expect(bridge.calls.find((call) => call.channel === 'documents.restore')?.args).toEqual({ id: 'd1' });
    expect(screen.queryByTestId('undo')).toBeNull();
  });

  it('after a removal, focus goes to the row now in its place, never to the next Remove button, and Undo is offered', async () => {
    const bridge = createFakeBridge([distinctRecord('d1', 'Motion.pdf', 2), distinctRecord('d2', 'Brief.pdf', 1)]);
    bridge.answer('documents.remove', () => null);
    renderApp(bridge);

    const remove = within(await waitFor(() => rowNamed('Motion.pdf'))).getByTestId('remove');
    remove.focus();
    fireEvent.click(remove);

    await waitFor(() => expect(rowNames()).toEqual(['Brief.pdf']));
    await waitFor(() => expect(document.activeElement).toBe(rowNamed('Brief.pdf')));
    expect(document.activeElement?.closest('[data-testid="remove"]')).toBeNull();
    expect((await screen.findByTestId('undo')).parentElement?.textContent).toContain('Removed Motion.pdf.');
    expect(screen.getByText('Removed Motion.pdf. Undo is offered for a few seconds.').getAttribute('aria-live')).toBe(
      'polite',
    );
  });

  it('after the last document is removed, focus goes to the screen’s heading', async () => {
    const bridge = createFakeBridge([documentRecord({ id: 'd1', name: 'Motion.pdf' })]);
    bridge.answer('documents.remove', () => null);
    renderApp(bridge);

    const remove = await screen.findByTestId('remove');
    remove.focus();
    fireEvent.click(remove);

    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Documents' })));
    expect(await screen.findByTestId('undo')).toBeTruthy();
  });

  it('says the list is every document added, and marks a file added again as a duplicate of the first copy', async () => {
    renderApp(
      createFakeBridge([
        distinctRecord('d1', 'Motion.pdf', 0),
        distinctRecord('d2', 'Brief.pdf', 1),
        { ...distinctRecord('d3', 'Motion (2).pdf', 2), sha256: distinctRecord('d1', 'Motion.pdf', 0).sha256 },
      ]),
    );

    await waitFor(() => expect(rowNames()).toHaveLength(3));
    expect(screen.getByRole('table').querySelector('caption')?.textContent).not.toContain('this filing');
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toContain('Every document added');
    expect(screen.getByTestId('documents-scope').textContent).toBe(
      'Every PDF added to ECF Desk, for any filing. A filing uses the ones attached to it.',
    );
    expect(within(rowNamed('Motion (2).pdf')).getByTestId('document-duplicate').textContent).toBe(
      'Duplicate of Motion.pdf, added earlier: the same file (same SHA-256).',
    );
    expect(within(rowNamed('Motion.pdf')).queryByTestId('document-duplicate')).toBeNull();
    expect(within(rowNamed('Brief.pdf')).queryByTestId('document-duplicate')).toBeNull();
    expect(screen.getByText(/^3 documents, 1 of them a duplicate · /)).toBeTruthy();
  });

  it('puts a removed document back on Ctrl+Z while Undo is offered', async () => {
    const record = documentRecord({ id: 'd1', name: 'Motion.pdf' });
    const bridge = createFakeBridge([record]);
    bridge.answer('documents.remove', () => null);
    bridge.answer('documents.restore', () => record);
    renderApp(bridge);

    fireEvent.click(await screen.findByTestId('remove'));
    await screen.findByTestId('undo');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });

    expect((await screen.findByTestId('document-row')).dataset.documentName).toBe('Motion.pdf');
    expect(bridge.channels()).toContain('documents.restore');
  });

  it('stops offering Undo eight seconds after a removal', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = createFakeBridge([documentRecord({ id: 'd1', name: 'Motion.pdf' })]);
    bridge.answer('documents.remove', () => null);
    renderApp(bridge);

    fireEvent.click(await screen.findByTestId('remove'));
    await screen.findByTestId('undo');
    act(() => {
      vi.advanceTimersByTime(7_000);
    });
    expect(screen.queryByTestId('undo')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(1_500);
    });
    expect(screen.queryByTestId('undo')).toBeNull();
  });

  it('orders by the saved setting, and a click on another column saves the new order through settings.update', async () => {
    const bridge = createFakeBridge([
      documentRecord({ id: 'a', name: 'Exhibit 10.pdf', bytes: 5_000, addedAt: '2025-03-01T10:00:00.000Z' }),
      documentRecord({ id: 'b', name: 'Exhibit 2.pdf', bytes: 9_000, addedAt: '2025-03-03T10:00:00.000Z' }),
      documentRecord({ id: 'c', name: 'Answer.pdf', bytes: 1_000, addedAt: '2025-03-02T10:00:00.000Z' }),
    ]);
    bridge.answer('settings.get', () => ({
      documentsSort: 'size',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    }));
    bridge.answer('settings.update', (args) => ({
      documentsSort: args.documentsSort ?? 'added',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    }));
    renderApp(bridge);

    await waitFor(() => expect(rowNames()).toEqual(['Exhibit 2.pdf', 'Exhibit 10.pdf', 'Answer.pdf']));

    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(rowNames()).toEqual(['Answer.pdf', 'Exhibit 2.pdf', 'Exhibit 10.pdf']);
    await waitFor(() =>
      expect(bridge.calls.find((call) => call.channel === 'settings.update')?.args).toEqual({ documentsSort: 'name' }),
    );
    expect(screen.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('puts the old order back and says so when the new order cannot be saved', async () => {
    const bridge = createFakeBridge([
      documentRecord({ id: 'a', name: 'B.pdf', addedAt: '2025-03-02T10:00:00.000Z' }),
      documentRecord({ id: 'b', name: 'A.pdf', addedAt: '2025-03-01T10:00:00.000Z' }),
    ]);
    bridge.answer('settings.update', () => {
      throw bridgeError('internal', 'Your settings file could not be written. Check that the disk is not full.');
    });
    renderApp(bridge);
    await waitFor(() => expect(rowNames()).toEqual(['B.pdf', 'A.pdf']));

    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));

    expect((await screen.findByTestId('error-banner')).textContent).toContain(
      'Your settings file could not be written. Check that the disk is not full.',
    );
    expect(rowNames()).toEqual(['B.pdf', 'A.pdf']);
  });
});
