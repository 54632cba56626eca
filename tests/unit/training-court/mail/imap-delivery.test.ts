import { ImapFlow } from 'imapflow';
import { afterAll, describe, expect, it } from 'vitest';
import { composeNefEmail } from '../../../../src-main/training-court/mail/compose-nef';
import { createImapDelivery } from '../../../../src-main/training-court/mail/imap-delivery';
import { startImapTestServer } from '../../../support/imap-server';
import { sampleNefEntry } from './sample-nef-entry';

const server = await startImapTestServer();

afterAll(async () => {
  await server?.stop();
});

function notice(shortDescription: string, messageId: string): string {
  return composeNefEmail(
    sampleNefEntry({ shortDescription }),
    { email: 'clerk@example.test', magicNum: '4711' },
    { messageId, date: new Date('2026-07-14T19:42:12Z') },
  );
}

interface StoredMessage {
  readonly subject: string;
  readonly isSeen: boolean;
  readonly source: string;
}

async function readInbox(): Promise<StoredMessage[]> {
  if (server === null) {
    return [];
  }
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.pass },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    const messages: StoredMessage[] = [];
    for await (const message of client.fetch('1:*', { envelope: true, flags: true, source: true })) {
      messages.push({
        subject: message.envelope?.subject ?? '',
        isSeen: message.flags?.has('\\Seen') ?? false,
        source: message.source?.toString('utf8') ?? '',
      });
    }
    return messages;
  } finally {
    await client.logout();
  }
}

describe.skipIf(server === null)(
  'createImapDelivery (against a throwaway Dovecot; skipped without root or dovecot-imapd)',
  () => {
    it('appends notices to the inbox as unread mail, over one connection that survives being dropped', async () => {
      if (server === null) {
        return;
      }
      const delivery = createImapDelivery({
        host: server.host,
        port: server.port,
        secure: false,
        auth: { user: server.user, pass: server.pass },
      });
      try {
        await delivery.deliver('clerk@example.test', notice('Motion to Intervene', '9001'));
        await delivery.deliver('clerk@example.test', notice('Order on Motion to Intervene', '9002'));
        await server.dropConnections();
        await delivery.deliver('clerk@example.test', notice('Notice of Appearance', '9003'));
      } finally {
        await delivery.close();
      }

      const inbox = await readInbox();
      expect(inbox.map((message) => message.subject)).toEqual([
        'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion to Intervene',
        'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Order on Motion to Intervene',
        'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Notice of Appearance',
      ]);
      expect(inbox.every((message) => !message.isSeen)).toBe(true);
      expect(inbox[0]?.source).toContain('magic_num=4711');
    });

    it('reports a mailbox the server does not have as a failed append, with a code', async () => {
      if (server === null) {
        return;
      }
      const delivery = createImapDelivery({
        host: server.host,
        port: server.port,
        secure: false,
        auth: { user: server.user, pass: server.pass },
        mailbox: 'No Such Folder',
      });
      try {
        await expect(delivery.deliver('clerk@example.test', notice('Motion', '9004'))).rejects.toMatchObject({
          code: 'mail.imap-append-failed',
        });
      } finally {
        await delivery.close();
      }
    });

    it('reports wrong credentials as a failed append, with a code', async () => {
      if (server === null) {
        return;
      }
      const delivery = createImapDelivery({
        host: server.host,
        port: server.port,
        secure: false,
        auth: { user: server.user, pass: 'wrong' },
      });
      try {
        await expect(delivery.deliver('clerk@example.test', notice('Motion', '9005'))).rejects.toMatchObject({
          code: 'mail.imap-append-failed',
        });
      } finally {
        await delivery.close();
      }
    });
  },
);
