import { createServer as createHttpServer, type Server, type ServerOptions } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { AppLog } from '../core/storage/app-log';
import { findUserByToken } from '../core/firm/firm-users';
import type { FirmPdfStore } from '../core/firm/pdf-store';
import { startEntryEvents } from './entry-events';
import { createFirmRoutes } from './firm-routes';

/**
 * Bounds on what one client may hold: the server is open to a LAN. Headers must arrive within 10 s and be at most
 * 16 KiB (Node answers 431 past it); a whole request within 30 s; an idle kept-alive connection closes after 5 s.
 */
export const firmServerLimits = {
  maxHeaderBytes: 16 * 1024,
  maxHeaderCount: 100,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
} as const;

/** The certificate and key HTTPS is served with (PEM). */
export interface FirmServerTls {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/** What the firm server needs to listen. */
export interface FirmServerOptions {
  /** The firm database's pool, migrated to the schema this server knows. */
  readonly pool: pg.Pool;
  /** The firm's PDFs, which desktops fetch documents from. */
  readonly store: FirmPdfStore;
  /** 127.0.0.1 unless the firm opens it to its LAN. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** HTTPS when given, else plain HTTP. */
  readonly tls: FirmServerTls | null;
  readonly log: AppLog;
}

/** A listening firm server. */
export interface FirmServer {
  /** Where it listens: `https://host:port` (or `http://`). */
  readonly url: string;
  readonly port: number;
  /** Stops listening and ends every connection (the pool is its owner's to close). */
  close(): Promise<void>;
}

/** Starts the firm server's HTTP(S) listener. */
export async function startFirmServer(options: FirmServerOptions): Promise<FirmServer> {
  const limits: ServerOptions = {
    maxHeaderSize: firmServerLimits.maxHeaderBytes,
    headersTimeout: firmServerLimits.headersTimeoutMs,
    requestTimeout: firmServerLimits.requestTimeoutMs,
    keepAliveTimeout: firmServerLimits.keepAliveTimeoutMs,
  };
  const events = await startEntryEvents({
    pool: options.pool,
    findUser: (token) => findUserByToken(options.pool, token),
    log: options.log,
  });
  const handle = createFirmRoutes({ pool: options.pool, store: options.store, events, log: options.log });
  const onRequest: Parameters<typeof createHttpServer>[1] = (request, response) => {
    // The routes answer every failure themselves: nothing is left floating.
    handle(request, response).catch(() => response.destroy());
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...limits, cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, onRequest)
    : createHttpServer(limits, onRequest);
  server.maxHeadersCount = firmServerLimits.maxHeaderCount;
  server.maxConnections = firmServerLimits.maxConnections;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await events.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    async close() {
      await events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
