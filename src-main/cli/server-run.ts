import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { installLastResortHandlers } from '../core/background';
import { firmCourtTrust } from '../core/firm/firm-court';
import { openFirmPdfStore } from '../core/firm/pdf-store';
import type { UrlTrust } from '../core/security/url-gate';
import { courtProfileId } from '../shared/domain';
import { describeError } from '../shared/describe-error';
import { startFirmIngest, type FirmIngest } from '../firm-server/firm-ingest';
import { startFirmServer, type FirmServer, type FirmServerTls } from '../firm-server/firm-server';
import { openReaders } from './cli-support';
import { exitCodes } from './exit-codes';
import {
  databaseOption,
  databaseUrlFrom,
  failServerUsage,
  readServerOptions,
  serverLog,
  withFirmDatabase,
} from './server-command';

/** How long a server in an unknown state is given to close before the process ends anyway. */
const closeBeforeExitMs = 5_000;

/** Runs the firm server until SIGINT or SIGTERM; the exit code. */
export async function runFirmServer(args: readonly string[]): Promise<number> {
  const parsed = readServerOptions({
    args: [...args],
    options: {
      ...databaseOption,
      storage: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      court: { type: 'string', default: 'cit' },
      'training-court-origin': { type: 'string' },
    },
  });
  if (parsed === null) {
    return exitCodes.error;
  }
  const { values } = parsed;
  const url = databaseUrlFrom(values.database);
  if (url === null) {
    return exitCodes.error;
  }
  if (values.storage === undefined) {
    return failServerUsage('Name the folder PDFs are kept in: --storage FOLDER (a local folder or a file share).');
  }
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    return failServerUsage('HTTPS needs both --tls-cert and --tls-key.');
  }
  const isTls = values['tls-cert'] !== undefined;
  const port = Number(values.port ?? (isTls ? 8443 : 8080));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return failServerUsage(`--port must be a port number from 0 to 65535, not "${values.port}".`);
  }
  if (isIP(values.host) === 0) {
    return failServerUsage(
      `--host must be an IP address to listen on (such as 127.0.0.1 or 0.0.0.0), not "${values.host}".`,
    );
  }

  const profile = courtProfileId.safeParse(values.court);
  if (!profile.success) {
    return failServerUsage(`--court must be ${courtProfileId.options.join(' or ')}, not "${values.court}".`);
  }
  const court = firmCourtTrust(profile.data, values['training-court-origin'] ?? null);
  if ('refusal' in court) {
    return failServerUsage(court.refusal);
  }
  const trust: UrlTrust = court.trust;

  let tls: FirmServerTls | null = null;
  let storage;
  try {
    if (values['tls-cert'] !== undefined && values['tls-key'] !== undefined) {
      tls = { cert: await readFile(values['tls-cert']), key: await readFile(values['tls-key']) };
    }
    storage = await openFirmPdfStore(values.storage);
  } catch (error) {
    process.stderr.write(`The firm server cannot start: ${describeError(error).message}\n`);
    return exitCodes.error;
  }
  const { folder } = storage;
  const pdfStore = storage;
  const host = values.host;

  return withFirmDatabase(url, async (database, schemaVersion) => {
    let server: FirmServer;
    try {
      server = await startFirmServer({ pool: database.pool, store: pdfStore, host, port, tls, log: serverLog });
    } catch (error) {
      process.stderr.write(`The firm server cannot listen on ${host}:${port}: ${describeError(error).message}\n`);
      return exitCodes.error;
    }
    const readers = openReaders();
    let ingest: FirmIngest;
    try {
      ingest = await startFirmIngest({ pool: database.pool, store: pdfStore, readers, trust, log: serverLog });
    } catch (error) {
      await server.close();
      await readers.close();
      throw error;
    }
    const stopped = whenStopped(server, async () => {
      await ingest.close();
      await readers.close();
    });
    process.stdout.write(
      `ECF Desk firm server listening at ${server.url} (database ${database.address}, schema version ` +
        `${schemaVersion}; PDFs in ${folder}).\n`,
    );
    if (tls === null && !isLoopback(host)) {
      serverLog(
        `Listening on ${host} without TLS: user tokens cross the network in the clear. Give --tls-cert and --tls-key.`,
        'warn',
      );
    }
    await stopped;
    return exitCodes.pass;
  });
}

/**
 * Resolves once a signal has stopped the server: it stops listening, then lets the mail and free looks under way be
 * stored (`stopWork`). An uncaught exception closes it and ends the process with 1.
 */
function whenStopped(server: FirmServer, stopWork: () => Promise<void>): Promise<void> {
  installLastResortHandlers(
    () => serverLog,
    () => {
      setTimeout(() => process.exit(1), closeBeforeExitMs).unref();
      server
        .close()
        .finally(() => process.exit(1))
        .catch(() => undefined);
    },
  );
  return new Promise((resolve) => {
    const stop = (): void => {
      Promise.all([server.close(), stopWork()]).then(
        () => resolve(),
        (error: unknown) => {
          serverLog(`The firm server did not close cleanly: ${describeError(error).detail}`, 'error');
          resolve();
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function isLoopback(host: string): boolean {
  return host === '::1' || host.startsWith('127.');
}
