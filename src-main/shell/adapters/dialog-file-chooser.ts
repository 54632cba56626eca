import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { AppError } from '../../core/errors';
import type { ChosenFile, FileChooser } from '../../core/ports';
import { maxDocumentBytes } from '../../shared/contract';

/** Reads one chosen file in main; a file too large to read at all is refused before its bytes are loaded. */
async function readChosenFile(filePath: string): Promise<ChosenFile> {
  const { size } = await stat(filePath);
  if (size > maxDocumentBytes) {
    throw new AppError(
      'document.too-big-to-read',
      `${path.basename(filePath)} is larger than 512 MB, too large for ECF Desk to read. Split it into smaller PDFs and add those instead.`,
    );
  }
  return { name: path.basename(filePath), bytes: new Uint8Array(await readFile(filePath)) };
}

/**
 * The desktop's open-file dialog, run by main. Design: the renderer never hands main a path; the paths
 * come from this dialog and only the files' names and bytes go on to core.
 */
export function createDialogFileChooser(): FileChooser {
  return {
    async choosePdfs() {
      const options: OpenDialogOptions = {
        title: 'Add PDF documents',
        buttonLabel: 'Add',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'PDF documents', extensions: ['pdf'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      if (result.canceled) {
        return [];
      }
      const files: ChosenFile[] = [];
      // One at a time, so a file too large to read stops the batch before the rest are loaded.
      for (const filePath of result.filePaths) {
        files.push(await readChosenFile(filePath));
      }
      return files;
    },
  };
}
