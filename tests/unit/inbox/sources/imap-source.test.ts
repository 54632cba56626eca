import { ImapFlow } from 'imapflow';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNotice } from '../../../../src-main/core/inbox/nef/parse-notice';
import { createImapSource, type ImapSourceOptions } from '../../../../src-main/core/inbox/sources/imap-source';
import type { IncomingMail } from '../../../../src-main/core/inbox/sources/mail-source';
import { startImapTestServer } from '../../../support/imap-server';
import { citNotice } from './cit-notice';

const server = await startImapTestServer();

afterAll(async () => {
  await server?.stop();
});

type Cursor = { uidValidity: string; lastUid: number } | null;

/** A client of our own, to deliver notices and look at flags the way a mail program would. */
async function withClient<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  if (server === null) {
    throw new Error('no server');
  }
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.pass },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function deliver(folder: string, ...documentNumbers: number[]): Promise<void> {
  await withClient(async (client) => {
    if (folder !== 'INBOX') {
      await client.mailboxCreate(folder).catch(() => undefined);
    }
    for (const number of documentNumbers) {
      await client.append(folder, citNotice(number), []);
    }
  });
}

/** Notices 1 and 3 with, between them, notice 2 carrying 300 KB more than any notice does. */
async function deliverWithLarge(folder: string): Promise<void> {
  await withClient(async (client) => {
    await client.mailboxCreate(folder).catch(() => undefined);
    await client.append(folder, citNotice(1), []);
    await client.append(folder, `${citNotice(2)}\r\n<!--\r\n${`${'x'.repeat(74)}\r\n`.repeat(4_000)}-->\r\n`, []);
    await client.append(folder, citNotice(3), []);
  });
}

/** A source over `folder` handing over `count` messages at once (or fewer, `bytes` of them), recording what it did. */
function batchSource(folder: string, count: number, bytes: number, fails: (uids: string[]) => boolean = () => false) {
  const order: string[] = [];
  const recorded = recordingSource(folder, {
    saveCursor: (_uidValidity, lastUid) => order.push(`cursor ${lastUid}`),
    largestMessageBytes: 100_000,
    batch: {
      count,
      bytes,
      onMails: async (mails) => {
        const uids = mails.map((mail) => mail.sourceKey.split(':').at(-1) ?? '');
        if (fails(uids)) {
          throw new Error('database down');
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`mails ${uids.join(',')}`);
      },
    },
  });
  return { ...recorded, order };
}

async function seenFlags(folder: string): Promise<boolean[]> {
  return withClient(async (client) => {
    await client.mailboxOpen(folder, { readOnly: true });
    const flags: boolean[] = [];
    for await (const message of client.fetch('1:*', { flags: true })) {
      flags.push(message.flags?.has('\\Seen') ?? false);
    }
    return flags;
  });
}

/** A source over `folder` whose cursor lives in a variable, recording what happened in order. */
function recordingSource(folder: string, overrides: Partial<ImapSourceOptions> & { cursor?: () => Cursor } = {}) {
  if (server === null) {
    throw new Error('no server');
  }
  const events: string[] = [];
  const mails: IncomingMail[] = [];
  const state: { cursor: Cursor } = { cursor: null };
  const source = createImapSource({
    id: 'test',
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.pass },
    folder,
    marksRead: false,
    cursor: () => state.cursor,
    saveCursor: (uidValidity, lastUid) => {
      state.cursor = { uidValidity, lastUid };
      events.push(`cursor ${lastUid}`);
    },
    onMail: async (mail) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      mails.push(mail);
      events.push(`mail ${mail.sourceKey.split(':').at(-1) ?? ''}`);
    },
    log: (line) => events.push(line),
    ...overrides,
  });
  return { source, events, mails, state };
}

