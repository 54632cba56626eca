import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFileNameProblem } from '../../shared/file-name';
import { MailError } from './mail-error';

/** Drops messages into per-addressee Maildirs, where a mail server or a test can pick them up. */
export interface MaildirDelivery {
  /** Writes one message to `<root>/<email>/Maildir/new/` and returns the file's path. */
  deliver(email: string, rawMessage: string): Promise<string>;
}

/**
 * Maildir delivery (https://cr.yp.to/proto/maildir.html): write to tmp/, fsync, then rename into new/,
 * so a reader never sees half a message. Each addressee gets `<root>/<email, lower case>/Maildir`.
 */
export function createMaildirDelivery(rootFolder: string): MaildirDelivery {
  const root = path.resolve(rootFolder);
  return {
    async deliver(email, rawMessage) {
      const maildir = path.join(root, mailboxFolderName(email), 'Maildir');
      await Promise.all(['tmp', 'new', 'cur'].map((folder) => mkdir(path.join(maildir, folder), { recursive: true })));
      for (;;) {
        const name = uniqueName();
        const temporary = path.join(maildir, 'tmp', name);
        const handle = await openNew(temporary);
        if (handle === null) {
          continue;
        }
        try {
          await handle.writeFile(rawMessage);
          await handle.sync();
        } finally {
          await handle.close();
        }
        const delivered = path.join(maildir, 'new', name);
        await rename(temporary, delivered);
        await syncFolder(path.join(maildir, 'new'));
        return delivered;
      }
    },
  };
}

/**
 * The addressee's folder name. An address is outside data (a filer types it), so anything that could
 * leave the root or trip a file system is refused: separators, "..", the characters Windows forbids in
 * names, and whatever the app's file-name rule refuses (controls, invisible formatting, line separators).
 */
function mailboxFolderName(email: string): string {
  const name = email.trim().toLowerCase();
  const isUnsafe =
    !/^[^@]+@[^@]+$/.test(name) ||
    name.includes('..') ||
    name.startsWith('.') ||
    /[/\\:*?"<>|]/.test(name) ||
    findFileNameProblem(name) !== null;
  if (isUnsafe) {
    throw new MailError(
      'mail.unsafe-address',
      `"${email}" is not an email address the training court can keep a mailbox for.`,
    );
  }
  return name;
}

/** Counts deliveries in this process, across every delivery object: the pid and this number make a name unique on the host. */
let sequence = 0;

/** `<seconds>.<pid>_<sequence>.<host>`, the classic Maildir name; "/" and ":" in the host are escaped as the spec asks. */
function uniqueName(): string {
  sequence += 1;
  const host = os.hostname().replace(/\//g, '\\057').replace(/:/g, '\\072');
  return `${Math.floor(Date.now() / 1000)}.${process.pid}_${sequence}.${host}`;
}

/** Opens a file that must not exist yet; null when another writer already took the name. */
async function openNew(file: string): Promise<FileHandle | null> {
  try {
    return await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return null;
    }
    throw error;
  }
}

/** The rename is durable only once the folder itself is synced; Windows cannot open a folder for that, and NTFS journals the rename. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') {
    return;
  }
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
