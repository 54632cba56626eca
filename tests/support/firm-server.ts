import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openFirmDatabase, type FirmDatabase } from '../../src-main/core/firm/firm-database';
import { createEventStreamParser, type ServerSentEvent } from '../../src-main/core/firm-connection/event-stream';
import { migrateFirmDatabase } from '../../src-main/core/firm/migrate-firm-database';
import type { AppLog } from '../../src-main/core/storage/app-log';
import { testCliPath } from './paths';
import { startFirmServer, type FirmServer, type FirmServerTls } from '../../src-main/firm-server/firm-server';
import { openFirmPdfStore, type FirmPdfStore } from '../../src-main/core/firm/pdf-store';
import { startPostgresTestCluster, type PostgresTestCluster } from './postgres-cluster';

/** What `ecf-desk` printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ecf-desk ARGS` (the bundle as it ships) to its end, with DATABASE_URL unset unless `env` sets it. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [testCliPath, ...args],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

/** A firm server running as its own process (`ecf-desk server …`). */
export interface ServerProcess {
  /** The address it printed. */
  readonly url: string;
  /** Everything it printed on stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and returns its exit code. */
  stop(): Promise<number | null>;
  /** Ends it with SIGKILL, as a crash would, once it has gone. */
  kill(): Promise<void>;
}

/**
 * Starts `ecf-desk server ARGS` and waits for its "listening at" line; rejects with what it printed when it ends
 * before that line (with its exit code in the message).
 */
export function startServerProcess(args: readonly string[], cliPath: string = testCliPath): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [cliPath, 'server', ...args], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    printed += text;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      printed += `${line}\n`;
      const url = /listening at (\S+) /.exec(line)?.[1];
      if (url) {
        resolve({
          url,
          output: () => printed,
          async stop() {
            child.kill('SIGTERM');
            return exited;
          },
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    exited.then(
      (code) => reject(new Error(`ecf-desk server ended with exit code ${code} before listening:\n${printed}`)),
      reject,
    );
  });
}

/**
 * `ecf-desk server` on the firm database at `databaseUrl`, its PDFs in `storage`, on a free port, trusting the links of
 * the training court at `courtUrl`.
 */
export function startTrainingCourtServer(
  databaseUrl: string,
  storage: string,
  courtUrl: string,
  cliPath: string = testCliPath,
): Promise<ServerProcess> {
  return startServerProcess(
    [
      ...['--database', databaseUrl, '--storage', storage, '--port', '0'],
      ...['--court', 'cit-training', '--training-court-origin', courtUrl],
    ],
    cliPath,
  );
}

/** An answer as the tests read it. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Sends one request (HTTPS when the URL says so, trusting `ca`) and reads the whole answer. */
export function send(
  url: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string | Uint8Array; ca?: Buffer } = {},
): Promise<Answer> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, ...(options.ca ? { ca: options.ca } : {}) },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The firm database for one test: a new database in the cluster, migrated; its log lines are kept for asserting. */
export async function migratedFirmDatabase(
  cluster: PostgresTestCluster,
): Promise<FirmDatabase & { readonly url: string; readonly logged: string[]; readonly log: AppLog }> {
  const url = await cluster.createDatabase();
  const logged: string[] = [];
  const log: AppLog = (line, level = 'info') => {
    logged.push(`${level} ${line}`);
  };
  const database = openFirmDatabase(url, log);
  await migrateFirmDatabase(database.pool);
  return { ...database, url, logged, log };
}

/** A firm server in this process, on a new migrated database of its own throwaway PostgreSQL cluster. */
export interface FirmServerOnTestCluster {
  /** The cluster, for tests that stop and start PostgreSQL under the server. */
  readonly cluster: PostgresTestCluster;
  readonly database: Awaited<ReturnType<typeof migratedFirmDatabase>>;
  readonly server: TestFirmServer;
  /** Stops the server, closes the database and removes the cluster. */
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL (`startPostgresTestCluster`), migrates a new database and serves it over HTTP on 127.0.0.1; null,
 * after the cluster's one line saying why, where PostgreSQL cannot run.
 */
export async function startFirmServerOnTestCluster(): Promise<FirmServerOnTestCluster | null> {
  const cluster = await startPostgresTestCluster();
  if (cluster === null) {
    return null;
  }
  const database = await migratedFirmDatabase(cluster);
  const server = await startTestFirmServer(database, { log: () => undefined });
  return {
    cluster,
    database,
    server,
    async stop() {
      await server.close();
      await database.close();
      await cluster.stop();
    },
  };
}

/** A firm server in this process, and the PDF store it serves (in a temporary folder removed when it closes). */
export interface TestFirmServer extends FirmServer {
  readonly store: FirmPdfStore;
}

/** Starts the firm server on 127.0.0.1 over `database`, with a new PDF store; `log` defaults to the database's. */
export async function startTestFirmServer(
  database: { readonly pool: FirmDatabase['pool']; readonly log: AppLog },
  options: { readonly tls?: FirmServerTls | null; readonly log?: AppLog } = {},
): Promise<TestFirmServer> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ecf-desk-firm-pdfs-'));
  const store = await openFirmPdfStore(folder);
  const server = await startFirmServer({
    pool: database.pool,
    store,
    host: '127.0.0.1',
    port: 0,
    tls: options.tls ?? null,
    log: options.log ?? database.log,
  });
  return {
    ...server,
    url: server.url,
    port: server.port,
    store,
    async close() {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A server-sent event stream read in a test: each event in arrival order, and the status the server answered. */
export interface TestEventStream {
  readonly status: number;
  /** The next event not yet taken (waits for it). */
  next(): Promise<ServerSentEvent>;
  close(): void;
}

/** Opens `GET url` as a server-sent event stream with the user's token. */
export function openEventStream(url: string, token: string): Promise<TestEventStream> {
  return new Promise((resolve, reject) => {
    const arrived: ServerSentEvent[] = [];
    let waiting: ((event: ServerSentEvent) => void) | null = null;
    let failure: Error | null = null;
    let failWaiting: ((error: Error) => void) | null = null;
    const parser = createEventStreamParser((event) => {
      if (waiting) {
        const take = waiting;
        waiting = null;
        take(event);
      } else {
        arrived.push(event);
      }
    });
    const outgoing = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => parser.push(chunk));
      const end = (error: Error): void => {
        failure = error;
        failWaiting?.(error);
      };
      response.on('end', () => end(new Error('The event stream ended.')));
      response.on('error', end);
      resolve({
        status: response.statusCode ?? 0,
        next: () => {
          const first = arrived.shift();
          if (first) {
            return Promise.resolve(first);
          }
          if (failure) {
            return Promise.reject(failure);
          }
          return new Promise((take, fail) => {
            waiting = take;
            failWaiting = fail;
          });
        },
        close: () => outgoing.destroy(),
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
