import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { openFirmDatabase, type FirmDatabase } from '../../src-main/core/firm/firm-database';
import { migrateFirmDatabase } from '../../src-main/core/firm/migrate-firm-database';
import type { AppLog } from '../../src-main/core/storage/app-log';
import { testCliPath } from './paths';
import { startFirmServer, type FirmServer } from '../../src-main/firm-server/firm-server';
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
export function startServerProcess(args: readonly string[]): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [testCliPath, 'server', ...args], {
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

/** An answer as the tests read it. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Sends one request (HTTPS when the URL says so, trusting `ca`) and reads the whole answer. */
export function send(
  url: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string; ca?: Buffer } = {},
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
  readonly database: Awaited<ReturnType<typeof migratedFirmDatabase>>;
  readonly server: FirmServer;
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
  const server = await startFirmServer({
    pool: database.pool,
    host: '127.0.0.1',
    port: 0,
    tls: null,
    log: () => undefined,
  });
  return {
    database,
    server,
    async stop() {
      await server.close();
      await database.close();
      await cluster.stop();
    },
  };
}
