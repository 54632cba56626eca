import type { ServerResponse } from 'node:http';
import type pg from 'pg';
import { canSeeCase, isOnCaseTeam } from '../core/firm/case-teams';
import { entriesChannel } from '../core/firm/firm-entries';
import type { FirmUser } from '../core/firm/firm-users';
import type { AppLog } from '../core/storage/app-log';
import { runInBackground } from '../core/background';
import { startDatabaseListener } from './database-listener';

/** How often a quiet stream carries a comment (so proxies and the desktop know it lives) and its user is checked again. */
export const heartbeatMs = 15_000;
/** The most streams one server keeps open; past it a new one is refused (503) rather than starving the rest. */
export const maxEventStreams = 2_000;

/** One desktop's open stream. */
interface Subscriber {
  user: FirmUser;
  readonly response: ServerResponse;
  readonly token: string;
}

/** What the hub needs. */
export interface EntryEventsOptions {
  readonly pool: pg.Pool;
  /** The user the token stands for now, or null once removed. */
  readonly findUser: (token: string) => Promise<FirmUser | null>;
  readonly log: AppLog;
}

/** Server-sent events of changed entries: `open` one stream per request; `close` ends them all. */
export interface EntryEvents {
  /** Serves the stream on `response` until the desktop goes, the user is removed or the hub closes; false when full. */
  open(response: ServerResponse, user: FirmUser, token: string): boolean;
  /** How many streams are open. */
  readonly size: number;
  close(): Promise<void>;
}

/**
 * Tells each connected desktop, within moments, that an entry it may see changed (docs/firm-server.md#notices-on-desktops):
 * one database connection listens on `ecf_desk_entries` for the whole server, and each announcement is passed to the
 * streams whose user may see the case — a restricted entry only to its case team. The event names only the case (the
 * desktop asks `GET /api/entries` for what changed, with its own token). When the database connection breaks, the hub listens
 * again and tells every stream to catch up, since announcements made meanwhile were lost.
 */
export async function startEntryEvents({ pool, findUser, log }: EntryEventsOptions): Promise<EntryEvents> {
  const subscribers = new Set<Subscriber>();
  let isClosed = false;

  const send = (subscriber: Subscriber, text: string): void => {
    if (!subscriber.response.writableEnded) {
      subscriber.response.write(text);
    }
  };
  const announceAll = (): void => subscribers.forEach((subscriber) => send(subscriber, 'event: entries\ndata: {}\n\n'));

  const onNotification = (message: pg.Notification): void => {
    let change: { case?: unknown; restricted?: unknown };
    try {
      change = JSON.parse(message.payload ?? '{}') as typeof change;
    } catch {
      return announceAll();
    }
    const caseNumber = typeof change.case === 'string' ? change.case : null;
    for (const subscriber of subscribers) {
      const { user } = subscriber;
      const isVisible =
        caseNumber !== null &&
        (change.restricted === true ? isOnCaseTeam(user, caseNumber) : canSeeCase(user, caseNumber));
      if (isVisible) {
        send(subscriber, `event: entries\ndata: ${JSON.stringify({ case: caseNumber })}\n\n`);
      }
    }
  };

  const listener = await startDatabaseListener({
    pool,
    channel: entriesChannel,
    name: 'Desktop events',
    onNotification,
    // Announcements made while the connection was down were lost: every desktop asks for what changed.
    onListeningAgain: announceAll,
    log,
  });

  // Each stream's user is read again at every heartbeat: a removed user's stream ends, a changed team applies.
  const heartbeat = setInterval(() => {
    for (const subscriber of subscribers) {
      send(subscriber, ': still here\n\n');
      runInBackground(
        'Desktop events: checking a stream’s user',
        async () => {
          const user = await findUser(subscriber.token);
          if (user === null) {
            subscriber.response.end();
          } else {
            subscriber.user = user;
          }
        },
        log,
      );
    }
  }, heartbeatMs);

  return {
    open(response, user, token) {
      if (isClosed || subscribers.size >= maxEventStreams) {
        return false;
      }
      const subscriber: Subscriber = { user, response, token };
      subscribers.add(subscriber);
      response.on('close', () => subscribers.delete(subscriber));
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
      });
      // The first event asks the desktop to catch up with whatever changed while it was not listening.
      response.write('retry: 2000\nevent: entries\ndata: {}\n\n');
      return true;
    },
    get size() {
      return subscribers.size;
    },
    async close() {
      isClosed = true;
      clearInterval(heartbeat);
      subscribers.forEach((subscriber) => subscriber.response.end());
      subscribers.clear();
      await listener.close();
    },
  };
}
