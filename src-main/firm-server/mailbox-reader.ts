import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { listMailboxes, mailboxesChannel, type FirmMailbox } from '../core/firm/firm-mailboxes';
import {
  noticesPerTransaction,
  readMailboxCursor,
  saveMailboxCursor,
  storeNotices,
  type ArrivedNotice,
} from '../core/firm/firm-notices';
import type { NoticeParser } from '../core/inbox/notice-reading';
import { createImapSource, type ImapSource } from '../core/inbox/sources/imap-source';
import type { IncomingMail } from '../core/inbox/sources/mail-source';
import type { UrlTrust } from '../core/security/url-gate';
import type { AppLog } from '../core/storage/app-log';
import { describeError } from '../shared/describe-error';
import { runInBackground } from '../core/background';
import { oneAtATime } from '../core/one-at-a-time';
import { startDatabaseListener } from './database-listener';

/** What reading the firm's mailboxes needs. */
export interface MailboxReaderOptions {
  readonly pool: pg.Pool;
  /** Reads each message in the isolated child process: mail is hostile input. */
  readonly parser: NoticeParser;
  /** What the URL gate trusts: a link it refuses is stored as refused and never fetched. */
  readonly trust: UrlTrust;
  readonly log: AppLog;
}

/** How many bytes of messages a mailbox holds in memory at most before storing them (one larger message alone). */
const batchBytes = 16 * 1024 * 1024;

/** The firm's mailboxes being read; `close` ends every connection once the messages in hand are stored. */
export interface MailboxReader {
  close(): Promise<void>;
}

/**
 * Reads every mailbox the database records, each with the desktop's IMAP source (read-only: people reading the
 * mailbox still see new mail as new), resuming after the UID the database keeps for it. Each message is parsed in the
 * isolated child and stored once for the firm (`storeNotices`, a backlog many messages a transaction); the cursor moves
 * once a message is stored, so a server that dies reads at most the messages in hand again, and the store absorbs them.
 * A mailbox added while the server runs is read from the moment `add-mailbox` commits (it announces it on
 * `ecf_desk_mailboxes`), and the list is read again whenever the database connection comes back.
 */
export async function startMailboxReader(options: MailboxReaderOptions): Promise<MailboxReader> {
  const { pool, log } = options;
  // Each mailbox's reader by its id; null for one that cannot be read until the server starts again.
  const readers = new Map<number, MailboxReader | null>();
  let isClosed = false;
  const startNew = oneAtATime(async () => {
    for (const mailbox of await listMailboxes(pool)) {
      if (isClosed || readers.has(mailbox.id)) {
        continue;
      }
      readers.set(mailbox.id, null);
      try {
        readers.set(mailbox.id, await readMailbox(mailbox, options));
      } catch (error) {
        // Where reading resumes could not be read (the database went away): the next look tries this mailbox again.
        readers.delete(mailbox.id);
        throw error;
      }
    }
  });
  const lookForNew = (): void => runInBackground('Mailboxes: looking for mailboxes added', () => startNew.run(), log);
  await startNew.run();
  const listener = await startDatabaseListener({
    pool,
    channel: mailboxesChannel,
    name: 'Mailboxes',
    onNotification: lookForNew,
    onListeningAgain: lookForNew,
    log,
  });
  return {
    async close() {
      isClosed = true;
      await listener.close();
      await startNew.close();
      await Promise.all([...readers.values()].map((reader) => reader?.close()));
      log('Mailboxes: every connection closed.');
    },
  };
}

async function readMailbox(
  row: FirmMailbox & { readonly id: number },
  options: MailboxReaderOptions,
): Promise<MailboxReader | null> {
  const { pool, log } = options;
  const mailboxId = row.id;
  let password: string;
  try {
    password = (await readFile(row.passwordFile, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    log(
      `Mailbox ${row.name}: its password file ${row.passwordFile} cannot be read (${describeError(error).message}); ` +
        'it is not read until the server starts again with the file in place.',
      'error',
    );
    return null;
  }
  let cursor = await readMailboxCursor(pool, mailboxId);
  // Cursor moves are written in order; a failed write is logged and the next one catches up.
  let cursorWrites: Promise<void> = Promise.resolve();
  // A backlog is handed over many messages at once and stored in one transaction (`storeNotices`); the cursor moves
  // past them once they are stored.
  const ingest = async (mails: readonly IncomingMail[]): Promise<void> => {
    const arrived: ArrivedNotice[] = [];
    for (const mail of mails) {
      const reading = await options.parser.parse(mail.raw);
      if (reading.kind === 'unreadable') {
        log(`Mailbox ${row.name}: a message could not be read and was passed over: ${reading.reason}`, 'warn');
        continue;
      }
      arrived.push({
        rawSha256: createHash('sha256').update(mail.raw).digest('hex'),
        mailboxId,
        receivedAt: mail.receivedAt,
        notice: reading.notice,
      });
    }
    if (arrived.length === 0) {
      return;
    }
    // A database that is down throws, which keeps the messages for the next read; a message the database refuses would
    // be refused again at every read, so it is passed over rather than left to stop the mailbox.
    for (const stored of await storeNotices(pool, arrived, options.trust)) {
      if (stored.status === 'rejected') {
        log(
          `Mailbox ${row.name}: a notice could not be stored and was passed over: ${describeError(stored.reason).detail}`,
          'error',
        );
      } else if (stored.value.outcome === 'new') {
        const { noticeId, newEntries, pendingLooks } = stored.value;
        log(
          `Mailbox ${row.name}: notice ${noticeId} stored (${newEntries} new entr${newEntries === 1 ? 'y' : 'ies'}, ` +
            `${pendingLooks} free look${pendingLooks === 1 ? '' : 's'} to fetch).`,
        );
      }
    }
  };
  const source: ImapSource = createImapSource({
    id: row.name,
    host: row.host,
    port: row.port,
    secure: row.secure,
    auth: { user: row.login, pass: password },
    folder: row.folder,
    marksRead: false,
    cursor: () => cursor,
    saveCursor: (uidValidity, lastUid) => {
      cursor = { uidValidity, lastUid };
      cursorWrites = cursorWrites.then(() =>
        saveMailboxCursor(pool, mailboxId, uidValidity, lastUid).catch((error: unknown) =>
          log(`Mailbox ${row.name}: where reading resumes could not be saved: ${describeError(error).message}`, 'warn'),
        ),
      );
    },
    onMail: (mail) => ingest([mail]),
    batch: { count: noticesPerTransaction, bytes: batchBytes, onMails: ingest },
    log,
  });
  const watching = source
    .watch()
    .catch((error: unknown) => log(`Mailbox ${row.name}: reading stopped: ${describeError(error).detail}`, 'error'));
  return {
    async close() {
      await source.close();
      await watching;
      await cursorWrites;
    },
  };
}
