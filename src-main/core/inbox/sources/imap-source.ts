import { ImapFlow } from 'imapflow';
import { maxMailBytes } from '../../../shared/contract';
import { fetchNewMail, type FetchNewMailSettings } from './imap-fetch-new';
import { createPause, reconnectDelay } from './reconnect-delay';
import type { LogLevel } from '../../storage/app-log';

/** One IMAP folder to read notices from, and where its progress is kept. */
export interface ImapSourceOptions extends FetchNewMailSettings {
  /** Names the account in log lines. */
  readonly id: string;
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (993); false for STARTTLS-less test servers. */
  readonly secure: boolean;
  /** A password, or an OAuth2 access token (sent as XOAUTH2) for Microsoft 365 and Gmail. */
  readonly auth: { readonly user: string; readonly pass?: string; readonly accessToken?: string };
}

/** A mailbox that hands over new mail once each. */
export interface ImapSource {
  /** Fetches what arrived since the saved cursor. */
  sync(): Promise<{ fetched: number }>;
  /** Stays connected, syncing whenever the server reports new mail, until `close()`; reconnects after a drop. */
  watch(): Promise<void>;
  /** Ends the watch and logs out. */
  close(): Promise<void>;
}

/** RFC 2177 §3: servers may drop an IDLE after 30 minutes, so it is renewed well before. */
const idleRenewalMs = 10 * 60 * 1000;
/** A server that refuses IDLE is asked again this often. */
const pollIntervalMs = 60 * 1000;
/** Room in one IMAP response for what surrounds a message's literal (its FETCH line, flags, date). */
const responseFramingBytes = 1024 * 1024;

/**
 * Reads one IMAP folder without marking anything read (unless `marksRead`): a paralegal who opens the
 * mailbox in Outlook still sees every new notice as new. `sync` resumes by UID from the saved cursor;
 * `watch` keeps one connection in IDLE, which imapflow would only start by itself 15 s after the last
 * command, so the loop starts it at once.
 */
export function createImapSource(options: ImapSourceOptions): ImapSource {
  const log = (line: string, level?: LogLevel): void => options.log(`imap ${options.id}: ${line}`, level);
  const settings: FetchNewMailSettings = { ...options, log };
  const largestMessageBytes = options.largestMessageBytes ?? maxMailBytes;
  const pause = createPause();
  let watcher: ImapFlow | null = null;
  let watching: Promise<void> | null = null;
  let isClosed = false;
  // One sync at a time, so two never hand over the same message or move the cursor backwards.
  let syncQueue: Promise<unknown> = Promise.resolve();

  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = syncQueue.then(task);
    syncQueue = run.catch(() => undefined);
    return run;
  }

  async function connect(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: { ...options.auth },
      logger: false,
      disableAutoIdle: true,
      maxIdleTime: idleRenewalMs,
      // Messages over the limit are never asked for; a server that sends more than it announced is cut off here.
      maxLiteralSize: largestMessageBytes,
      maxResponseSize: largestMessageBytes + responseFramingBytes,
    });
    // Without a listener a socket error would be thrown at the process; the watch loop sees `usable` turn false.
    client.on('error', (error: unknown) => log(`connection error: ${describe(error)}`, 'warn'));
    await client.connect();
    // EXAMINE when nothing is to be marked: the server then keeps \Seen as it is whatever we fetch.
    await client.mailboxOpen(options.folder, { readOnly: !options.marksRead });
    return client;
  }

  async function watchConnected(client: ImapFlow): Promise<void> {
    // Set by the server's EXISTS, which can arrive while a sync is running as well as during IDLE.
    const news = { hasArrived: false };
    client.on('exists', () => {
      news.hasArrived = true;
      // Any command ends the IDLE the loop below is waiting in.
      client.noop().catch(() => undefined);
    });
    while (!isClosed && client.usable) {
      news.hasArrived = false;
      const fetched = await serialized(() => fetchNewMail(client, settings));
      if (fetched > 0) {
        log(`${fetched} new message(s) in "${options.folder}".`, 'debug');
      }
      if (news.hasArrived || isClosed) {
        continue;
      }
      const isIdling = (await client.idle()) !== false;
      if (!isIdling && client.usable && !isClosed) {
        await pause.wait(pollIntervalMs);
      }
    }
  }

  async function watchLoop(): Promise<void> {
    let failures = 0;
    while (!isClosed) {
      try {
        const client = await connect();
        watcher = client;
        failures = 0;
        try {
          await watchConnected(client);
        } finally {
          watcher = null;
          await logOut(client);
        }
      } catch (error) {
        if (isClosed) {
          break;
        }
        log(`watch interrupted: ${describe(error)}`, 'warn');
      }
      if (isClosed) {
        break;
      }
      failures += 1;
      const delay = reconnectDelay(failures);
      log(`connecting again in ${Math.round(delay / 1000)} s.`);
      await pause.wait(delay);
    }
  }

  return {
    sync() {
      return serialized(async () => {
        const live = watcher;
        if (live?.usable) {
          return { fetched: await fetchNewMail(live, settings) };
        }
        const client = await connect();
        try {
          return { fetched: await fetchNewMail(client, settings) };
        } finally {
          await logOut(client);
        }
      });
    },
    watch() {
      watching ??= watchLoop().finally(() => {
        watching = null;
      });
      return watching;
    },
    async close() {
      isClosed = true;
      pause.cancel();
      const live = watcher;
      if (live !== null) {
        await logOut(live);
      }
      await watching;
      await syncQueue;
    },
  };
}

async function logOut(client: ImapFlow): Promise<void> {
  try {
    if (client.usable) {
      await client.logout();
    }
  } catch {
    // A connection already gone has nothing to log out of.
  } finally {
    client.close();
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const { responseText } = error as { responseText?: unknown };
  return typeof responseText === 'string' && responseText !== '' ? responseText : error.message;
}
