import type pg from 'pg';
import { runInBackground } from '../core/background';
import type { AppLog } from '../core/storage/app-log';
import { describeError } from '../shared/describe-error';

/** Waits before listening again after the database connection broke: 0.5 s, doubling, at most 10 s. */
const reconnectDelaysMs = [500, 1_000, 2_000, 5_000, 10_000] as const;

/** What a listener needs. */
export interface DatabaseListenerOptions {
  readonly pool: pg.Pool;
  /** The channel to LISTEN on (a constant of the code, never input). */
  readonly channel: string;
  /** Names the listener in the log ("Desktop events", "Free looks"). */
  readonly name: string;
  readonly onNotification: (message: pg.Notification) => void;
  /** Called once listening again after a break: announcements made meanwhile were lost, so the owner catches up. */
  readonly onListeningAgain: () => void;
  readonly log: AppLog;
}

/** A LISTEN that outlives database restarts; `close` stops it. */
export interface DatabaseListener {
  close(): Promise<void>;
}

/**
 * Listens on one channel on a connection of its own (docs/firm-server.md#when-postgresql-restarts). When that connection
 * breaks (PostgreSQL restarted, a failover, the network), it listens again on a new one, waiting 0.5 s and then longer
 * between tries while the database does not answer, and calls `onListeningAgain` once it does. The first LISTEN must
 * work: a server that cannot listen at start does not start.
 */
export async function startDatabaseListener(options: DatabaseListenerOptions): Promise<DatabaseListener> {
  const { pool, channel, name, log } = options;
  let isClosed = false;
  /** The connection listening now, and how to let it go (once). */
  let listener: { readonly client: pg.PoolClient; readonly retire: () => void } | null = null;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    let isRetired = false;
    const retire = (): void => {
      if (!isRetired) {
        isRetired = true;
        client.release(true);
      }
    };
    const onBroken = (error?: Error): void => {
      if (isRetired) {
        return;
      }
      retire();
      log(
        `${name}: the connection that hears of changes broke${error ? `: ${describeError(error).message}` : '.'}`,
        'warn',
      );
      if (listener?.client === client) {
        listener = null;
        scheduleListen();
      }
    };
    client.on('notification', options.onNotification);
    client.on('error', onBroken);
    client.on('end', () => onBroken());
    try {
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      retire();
      throw error;
    }
    if (isClosed || isRetired) {
      retire();
      if (!isClosed) {
        throw new Error('The connection ended as it started listening.');
      }
      return;
    }
    listener = { client, retire };
    if (failures > 0) {
      log(`${name}: listening again; catching up with what changed meanwhile.`);
      options.onListeningAgain();
    }
    failures = 0;
  };

  const scheduleListen = (): void => {
    if (isClosed || retry !== null) {
      return;
    }
    const delay = reconnectDelaysMs[Math.min(failures, reconnectDelaysMs.length - 1)];
    failures += 1;
    retry = setTimeout(() => {
      retry = null;
      runInBackground(
        `${name}: listening again`,
        () =>
          listen().catch((error: unknown) => {
            log(`${name}: the database does not answer yet: ${describeError(error).message}`, 'warn');
            scheduleListen();
          }),
        log,
      );
    }, delay);
  };

  await listen();
  return {
    async close() {
      isClosed = true;
      if (retry !== null) {
        clearTimeout(retry);
      }
      const current = listener;
      listener = null;
      if (current !== null) {
        current.client.off('notification', options.onNotification);
        await current.client.query(`UNLISTEN ${channel}`).catch(() => undefined);
        current.retire();
      }
    },
  };
}
