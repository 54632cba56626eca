import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { maxMailBytes } from '../../../shared/contract';
import type { IncomingMail } from './mail-source';

/** A Maildir tree to read, and what to do with each message. */
export interface MaildirSourceOptions {
  /** The folder holding one `<address>/Maildir` per mailbox (how the training court delivers). */
  readonly root: string;
  /** Only these addresses' mailboxes (all when absent), e.g. the firm's docketing address at the training court. */
  readonly addresses?: readonly string[];
  /** Whether the store already holds this message, so a restart does not hand over the whole tree again. */
  readonly seen?: (sourceKey: string) => boolean | Promise<boolean>;
  readonly onMail: (mail: IncomingMail) => Promise<void>;
  /** Messages larger than this are passed over unread (default `maxMailBytes`, what a dropped email file may be). */
  readonly largestMessageBytes?: number;
}

/** A Maildir tree that hands over each message once. */
export interface MaildirSource {
  /** Hands over, oldest first, the messages not seen before; a missing tree is simply empty. */
  sync(): Promise<{ fetched: number }>;
}

interface MaildirFile {
  readonly file: string;
  readonly sourceKey: string;
  readonly modifiedAt: Date;
  readonly size: number;
}

/**
 * Reads `<root>/<address>/Maildir/{new,cur}` without moving or renaming anything (a mail program may
 * share the tree). A message counts as seen only after `onMail` resolved for it.
 */
export function createMaildirSource(options: MaildirSourceOptions): MaildirSource {
  const handedOver = new Set<string>();
  const largest = options.largestMessageBytes ?? maxMailBytes;
  return {
    async sync() {
      let fetched = 0;
      for (const entry of await listMessages(options.root, options.addresses)) {
        if (handedOver.has(entry.sourceKey)) {
          continue;
        }
        if (options.seen && (await options.seen(entry.sourceKey))) {
          handedOver.add(entry.sourceKey);
          continue;
        }
        // Read whole into memory, so one far larger than any notice is passed over unread, for good.
        if (entry.size > largest) {
          handedOver.add(entry.sourceKey);
          continue;
        }
        const raw = await readFile(entry.file).catch(() => null);
        // Moved from new/ to cur/ (or deleted) since the listing: the next sync finds it under its new name.
        if (raw === null) {
          continue;
        }
        await options.onMail({ raw, receivedAt: entry.modifiedAt, sourceKey: entry.sourceKey });
        handedOver.add(entry.sourceKey);
        fetched += 1;
      }
      return { fetched };
    },
  };
}

async function listMessages(root: string, only: readonly string[] | undefined): Promise<MaildirFile[]> {
  const addresses = (await readdir(root).catch(() => [])).filter(
    (address) => only === undefined || only.includes(address.toLowerCase()),
  );
  const files: MaildirFile[] = [];
  for (const address of addresses) {
    for (const folder of ['new', 'cur']) {
      const full = path.join(root, address, 'Maildir', folder);
      for (const name of await readdir(full).catch(() => [])) {
        const file = path.join(full, name);
        const facts = await stat(file).catch(() => null);
        if (facts === null || !facts.isFile()) {
          continue;
        }
        // Maildir moves a read message from new/ to cur/ with ":2,<flags>" added: the unique part before ':' names it.
        files.push({
          file,
          sourceKey: `maildir:${address}/${name.split(':')[0] ?? name}`,
          modifiedAt: facts.mtime,
          size: facts.size,
        });
      }
    }
  }
  return files.sort(
    (left, right) =>
      left.modifiedAt.getTime() - right.modifiedAt.getTime() || left.sourceKey.localeCompare(right.sourceKey),
  );
}
