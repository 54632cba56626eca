import { firmEntryChanges, type FirmEntryChanges } from '../../shared/firm-server';
import { describeError } from '../../shared/describe-error';
import { runInBackground } from '../background';
import { readLimitedBody } from '../inbox/free-look/anonymous-request';
import type { InboxService } from '../inbox/inbox-service';
import type { FirmSyncPlace } from '../inbox/store/firm-entry-table';
import { oneAtATime } from '../one-at-a-time';
import type { AppLog } from '../storage/app-log';
import { createEventStreamParser } from './event-stream';
import type { FirmConnection, FirmSession } from './firm-connection';

/** Waits before listening again after the stream ended or could not open: 1 s, growing, at most 30 s. */
const defaultRetryDelaysMs = [1_000, 2_000, 5_000, 15_000, 30_000] as const;
/** How often the desktop asks for changes besides being told (an event lost on the way costs at most this). */
const defaultPollMs = 60_000;
/** How long one page of changes may take. */
const pageTimeoutMs = 30_000;
/** The most one page of changes may be: 200 entries of a few KiB each, with room. */
const maxPageBytes = 16 * 1024 * 1024;

/** What following the firm server needs. */
export interface FirmSyncOptions {
  readonly connection: Pick<FirmConnection, 'session' | 'request'>;
  readonly inbox: Pick<InboxService, 'applyFirmEntries' | 'firmPlace'>;
  readonly log: AppLog;
  readonly retryDelaysMs?: readonly number[];
  readonly pollMs?: number;
}

/** The desktop following the firm server; `refresh` after connecting or disconnecting, `close` at quit. */
export interface FirmSync {
  /** Drops the stream under way and starts again with the connection as it is now. */
  refresh(): void;
  /** Asks for the changes now (the pass under way, or a new one) and resolves when it has ended. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Follows the firm server while the desktop is connected (docs/firm-server.md#notices-on-desktops): it listens to the
 * server's event stream (`GET /api/events`), and each event — and the first, which the server sends at once — asks for
 * the entries changed since this desktop's place (`GET /api/entries`), page after page, into the inbox. A stream that
 * ends or fails is opened again after a growing wait; the changes are also asked for every `pollMs`, so an event lost on
 * the way delays a notice but never loses it. A user put on a new case team reads the list again from the start.
 */
export function startFirmSync(options: FirmSyncOptions): FirmSync {
  const { connection, inbox, log } = options;
  const retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  let isClosed = false;
  let current: FirmSession | null = null;
  let stream: AbortController | null = null;
  let wakeWait: (() => void) | null = null;

  const readPage = async (session: FirmSession, cursor: string): Promise<FirmEntryChanges> => {
    const response = await connection.request(
      session,
      `/api/entries?after=${encodeURIComponent(cursor)}`,
      AbortSignal.timeout(pageTimeoutMs),
      'application/json',
    );
    const body = response.ok ? await readLimitedBody(response, maxPageBytes) : null;
    if (body === null) {
      await response.body?.cancel();
      throw new Error(
        response.ok
          ? `the firm server sent a page of changes over ${maxPageBytes / 1024 / 1024} MB, more than any it sends`
          : `the firm server answered HTTP ${response.status} for its changes`,
      );
    }
    const page = firmEntryChanges.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)));
    if (!page.success) {
      // Said in one short line: a hostile page could make the full list of what is wrong as long as the page.
      const first = page.error.issues[0];
      throw new Error(
        `the firm server's page of changes is not in the form this version reads (${page.error.issues.length} ` +
          `problem(s); the first at ${first?.path.join('.').slice(0, 100) ?? '?'}: ${first?.message.slice(0, 200) ?? '?'})`,
      );
    }
    return page.data;
  };

  /** Where to start: the place kept, unless the user now sees a case that place never covered. */
  const startingPlace = (session: FirmSession): string => {
    const kept = inbox.firmPlace(session.origin, session.user.name);
    if (kept === null) {
      return '0.0';
    }
    const covered = new Set(kept.cases);
    const seesMore =
      (session.user.seesEveryCase && !kept.seesEveryCase) || session.user.cases.some((each) => !covered.has(each));
    return seesMore ? '0.0' : kept.cursor;
  };

  const pass = oneAtATime(async (): Promise<void> => {
    if (current === null) {
      return;
    }
    // Who the user is now: a team joined since the stream opened is read from the start.
    const session = await connection.session();
    if (session === null || session.origin !== current?.origin) {
      return;
    }
    let cursor = startingPlace(session);
    for (let pages = 0; !isClosed; pages += 1) {
      const page = await readPage(session, cursor);
      const place: FirmSyncPlace = {
        cursor: page.cursor,
        cases: session.user.cases,
        seesEveryCase: session.user.seesEveryCase,
      };
      if (isClosed || current?.origin !== session.origin) {
        return;
      }
      inbox.applyFirmEntries(session.origin, session.user.name, page.entries, place);
      cursor = page.cursor;
      if (!page.hasMore) {
        return;
      }
    }
  });
  const catchUp = (): void =>
    runInBackground(
      'Firm server: reading its changes',
      async () => {
        try {
          await pass.run();
        } catch (error) {
          log(`Firm server: its changes could not be read now: ${describeError(error).message}`, 'warn');
        }
      },
      log,
    );

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (isClosed) {
        return resolve();
      }
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeWait = null;
        resolve();
      }
      wakeWait = done;
    });

  /** Reads one stream to its end: each event asks for the changes. */
  const listen = async (session: FirmSession, controller: AbortController): Promise<void> => {
    const response = await connection.request(session, '/api/events', controller.signal, 'text/event-stream');
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      await response.body?.cancel();
      throw new Error(`the firm server answered HTTP ${response.status} (${type || 'no type'}) for its events`);
    }
    const parser = createEventStreamParser((event) => {
      if (event.event === 'entries') {
        catchUp();
      }
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      parser.push(value);
    }
  };

  const follow = async (): Promise<void> => {
    let failures = 0;
    while (!isClosed) {
      current = await connection.session().catch((error: unknown) => {
        log(`Firm server: not connected now: ${describeError(error).message}`, 'warn');
        return null;
      });
      if (current === null || isClosed) {
        failures = 0;
        await wait(options.pollMs ?? defaultPollMs);
        continue;
      }
      const controller = new AbortController();
      stream = controller;
      const opened = Date.now();
      try {
        await listen(current, controller);
      } catch (error) {
        if (!controller.signal.aborted) {
          log(`Firm server: its event stream stopped: ${describeError(error).message}`, 'warn');
        }
      }
      stream = null;
      if (controller.signal.aborted) {
        continue;
      }
      // Changes made while the stream was down are read at once; the stream is opened again after a wait.
      catchUp();
      failures = Date.now() - opened > 60_000 ? 0 : failures + 1;
      await wait(retryDelaysMs[Math.min(failures, retryDelaysMs.length) - 1] ?? 0);
    }
  };

  const poll = setInterval(() => {
    if (current !== null) {
      catchUp();
    }
  }, options.pollMs ?? defaultPollMs);
  poll.unref?.();
  const following = follow().catch((error: unknown) =>
    log(`Firm server: following it ended with an error: ${describeError(error).detail}`, 'error'),
  );

  return {
    refresh() {
      stream?.abort();
      wakeWait?.();
    },
    async catchUp() {
      await pass.run();
    },
    async close() {
      isClosed = true;
      clearInterval(poll);
      stream?.abort();
      wakeWait?.();
      await following;
      await pass.close();
    },
  };
}
