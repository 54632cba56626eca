import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/api/dispatch';
import { createCoreServices } from '../core/app-services';
import { createByteBudget, type ByteBudgetState } from '../core/byte-budget';
import { createIsolatedReaders } from '../core/isolation/isolated-readers';
import type { TrainingCourtLauncher } from '../core/ports';
import type { AppLog } from '../core/storage/app-log';
import { createSettingsFile } from '../core/storage/settings-file';
import { createKeyringSecretStore } from '../core/vault/keyring-secret-store';
import type { SecretStore } from '../core/vault/secret-store';
import { maxDocumentBytes } from '../shared/contract';
import type { Envelope } from '../shared/errors';
import { apiPrefix, bytesContentType, eventsPath, tokenHeader } from '../shared/wire';
import { createEventStreams } from './event-stream';
import { maxJsonBytes, readCallArguments, UnreadableCall, type BodyBudgets, type ReadCall } from './read-call';
import { hasToken, isAllowedHost, isAllowedOrigin } from './request-guards';
import { securityHeaders } from './security-headers';
import { serveStaticFile } from './static-files';

/** What browser mode needs to start. */
export interface BrowserModeOptions {
  readonly dataFolder: string;
  readonly rendererFolder: string;
  /** The child process that reads untrusted files (`workers/isolated-child.js` in the build, beside each job's bundle). */
  readonly isolatedChildPath: string;
  readonly version: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Starts the embedded training court (the default court); absent, the app runs without one. */
  readonly trainingCourt?: TrainingCourtLauncher | null;
  /** The keychain; the OS keychain through @napi-rs/keyring unless a test passes another. */
  readonly secretStore?: SecretStore;
  /** Bytes of uploaded files held at once (see `defaultUploadBytesInFlight`); tests set a small one. */
  readonly uploadBytesInFlight?: number;
}

/**
 * Uploaded bytes held at once, from the first byte read until the call is answered: one file of the largest size the
 * app reads (512 MB), or several smaller ones. Six 200 MB uploads at once took 3.1 GB; now two are read and worked on
 * while the others wait unread, held back by TCP, and go on in turn. The renderer sends its files one at a time anyway.
 */
export const defaultUploadBytesInFlight = maxDocumentBytes;

/** JSON bodies held at once: sixteen of the largest (1 MB each), thousands of the ordinary few hundred bytes. */
const jsonBytesInFlight = 16 * maxJsonBytes;

/** A running browser-mode server. */
export interface BrowserModeServer {
  /** The address to open, with the per-launch token in the fragment (never sent to the server by the browser). */
  readonly url: string;
  readonly port: number;
  /** The uploaded bytes held now, the most held at once so far, and the calls waiting for room. */
  uploadsInFlight(): ByteBudgetState;
  /** Core's log (the host's last-resort handlers write to it). */
  readonly log: AppLog;
  close(): Promise<void>;
}

function sendEnvelope(response: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(envelope));
}

/** A successful call whose value is bytes answers them raw (see `wire.ts`): a document as JSON would be several times its size. */
function sendBytes(response: ServerResponse, bytes: Uint8Array): void {
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': bytesContentType,
    'content-length': String(bytes.byteLength),
    'cache-control': 'no-store',
  });
  response.end(bytes);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

/**
 * Starts browser mode: the same core services as the desktop app, the built renderer, and the
 * contract over `POST /api/<channel>`, on 127.0.0.1 only, behind a random per-launch token and
 * Host/Origin checks (no DNS rebinding, no cross-site calls).
 */
export async function startBrowserModeServer(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const token = randomBytes(24).toString('base64url');
  const streams = createEventStreams();
  // The log is core's, which exists only once core is built; the readers start no child before then.
  let log: AppLog | null = null;
  const readers = createIsolatedReaders({
    scriptPath: options.isolatedChildPath,
    log: (line, level) => log?.(line, level),
  });
  const core = createCoreServices({
    dataFolder: options.dataFolder,
    host: 'browser',
    version: options.version,
    settingsFile: createSettingsFile(options.dataFolder),
    fileChooser: null,
    readers,
    emit: streams.emit,
    trainingCourt: options.trainingCourt ?? null,
    secretStore: options.secretStore ?? createKeyringSecretStore(),
  });
  log = core.log;
  readers.warmUp();
  let port = options.port;
  const budgets: BodyBudgets = {
    files: createByteBudget(options.uploadBytesInFlight ?? defaultUploadBytesInFlight),
    json: createByteBudget(jsonBytesInFlight),
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    if (!hasToken(request.headers[tokenHeader], token)) {
      return refuse(response, 401, 'This page is not from the running ECF Desk. Open the address ECF Desk printed.');
    }
    if (pathname === eventsPath && request.method === 'GET') {
      return streams.open(response);
    }
    if (request.method !== 'POST') {
      return refuse(response, 405, 'Calls use POST.');
    }
    let call: ReadCall;
    try {
      call = await readCallArguments(request, budgets);
    } catch (error) {
      const message = error instanceof UnreadableCall ? error.message : 'the request could not be read';
      return sendEnvelope(response, 400, {
        ok: false,
        error: { code: 'invalid-arguments', message: `The request was malformed: ${message}.` },
      });
    }
    try {
      const envelope = await dispatch(core.handlers, pathname.slice(apiPrefix.length), call.args);
      if (envelope.ok && envelope.value instanceof Uint8Array) {
        return sendBytes(response, envelope.value);
      }
      sendEnvelope(response, 200, envelope);
    } finally {
      // The handler is done with the body: the next waiting call may be read.
      call.hold.release();
    }
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!isAllowedHost(request, port)) {
      return refuse(response, 421, 'Wrong host.');
    }
    if (!isAllowedOrigin(request, port)) {
      return refuse(response, 403, 'Cross-site requests are refused.');
    }
    const work = url.pathname.startsWith(apiPrefix)
      ? handleApi(request, response, url.pathname)
      : request.method === 'GET' || request.method === 'HEAD'
        ? serveStaticFile(options.rendererFolder, url.pathname, response)
        : Promise.resolve(refuse(response, 405, 'Method not allowed.'));
    work.catch(() => {
      if (!response.headersSent) {
        refuse(response, 500, 'Something went wrong inside ECF Desk.');
      } else {
        response.end();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    uploadsInFlight: () => budgets.files.state(),
    log: core.log,
    async close() {
      streams.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Core first: it stops its checks without recording them, so they resume at the next start, and its fixes without keeping them.
      await core.close();
      await readers.close();
    },
  };
}
