import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `file` with `data` so that a crash or power loss leaves either the old content or the
 * new, never a mix: the bytes go to a temporary file in the same folder, reach the disk, and only
 * then take the target's name in one rename.
 */
export async function writeFileAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const folder = path.dirname(file);
  // Same folder as the target: a rename is only atomic within one file system.
  const temporary = path.join(folder, `.tmp-${path.basename(file)}-${randomBytes(8).toString('hex')}`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Folder errors that mean "this file system cannot sync a folder", not "the write failed". */
const syncUnsupported = new Set(['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP']);

async function syncFolder(folder: string): Promise<void> {
  // The rename lives in the folder's entry list; without syncing it a power loss can undo the rename.
  // Windows cannot open a folder as a file, and NTFS journals the rename itself.
  if (process.platform === 'win32') {
    return;
  }
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!syncUnsupported.has((error as NodeJS.ErrnoException).code ?? '')) {
      throw error;
    }
  } finally {
    await handle.close();
  }
}