async function documentNumbers(mails: readonly IncomingMail[]): Promise<(string | null)[]> {
  return Promise.all(mails.map(async (mail) => (await parseNotice(mail.raw)).dockets[0]?.documentNumber ?? null));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`not within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(server === null)(
  'createImapSource (against a throwaway Dovecot; skipped without root or dovecot-imapd)',
  () => {
    it('hands over the delivered notices oldest first, saving the cursor only after each was handed over', async () => {
      await deliver('Sync', 1, 2, 3);
      const { source, events, mails, state } = recordingSource('Sync');
      expect(await source.sync()).toEqual({ fetched: 3 });
      await source.close();

      expect(await documentNumbers(mails)).toEqual(['1', '2', '3']);
      expect(events).toEqual(['mail 1', 'cursor 1', 'mail 2', 'cursor 2', 'mail 3', 'cursor 3']);
      expect(state.cursor?.lastUid).toBe(3);
      expect(mails[0]?.sourceKey).toBe(`imap:Sync:${state.cursor?.uidValidity}:1`);
      expect(mails[0]?.receivedAt).toBeInstanceOf(Date);
      expect(mails[0]?.raw.toString('utf8')).toContain('magic_num=4711');
    });

    it('a restart from the saved cursor fetches nothing already handed over, then only what is new', async () => {
      const first = recordingSource('Sync');
      await first.source.sync();
      const saved = first.state.cursor;

      const restarted = recordingSource('Sync', { cursor: () => saved });
      expect(await restarted.source.sync()).toEqual({ fetched: 0 });
      await deliver('Sync', 4);
      expect(await restarted.source.sync()).toEqual({ fetched: 1 });
      expect(await documentNumbers(restarted.mails)).toEqual(['4']);
    });

    it('leaves every message unread, so the mail program still shows new notices as new', async () => {
      expect(await seenFlags('Sync')).toEqual([false, false, false, false]);
    });

    it('marks the messages read after handing them over when the account says so', async () => {
      await deliver('MarksRead', 1, 2);
      const { source } = recordingSource('MarksRead', { marksRead: true });
      expect(await source.sync()).toEqual({ fetched: 2 });
      expect(await seenFlags('MarksRead')).toEqual([true, true]);
    });

    it('starts over when the server renumbered the folder (new UIDVALIDITY), leaving duplicates to the store', async () => {
      const { source, mails, events, state } = recordingSource('Sync', {
        cursor: () => ({ uidValidity: '1', lastUid: 999 }),
      });
      expect(await source.sync()).toEqual({ fetched: 4 });
      expect(await documentNumbers(mails)).toEqual(['1', '2', '3', '4']);
      expect(events.some((line) => line.includes('renumbered'))).toBe(true);
      expect(state.cursor?.lastUid).toBe(4);
    });

    it('keeps the cursor, and the unread mark, at the last notice handed over when handing over the next one fails', async () => {
      await deliver('Failure', 1, 2, 3);
      const { source, state } = recordingSource('Failure', {
        marksRead: true,
        onMail: async (mail) => {
          if (mail.sourceKey.endsWith(':2')) {
            throw new Error('disk full');
          }
        },
      });
      await expect(source.sync()).rejects.toThrow('disk full');
      expect(state.cursor?.lastUid).toBe(1);
      // Read-write, the fetch itself is BODY.PEEK[]: the notice that failed was fetched and is still unread.
      expect(await seenFlags('Failure')).toEqual([true, false, false]);
    });

    it('passes over a message larger than an email may be without fetching it, and goes on to the next notice', async () => {
      await deliverWithLarge('Large');
      const { source, events, mails, state } = recordingSource('Large', { largestMessageBytes: 100_000 });
      expect(await source.sync()).toEqual({ fetched: 2 });
      await source.close();
      expect(await documentNumbers(mails)).toEqual(['1', '3']);
      expect(events.filter((line) => line.includes('passed over unread'))).toEqual([
        expect.stringContaining('message 2 is 0.3 MB, larger than the 0.1 MB'),
      ]);
      expect(state.cursor?.lastUid).toBe(3);
    });

    it('hands over a backlog several messages at once when asked, moving the cursor past them once handed over', async () => {
      await deliver('Backlog', 1, 2, 3, 4, 5);
      const { source, order } = batchSource('Backlog', 2, Number.POSITIVE_INFINITY);
      expect(await source.sync()).toEqual({ fetched: 5 });
      await source.close();
      expect(order).toEqual(['mails 1,2', 'cursor 2', 'mails 3,4', 'cursor 4', 'mails 5', 'cursor 5']);

      await deliver('BacklogFailure', 1, 2, 3, 4, 5);
      const failing = batchSource('BacklogFailure', 2, Number.POSITIVE_INFINITY, (uids) => uids.includes('3'));
      await expect(failing.source.sync()).rejects.toThrow('database down');
      expect(failing.order).toEqual(['mails 1,2', 'cursor 2']);
    });

    it('moves the cursor past a message passed over only once the messages before it were handed over', async () => {
      await deliverWithLarge('LargeBacklog');
      const together = batchSource('LargeBacklog', 5, Number.POSITIVE_INFINITY);
      expect(await together.source.sync()).toEqual({ fetched: 2 });
      await together.source.close();
      expect(together.order).toEqual(['mails 1,3', 'cursor 3']);
      // Each message alone once the messages in hand reach the bytes a batch may hold.
      const alone = batchSource('LargeBacklog', 5, 1);
      expect(await alone.source.sync()).toEqual({ fetched: 2 });
      await alone.source.close();
      expect(alone.order).toEqual(['mails 1', 'cursor 1', 'cursor 2', 'mails 3', 'cursor 3']);
    });

    it('watching, sees a notice delivered during IDLE within seconds, and again after the server dropped the connection', async () => {
      await deliver('Watch', 1);
      const { source, mails } = recordingSource('Watch');
      const watching = source.watch();
      try {
        await waitFor(() => mails.length === 1, 5_000);
        // Long enough for the loop to be in IDLE, and far short of imapflow's own 15 s auto-IDLE delay.
        await new Promise((resolve) => setTimeout(resolve, 500));
        await deliver('Watch', 2);
        await waitFor(() => mails.length === 2, 5_000);

        await server?.dropConnections();
        await deliver('Watch', 3);
        await waitFor(() => mails.length === 3, 10_000);
        expect(await documentNumbers(mails)).toEqual(['1', '2', '3']);
      } finally {
        await source.close();
        await watching;
      }
      expect(await seenFlags('Watch')).toEqual([false, false, false]);
    });
  },
);
