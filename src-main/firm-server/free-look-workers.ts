import type pg from 'pg';
import {
  claimFreeLook,
  finishFreeLook,
  markInterruptedFreeLooks,
  type ClaimedFreeLook,
  type FinishedFreeLook,
  type ServerInstance,
} from '../core/firm/free-look-claims';
import { freeLooksChannel } from '../core/firm/firm-notices';
import type { FirmPdfStore } from '../core/firm/pdf-store';
import type { CourtFetch } from '../core/court/pacer-login';
import type { PdfPageCounter } from '../core/documents/read-pdf-facts';
import { runInBackground } from '../core/background';
import { fetchFreeLook, type FreeLookResult } from '../core/inbox/free-look-fetcher';
import type { CourtPageReader } from '../core/inbox/free-look/read-court-page';
import { checkNoticeLink, RefusedUrlError, type UrlTrust } from '../core/security/url-gate';
import type { AppLog } from '../core/storage/app-log';
import { describeError } from '../shared/describe-error';
import { startDatabaseListener } from './database-listener';

/** What the free-look workers need. */
export interface FreeLookWorkersOptions {
  readonly pool: pg.Pool;
  readonly instance: ServerInstance;
  readonly store: FirmPdfStore;
  /** Court traffic through the URL gate (`gateCourtFetch`). */
  readonly fetch: CourtFetch;
  readonly trust: UrlTrust;
  /** Reads the court's pages met on the way (in the isolated child). */
  readonly readCourtPage: CourtPageReader;
  /** Counts a PDF's pages (in the isolated child). */
  readonly countPdfPages: PdfPageCounter;
  readonly log: AppLog;
  /** Free looks fetched at once by this server (default 2). */
  readonly workers?: number;
  /** How often the workers look for work and for looks left by servers that are gone, besides being told (default 30 s). */
  readonly pollMs?: number;
}

/** The running workers; `close` lets the looks under way finish and record, then stops. */
export interface FreeLookWorkers {
  close(): Promise<void>;
}

/**
 * Fetches the firm's pending free looks, each exactly once for the whole firm: a worker claims one look at a time in
 * the database (`claimFreeLook`, committed before the court is asked), fetches it with the desktop's `fetchFreeLook`
 * (never paying), keeps each PDF in the store by its SHA-256 and records the outcome. Workers wake when any server
 * stores a notice (LISTEN/NOTIFY) and every `pollMs`; each wake first marks `interrupted` the looks of servers that are
 * gone, which are never fetched again by themselves.
 */
export async function startFreeLookWorkers(options: FreeLookWorkersOptions): Promise<FreeLookWorkers> {
  const { pool, instance, log } = options;
  let isClosed = false;
  let generation = 0;
  let waiters: (() => void)[] = [];
  const wake = (): void => {
    generation += 1;
    const woken = waiters;
    waiters = [];
    woken.forEach((resolve) => resolve());
  };
  const nextWake = (since: number): Promise<void> =>
    since !== generation || isClosed ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));

  // Told when any server stores a notice; listening again after a database restart, the workers look for work at once.
  const listener = await startDatabaseListener({
    pool,
    channel: freeLooksChannel,
    name: 'Free looks',
    onNotification: wake,
    onListeningAgain: wake,
    log,
  });

  const sweep = async (): Promise<void> => {
    const interrupted = await markInterruptedFreeLooks(pool);
    if (interrupted > 0) {
      log(
        `Free looks: ${interrupted} look(s) claimed by a server that stopped were marked interrupted, not fetched again.`,
        'warn',
      );
    }
  };
  const timer = setInterval(() => {
    runInBackground('Free looks: looking for work', sweep, log);
    wake();
  }, options.pollMs ?? 30_000);

  const fetchClaimed = async (look: ClaimedFreeLook): Promise<FinishedFreeLook> => {
    const verdict = checkNoticeLink(look.url, { court: look.court }, options.trust);
    if (!verdict.isAllowed) {
      return { state: 'refused', message: verdict.reason, documents: [] };
    }
    let result: FreeLookResult;
    try {
      result = await fetchFreeLook({
        url: verdict.url,
        fetch: options.fetch,
        readPage: options.readCourtPage,
        countPages: options.countPdfPages,
      });
    } catch (error) {
      result =
        error instanceof RefusedUrlError
          ? { kind: 'refused', message: error.message }
          : { kind: 'failed', message: describeError(error).message };
    }
    if (result.kind === 'stopped') {
      return { state: 'stopped', stoppedAs: result.state, message: result.message, documents: [] };
    }
    if (result.kind !== 'saved') {
      return { state: result.kind, message: result.message, documents: [] };
    }
    const saved = [];
    for (const document of result.documents) {
      saved.push({
        number: document.number,
        description: document.description,
        pdfSha256: await options.store.put(document.bytes),
        pages: document.pages,
        state: 'saved',
        message: null,
      });
    }
    const missing = result.missing.map((document) => ({
      number: document.number,
      description: document.description,
      pdfSha256: null,
      pages: null,
      state: document.state,
      message: document.message,
    }));
    return { state: 'saved', message: missing[0]?.message ?? null, documents: [...saved, ...missing] };
  };

  const record = async (look: ClaimedFreeLook, finished: FinishedFreeLook): Promise<void> => {
    // What the court sent is kept: the record is tried again until the database takes it or the server stops.
    for (;;) {
      const since = generation;
      try {
        await finishFreeLook(pool, { id: look.claimedBy }, look.id, finished);
        log(`Free looks: look ${look.id} ${finished.state}.`);
        return;
      } catch (error) {
        log(`Free looks: look ${look.id} could not be recorded yet: ${describeError(error).message}`, 'warn');
        if (isClosed) {
          return;
        }
        await nextWake(since);
      }
    }
  };

  const work = async (): Promise<void> => {
    while (!isClosed) {
      const since = generation;
      try {
        if (!instance.isAlive()) {
          // The lock's connection broke (PostgreSQL restarted): looks in hand are now those of a server that is gone,
          // and no more are claimed under that number. Claims go on under a new one.
          const before = instance.id;
          await instance.renew();
          if (instance.id !== before) {
            log(
              `Free looks: the connection holding this server's place broke; server ${before} goes on as ${instance.id}.`,
              'warn',
            );
          }
        }
        const look = await claimFreeLook(pool, instance);
        if (look === null) {
          await nextWake(since);
          continue;
        }
        let finished: FinishedFreeLook;
        try {
          finished = await fetchClaimed(look);
        } catch (error) {
          finished = {
            state: 'failed',
            message: `The free look could not be kept: ${describeError(error).message}`,
            documents: [],
          };
        }
        await record(look, finished);
      } catch (error) {
        log(`Free looks: no look could be claimed: ${describeError(error).message}`, 'warn');
        await nextWake(since);
      }
    }
  };

  await sweep();
  const workers = Array.from({ length: options.workers ?? 2 }, () => work());
  return {
    async close() {
      isClosed = true;
      clearInterval(timer);
      wake();
      await Promise.all(workers);
      await listener.close();
    },
  };
}
