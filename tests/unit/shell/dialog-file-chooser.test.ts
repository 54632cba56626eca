import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  getFocusedWindow: vi.fn((): unknown => null),
}));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: electron.getFocusedWindow },
  dialog: { showOpenDialog: electron.showOpenDialog },
}));

const { createDialogFileChooser } = await import('../../../src-main/shell/adapters/dialog-file-chooser');

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'ecf-desk-chooser-'));
  electron.showOpenDialog.mockReset();
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('createDialogFileChooser', () => {
  it('offers PDFs first, then all files, and lets the user pick several', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await createDialogFileChooser().choosePdfs();
    const options = electron.showOpenDialog.mock.calls[0]?.at(-1) as {
      properties: string[];
      filters: { name: string; extensions: string[] }[];
    };
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(options.filters.map((filter) => filter.extensions)).toStrictEqual([['pdf'], ['*']]);
  });

  it('opens the dialog over the focused window', async () => {
    const window = { id: 1 };
    electron.getFocusedWindow.mockReturnValueOnce(window);
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await createDialogFileChooser().choosePdfs();
    expect(electron.showOpenDialog.mock.calls[0]?.[0]).toBe(window);
  });

  it('gives nothing when the user cancels', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(createDialogFileChooser().choosePdfs()).resolves.toStrictEqual([]);
  });

  it('reads the chosen files in main and hands on only their names and bytes', async () => {
    const brief = path.join(folder, 'brief.pdf');
    const exhibit = path.join(folder, 'exhibit-a.pdf');
    writeFileSync(brief, '%PDF-1.7 brief');
    writeFileSync(exhibit, '%PDF-1.7 exhibit');
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [brief, exhibit] });
    const files = await createDialogFileChooser().choosePdfs();
    expect(files.map((file) => file.name)).toStrictEqual(['brief.pdf', 'exhibit-a.pdf']);
    expect(Buffer.from(files[0]?.bytes ?? []).toString()).toBe('%PDF-1.7 brief');
    expect(files[1]?.bytes).toBeInstanceOf(Uint8Array);
  });

  it('refuses a file larger than 512 MB before loading it', async () => {
    // A sparse file: its size is over the limit while it takes no room on disk.
    const huge = path.join(folder, 'huge.pdf');
    writeFileSync(huge, '');
    truncateSync(huge, 512 * 1024 * 1024 + 1);
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [huge] });
    await expect(createDialogFileChooser().choosePdfs()).rejects.toMatchObject({ code: 'document.too-big-to-read' });
  });
});
