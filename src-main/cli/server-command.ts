import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openFirmDatabase, redactedDatabaseUrl } from '../core/firm/firm-database';
import { isSchemaRefusal } from '../core/firm/firm-error';
import { migrateFirmDatabase } from '../core/firm/migrate-firm-database';
import type { AppLog } from '../core/storage/app-log';
import { describeError } from '../shared/describe-error';
import { exitCodes } from './exit-codes';

/** `ecf-desk server …`: its usage. */
export const serverUsage = `Usage:
  ecf-desk server --storage FOLDER [--database URL] [--host ADDRESS] [--port N]
                  [--tls-cert FILE --tls-key FILE] [--court cit|cit-training
                  --training-court-origin http://127.0.0.1:PORT]
  ecf-desk server add-user NAME --role docketing|attorney|paralegal|admin
  ecf-desk server list-users
  ecf-desk server remove-user NAME
  ecf-desk server add-mailbox NAME --host HOST --login USER --password-file FILE
                  [--port N] [--starttls] [--folder FOLDER]
  ecf-desk server case-team CASE [--add USER]... [--remove USER]... [--list]

server      Runs the firm server (docs/firm-server.md): the firm's users, case teams and mailboxes in
            PostgreSQL, PDFs in a folder kept by SHA-256, GET /health for monitors and the API for
            desktops, each call with a user's token. Reads the firm's mailboxes, stores each notice
            once and saves each free look once for the firm. Stops on SIGINT or SIGTERM.
add-user    Adds a user and prints their token, this once (the server keeps only its SHA-256).
            Docketing staff see every case; the others see the cases of their teams.
list-users  Lists users, their roles and their cases.
remove-user Removes a user: their token stops working at once.
add-mailbox Records a mailbox the server will read notices from. Its password stays in the file,
            which only the server's account may read (chmod 600); the database names the file only.
case-team   Adds users to a case's team, removes them, and lists it.

  --database URL   the firm's PostgreSQL database, postgres://user@host:port/name (default:
                   DATABASE_URL); every command migrates it to the schema this version knows
  --storage FOLDER where PDFs are kept (a local folder or a file share)
  --host ADDRESS   the address to listen on (default 127.0.0.1, this computer only; 0.0.0.0
                   opens the server to the network: give it --tls-cert and --tls-key then)
  --port N         the port (default 8443 with TLS, 8080 without; 0 picks a free one)
  --tls-cert FILE, --tls-key FILE
                   serve HTTPS with this certificate and key (PEM)
  --court ID       the court whose notice links are trusted and fetched: cit (default), or
                   cit-training with --training-court-origin, the training court's loopback
                   address (for trying the server and for tests)

Exit code: 0 done (the server: stopped by a signal), 2 refused (a name taken, no such user, a
password file others may read: the message says which), 3 could not run (no database, bad
options), 5 the database's schema is newer than this version or not one it recognises.
`;

/** The commands that manage the firm's data and end at once, loaded only when one of them runs. */
const adminCommands: ReadonlySet<string> = new Set([
  'add-user',
  'list-users',
  'remove-user',
  'add-mailbox',
  'case-team',
]);

/** Stops with a message and the usage, exit code 3. */
export function failServerUsage(message: string): number {
  process.stderr.write(`${message}\n\n${serverUsage}`);
  return exitCodes.error;
}

/** The server's log: one line an event on stderr (a service manager keeps it), never a secret. */
export const serverLog: AppLog = (line, level = 'info') => {
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${line.replace(/[\r\n]+/g, ' ')}\n`);
};

/** Runs `server` or one of its admin commands; the exit code. */
export async function runServerCommand(args: readonly string[]): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(serverUsage);
    return exitCodes.pass;
  }
  if (first !== undefined && adminCommands.has(first)) {
    const { runServerAdminCommand } = await import('./server-admin-command');
    return runServerAdminCommand(first, rest);
  }
  if (first !== undefined && !first.startsWith('-')) {
    return failServerUsage(`Unknown server command "${first}".`);
  }
  const { runFirmServer } = await import('./server-run');
  return runFirmServer(args);
}

/** The database's address from --database, else DATABASE_URL; null after saying what is missing. */
export function databaseUrlFrom(option: string | undefined): string | null {
  const url = option ?? process.env['DATABASE_URL'] ?? '';
  if (url === '') {
    failServerUsage('Name the firm database: --database postgres://user@host:port/name, or set DATABASE_URL.');
    return null;
  }
  return url;
}

/** `--database URL`, which every server command takes. */
export const databaseOption = { database: { type: 'string' } } as const;

/** Parses a server command's arguments; null after saying what is wrong (exit code 3). */
export function readServerOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> | null {
  try {
    return parseArgs(config);
  } catch (error) {
    failServerUsage(describeError(error).message);
    return null;
  }
}

/**
 * Opens the firm database at `url`, migrates it, and runs `work` with the pool; the exit code. A schema this version
 * does not know refuses (5); a database that cannot be reached, or any failure `describe` does not turn into an exit
 * code, is reported as a plain sentence (3).
 */
export async function withFirmDatabase(
  url: string,
  work: (database: ReturnType<typeof openFirmDatabase>, schemaVersion: number) => Promise<number>,
  describe: (error: unknown) => number | null = () => null,
): Promise<number> {
  const database = openFirmDatabase(url, serverLog);
  try {
    const schemaVersion = await migrateFirmDatabase(database.pool);
    return await work(database, schemaVersion);
  } catch (error) {
    if (isSchemaRefusal(error)) {
      process.stderr.write(`${error.message}\n`);
      return exitCodes.unknownSchema;
    }
    const code = describe(error);
    if (code !== null) {
      return code;
    }
    process.stderr.write(
      `The firm database at ${redactedDatabaseUrl(url)} could not be used: ${describeError(error).message}. ` +
        'Check --database (or DATABASE_URL), and that PostgreSQL runs and lets this user in.\n',
    );
    return exitCodes.error;
  } finally {
    await database.close();
  }
}
