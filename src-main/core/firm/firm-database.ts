import pg from 'pg';
import { describeError } from '../../shared/describe-error';
import type { AppLog } from '../storage/app-log';

/** How long a connection may take to open, and a statement to run, before the caller is told the database is down. */
const connectTimeoutMs = 5_000;
const statementTimeoutMs = 30_000;
/** Connections open at once at most (opened as calls need them). */
const maxConnections = 10;

/** The firm's PostgreSQL database: a pool of connections, and how to close it. */
export interface FirmDatabase {
  readonly pool: pg.Pool;
  /** The address without its password, for messages and logs. */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * Opens a pool on the database at `url` (`postgres://user@host:port/name`, with the password there, in PGPASSWORD or
 * in ~/.pgpass). Nothing connects until the first query. A connection that breaks, idle or in use (a PostgreSQL
 * restart), is replaced at the next query, never left to end the process.
 */
export function openFirmDatabase(url: string, log: AppLog): FirmDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + connectTimeoutMs,
    application_name: 'ecf-desk-server',
  });
  const address = redactedDatabaseUrl(url);
  pool.on('error', (error) =>
    log(`A database connection broke while idle (${address}): ${describeError(error).message}`, 'warn'),
  );
  // pg also emits 'error' on a connection that breaks while checked out (PostgreSQL restarted in the middle of a
  // transaction), and an 'error' nobody listens to would end the server. The query under way fails with the same error,
  // which its caller handles, and the pool drops a broken connection when it is released: this listener only keeps
  // the process alive (docs/firm-server.md#when-postgresql-restarts).
  pool.on('connect', (client) => client.on('error', () => undefined));
  return {
    pool,
    address,
    close: () => pool.end(),
  };
}

/** The database's address as it may be shown: its password replaced by `***`; a string that is no URL, untouched. */
export function redactedDatabaseUrl(url: string): string {
  if (!URL.canParse(url)) {
    return url.includes('password') ? 'the database named by its connection string' : url;
  }
  const parsed = new URL(url);
  if (parsed.password) {
    parsed.password = '***';
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase().includes('password')) {
      parsed.searchParams.set(key, '***');
    }
  }
  return parsed.toString();
}

/** PostgreSQL's codes for a server going away or refusing connections now (class 08, and 57P01–57P03). */
const unavailableCodes = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03']);
/** The socket's codes for a database that cannot be reached. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/** Whether the error means the database cannot be reached or is going away (not a mistake in a query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (unavailableCodes.has(code) || unreachableCodes.has(code)) {
    return true;
  }
  // pg's own words for a connection that did not open in time or ended under a query.
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/i.test(
    message,
  );
}
