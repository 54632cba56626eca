import type pg from 'pg';
import type { CourtFetch } from '../core/court/pacer-login';
import { registerServerInstance } from '../core/firm/free-look-claims';
import type { FirmPdfStore } from '../core/firm/pdf-store';
import type { UntrustedReaders } from '../core/isolation/isolated-readers';
import { gateCourtFetch } from '../core/security/gated-fetch';
import type { UrlTrust } from '../core/security/url-gate';
import type { AppLog } from '../core/storage/app-log';
import { startFreeLookWorkers } from './free-look-workers';
import { startMailboxReader } from './mailbox-reader';

/** What reading the firm's mail and saving its free looks needs. */
export interface FirmIngestOptions {
  readonly pool: pg.Pool;
  readonly store: FirmPdfStore;
  /** The isolated child processes that read mail, court pages and PDFs (never this process). */
  readonly readers: Pick<UntrustedReaders, 'noticeParser' | 'readCourtPage' | 'countPdfPages'>;
  /** What the URL gate trusts: the firm's court, from its profile. */
  readonly trust: UrlTrust;
  readonly log: AppLog;
  /** The network; every request goes through the URL gate first. */
  readonly fetch?: CourtFetch;
  /** How often the workers look for work besides being told (default 30 s). */
  readonly pollMs?: number;
}

/** The firm's mail being read and its free looks fetched; `close` stops both cleanly. */
export interface FirmIngest {
  /** This server's number among the firm's servers (claims name it). */
  readonly instanceId: number;
  close(): Promise<void>;
}

/**
 * Starts reading the firm's mailboxes and fetching its free looks: this server takes its place among the firm's servers
 * (the lock that shows it runs), then its workers, then its mailboxes.
 */
export async function startFirmIngest(options: FirmIngestOptions): Promise<FirmIngest> {
  const { pool, log, trust } = options;
  const instance = await registerServerInstance(pool);
  const hostFetch: CourtFetch = options.fetch ?? ((url, init) => fetch(url, init));
  try {
    const workers = await startFreeLookWorkers({
      pool,
      instance,
      store: options.store,
      fetch: gateCourtFetch(hostFetch, () => trust),
      trust,
      readCourtPage: options.readers.readCourtPage,
      countPdfPages: options.readers.countPdfPages,
      log,
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    });
    const mailboxes = await startMailboxReader({ pool, parser: options.readers.noticeParser, trust, log }).catch(
      async (error: unknown) => {
        await workers.close();
        throw error;
      },
    );
    return {
      instanceId: instance.id,
      async close() {
        await mailboxes.close();
        await workers.close();
        await instance.release();
      },
    };
  } catch (error) {
    await instance.release();
    throw error;
  }
}
