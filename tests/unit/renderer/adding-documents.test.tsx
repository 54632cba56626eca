// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { CallOptions } from '../../../src-renderer/transports/transport';
import { bridgeError, createFakeBridge, documentRecord } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(() => {
  cleanup();
});

function pdf(name: string, text = '%PDF-1.7 test'): File {
  return new File([text], name, { type: 'application/pdf' });
}

/** Drops files on the screen the way a browser does when they come from the desktop. */
function dropFiles(files: File[]): void {
  const zone = screen.getByTestId('drop-zone');
  const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
  fireEvent.dragEnter(zone, { dataTransfer });
  fireEvent.dragOver(zone, { dataTransfer });
  fireEvent.drop(zone, { dataTransfer });
}

describe('adding PDFs', () => {
  it('shows a check that ended before the add was answered as ended, not as still running', async () => {
    const bridge = createFakeBridge();
    const checked = documentRecord({ id: 'doc-1', name: 'Brief.pdf' });
    let listed: DocumentRecord[] = [];
    bridge.answer('documents.list', () => listed);
    // The check ends (and main says so) while the answer to the add, written as it started, is still on its way.
    bridge.answer('documents.add', async () => {
      listed = [checked];
      bridge.emit('documents.changed', {});
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ...checked, preflight: { state: 'running' } };
    });
    renderApp(bridge);
    await screen.findByTestId('empty-state');

    dropFiles([pdf('Brief.pdf')]);
    // The add is answered when its progress row goes.
    await waitFor(() => expect(bridge.channels()).toContain('documents.add'));
    await waitFor(() => expect(screen.queryByTestId('progress-row')).toBeNull());

    await waitFor(() => expect(screen.getByTestId('preflight-status').textContent).toContain('Ready to file'));
    // Still so once everything has settled: the add's older answer does not have the last word.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('preflight-status').textContent).toContain('Ready to file');
  });

  it('uploads a dropped PDF with its name, its bytes and a job id, showing upload progress until it is in the list', async () => {
    const bridge = createFakeBridge();
    let finishUpload: (record: DocumentRecord) => void = () => undefined;
    let reportUpload: CallOptions['onUploadProgress'];
    bridge.answer('documents.add', (_args, options) => {
      reportUpload = options?.onUploadProgress;
      return new Promise<DocumentRecord>((resolve) => {
        finishUpload = resolve;
      });
    });
    renderApp(bridge);
    await screen.findByTestId('empty-state');

    dropFiles([pdf('Brief.pdf', '%PDF-1.7 brief')]);
    await waitFor(() => expect(bridge.channels()).toContain('documents.add'));
    act(() => reportUpload?.(0.4));

    const progress = screen.getByTestId('progress-row');
    expect(progress.textContent).toContain('Brief.pdf');
    expect(progress.textContent).toContain('Uploading · 40%');

    const call = bridge.calls.find((each) => each.channel === 'documents.add');
    const args = call?.args as { jobId: string; name: string; bytes: Uint8Array };
    expect(args.name).toBe('Brief.pdf');
    expect(new TextDecoder().decode(args.bytes)).toBe('%PDF-1.7 brief');
    expect(args.jobId).toMatch(/^[0-9a-f-]{36}$/);

    act(() => finishUpload(documentRecord({ id: 'd1', name: 'Brief.pdf', pages: 7 })));
    const row = await screen.findByTestId('document-row');
    expect(within(row).getByTestId('document-pages').textContent).toBe('7');
    expect(screen.queryByTestId('progress-row')).toBeNull();
  });

  it('shows an overlay while files are dragged over the screen, and hides it when they leave', async () => {
    renderApp(createFakeBridge());
    const zone = await screen.findByTestId('drop-zone');
    const dataTransfer = { types: ['Files'], files: [] };

    fireEvent.dragEnter(zone, { dataTransfer });
    expect(screen.getByText('Drop PDFs to add them')).not.toBeNull();

    fireEvent.dragLeave(zone, { dataTransfer });
    expect(screen.queryByText('Drop PDFs to add them')).toBeNull();
  });

  it('uploads several dropped files one after another, in the order they were dropped', async () => {
    const bridge = createFakeBridge();
    const names: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    bridge.answer('documents.add', async (args) => {
      names.push(args.name);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return documentRecord({ id: args.name, name: args.name });
    });
    renderApp(bridge);
    await screen.findByTestId('empty-state');

    dropFiles([pdf('One.pdf'), pdf('Two.pdf'), pdf('Three.pdf')]);

    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(3));
    expect(names).toEqual(['One.pdf', 'Two.pdf', 'Three.pdf']);
    expect(mostInFlight).toBe(1);
  });

  it('in browser mode, Add PDFs… uploads the files the user picked', async () => {
    const bridge = createFakeBridge();
    bridge.nextChoice = { kind: 'files', files: [pdf('Picked.pdf')] };
    bridge.answer('documents.add', (args) => documentRecord({ id: 'd1', name: args.name }));
    renderApp(bridge);

    fireEvent.click(await screen.findByTestId('add-pdfs'));

    expect((await screen.findByTestId('document-row')).dataset.documentName).toBe('Picked.pdf');
  });

  it('on the desktop, shows the documents main already added from its own dialog without uploading them again', async () => {
    const bridge = createFakeBridge();
    bridge.nextChoice = { kind: 'added', records: [documentRecord({ id: 'd1', name: 'From dialog.pdf' })] };
    renderApp(bridge);

    fireEvent.click(await screen.findByTestId('add-pdfs'));

    expect((await screen.findByTestId('document-row')).dataset.documentName).toBe('From dialog.pdf');
    expect(bridge.channels()).not.toContain('documents.add');
  });

  it('opens the file picker on Ctrl+O', async () => {
    const bridge = createFakeBridge();
    const chooseFiles = vi.spyOn(bridge, 'chooseFiles');
    renderApp(bridge);
    await screen.findByTestId('empty-state');

    fireEvent.keyDown(window, { key: 'o', ctrlKey: true });

    expect(chooseFiles).toHaveBeenCalledTimes(1);
  });

  it("shows main's message in a banner when a file is refused, and keeps the documents already there", async () => {
    const bridge = createFakeBridge([documentRecord({ id: 'd1', name: 'Kept.pdf' })]);
    bridge.answer('documents.add', () => {
      throw bridgeError(
        'document.too-big-to-read',
        'The file is larger than 512 MB. Split it into parts before adding it.',
      );
    });
    renderApp(bridge);
    await screen.findByTestId('document-row');

    dropFiles([pdf('Huge.pdf')]);

    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('Huge.pdf was not added.');
    expect(banner.textContent).toContain('The file is larger than 512 MB. Split it into parts before adding it.');
    expect(screen.getAllByTestId('document-row').map((row) => row.dataset.documentName)).toEqual(['Kept.pdf']);
    expect(screen.queryByTestId('progress-row')).toBeNull();

    fireEvent.click(within(banner).getByRole('button', { name: /Dismiss/ }));
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it("says the list could not be loaded, with main's message, and loads it on Try again", async () => {
    const bridge = createFakeBridge();
    bridge.answer('documents.list', () => {
      throw bridgeError('internal', 'ECF Desk is not answering. Check that it is still running, then try again.');
    });
    renderApp(bridge);

    expect((await screen.findByTestId('error-banner')).textContent).toContain('ECF Desk is not answering.');
    expect(screen.queryByTestId('empty-state')).toBeNull();

    bridge.answer('documents.list', () => [documentRecord({ id: 'd1', name: 'Back.pdf' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('document-row')).dataset.documentName).toBe('Back.pdf');
  });

  it('copies the full SHA-256 to the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const record = documentRecord({ id: 'd1', name: 'Hash me.pdf' });
      renderApp(createFakeBridge([record]));

      fireEvent.click(within(await screen.findByTestId('document-row')).getByRole('button', { name: /^Copy/ }));

      expect(writeText).toHaveBeenCalledWith(record.sha256);
      expect(await screen.findByText('Copied')).not.toBeNull();
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });
});

describe('the header', () => {
  it('says Browser mode and tells where the data folder is', async () => {
    renderApp(createFakeBridge());

    const badge = await screen.findByText('Browser mode');
    expect(badge.title).toContain('Data folder: /home/paralegal/.local/share/ecf-desk');
    expect(screen.getByRole('banner').textContent).toContain('ECF Desk');
  });
});
