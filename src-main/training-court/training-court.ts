import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createByteBudget, type ByteBudget, type ByteHold } from '../core/byte-budget';
import { openCourtDatabase } from './court-database';
import { createCourtRecords } from './court-records';
import { createCourtRoutes, dropConnection, formLimit, uploadLimit, type RouteRequest } from './court-routes';
import { createFaultInjector, readFaultRequest, type FaultDecision, type FaultEndpoint } from './faults';
import { createFilingService } from './filing-service';
import { readCourtVariation, uploadEndpoints, usualCourt, type CourtVariation } from './filing-transaction';
import { createFreeLookService } from './free-look-service';
import { BodyTooLargeError, isOwnHost, parseJson, readBody, send, sendJson } from './http-helpers';
import { createLoginService } from './login-service';
import { createImapDelivery } from './mail/imap-delivery';
import { createMaildirDelivery } from './mail/maildir';
import type { NefCourt } from './mail/nef-message';
import { createNoticeDispatcher, type MailDelivery } from './notice-dispatch';
import * as pages from './pages';
import { defaultSeed, type TrainingCourtSeed } from './seed';
import { describeError } from '../shared/describe-error';

/** An IMAP mailbox that receives every notice the court sends (a firm's docketing mailbox). */
export interface TrainingCourtImap {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user: string;
  readonly pass: string;
}

/** How to start a training court. */
export interface TrainingCourtOptions {
  readonly dataFolder: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly seed?: TrainingCourtSeed;
  /** Throw the data away and seed again. */
  readonly reset?: boolean;
  readonly imap?: TrainingCourtImap;
  /** The admin API's token; a random one when absent. */
  readonly adminToken?: string;
  /** Serve free looks inside an HTML page with an iframe, as NextGen does (default true). */
  readonly pdfInIframe?: boolean;
  /** The court's clock (tests move it to expire free looks); the admin API can also move it forward. */
  readonly now?: () => number;
  /** Seed of the random faults, so a test's faults repeat. */
  readonly faultSeed?: number;
  /** Bytes of document uploads read and worked on at once (default: one whole filing's upload, 260 MB); tests set a small one. */
  readonly uploadBytesInFlight?: number;
  /** How the filing screens differ from the usual court's (docs/court-pages.md#court-variations); the admin API can change it. */
  readonly variation?: Partial<CourtVariation>;
}

/**
 * Form and JSON bodies read and worked on at once: sixteen of the largest (1 MB), thousands of ordinary ones. With the
 * upload budget, what any number of connections can make the court hold; the rest wait unread, held back by TCP.
 */
const formBytesInFlight = 16 * formLimit;

/** The document requests the admin state lists at most (the first ones: a test's, not a long-running court's). */
const maxLoggedDocumentRequests = 10_000;

/** A running training court. */
export interface TrainingCourt {
  readonly url: string;
  readonly port: number;
  readonly adminToken: string;
  /** Where notices land: `<maildirFolder>/<email>/Maildir/new`. */
  readonly maildirFolder: string;
  /** Waits until every notice queued so far has been delivered. */
  settleMail(): Promise<void>;
  close(): Promise<void>;
}

/** The court's name and mail identity as notices print them. */
function courtIdentity(url: string): NefCourt {
  return {
    name: 'U.S. Court of International Trade',
    baseUrl: url,
    fromAddress: 'cmecf_training@cit-training.localhost',
    mailDomain: 'cit-training.localhost',
  };
}

/**
 * The variation kept in the court's data folder (`variation.json`, as the admin API takes it), so a court started by
 * the app itself can be made to differ too (docs/court-pages.md#court-variations); none when the file is absent.
 */
function readVariationFile(dataFolder: string): Partial<CourtVariation> {
  const file = path.join(dataFolder, 'variation.json');
  if (!existsSync(file)) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${describeError(error).message}`, { cause: error });
  }
  const read = readCourtVariation(value);
  if ('error' in read) {
    throw new Error(`${file}: ${read.error}`);
  }
  return read.variation;
}

/** Starts a training court on 127.0.0.1. */
export async function startTrainingCourt(options: TrainingCourtOptions): Promise<TrainingCourt> {
  // Read first: a file it cannot read stops the start before anything is opened.
  const fileVariation = readVariationFile(options.dataFolder);
  const db = openCourtDatabase(options.dataFolder, options.seed ?? defaultSeed, { reset: options.reset ?? false });
  let clockOffsetMs = 0;
  const baseClock = options.now ?? Date.now;
  const now = (): number => baseClock() + clockOffsetMs;
  const adminToken = options.adminToken ?? randomBytes(24).toString('hex');
  const faults = createFaultInjector(options.faultSeed ?? 1);
  const maildirFolder = path.join(options.dataFolder, 'mail');
  const deliveries: MailDelivery[] = [{ channel: 'maildir', ...createMaildirDelivery(maildirFolder) }];
  const imap = options.imap
    ? createImapDelivery({
        host: options.imap.host,
        port: options.imap.port,
        secure: options.imap.secure,
        auth: { user: options.imap.user, pass: options.imap.pass },
      })
    : null;
  if (imap) {
    deliveries.push({ channel: 'imap', deliver: (email, raw) => imap.deliver(email, raw) });
  }

  const records = createCourtRecords(db);
  let variation: CourtVariation = { ...usualCourt, ...fileVariation, ...options.variation };
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const notices = createNoticeDispatcher({
    db,
    records,
    court: courtIdentity(url),
    deliveries: () => deliveries,
    now,
    mailDelayMs: () => faults.mailDelayMs(),
  });
  const filing = createFilingService({ db, records, documentsFolder: path.join(options.dataFolder, 'documents'), now });
  const routes = createCourtRoutes({
    login: createLoginService(db, now),
    records,
    filing,
    freeLooks: createFreeLookService({ db, records, now }),
    notices,
    pdfInIframe: options.pdfInIframe ?? true,
    variation: () => variation,
    now,
  });

  const bodyBudgets = {
    uploads: createByteBudget(options.uploadBytesInFlight ?? uploadLimit),
    forms: createByteBudget(formBytesInFlight),
  };

  /** Waits for room for the request's body, held until the answer has gone; null when the client left first. */
  const holdRoomForBody = async (
    request: IncomingMessage,
    response: ServerResponse,
    budget: ByteBudget,
    limit: number,
  ): Promise<ByteHold | null> => {
    // A client gone already (during an injected latency, say) has no 'close' to come.
    if (response.closed) {
      return null;
    }
    const declared = Number(request.headers['content-length'] ?? Number.NaN);
    const left = new AbortController();
    const onClose = (): void => left.abort(new Error('the client left before its request was read'));
    response.once('close', onClose);
    try {
      const hold = await budget.hold(
        Number.isSafeInteger(declared) && declared >= 0 ? Math.min(declared, limit) : limit,
        left.signal,
      );
      response.once('close', () => hold.release());
      return hold;
    } catch {
      return null;
    } finally {
      response.off('close', onClose);
    }
  };

  const isAdmin = (request: IncomingMessage): boolean => {
    const given = Buffer.from(String(request.headers['x-training-court-admin'] ?? ''));
    const expected = Buffer.from(adminToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const admin = async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    if (!isAdmin(request)) {
      return sendJson(response, 403, { error: 'The admin API needs the x-training-court-admin header.' });
    }
    const body = request.method === 'POST' ? parseJson(await readBody(request, 64 * 1024, null)) : undefined;
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (pathname === '/admin/faults' && request.method === 'POST') {
      try {
        const parsed = readFaultRequest(body);
        if ('mailDelayMs' in parsed) {
          faults.setMailDelay(parsed.mailDelayMs);
        } else {
          faults.set(parsed.endpoint, parsed.rule);
        }
        return sendJson(response, 200, { ok: true });
      } catch (error) {
        return sendJson(response, 400, { error: describeError(error).message });
      }
    }
    if (pathname === '/admin/faults' && request.method === 'DELETE') {
      faults.clear();
      return sendJson(response, 200, { ok: true });
    }
    if (pathname === '/admin/state' && request.method === 'GET') {
      const mail = db
        .prepare(
          'SELECT recipient, case_id AS caseId, de_seq_num AS deSeqNum, message_id AS messageId, is_regenerated AS isRegenerated, channel, delivered_at AS deliveredAt, error FROM mail_log ORDER BY id',
        )
        .all();
      return sendJson(response, 200, {
        docketEntries: records.entryCount(),
        faults: faults.counts(),
        mail,
        documentRequests,
        now: now(),
        bodiesInFlight: { uploads: bodyBudgets.uploads.state(), forms: bodyBudgets.forms.state() },
      });
    }
    if (pathname === '/admin/variation' && request.method === 'POST') {
      const read = readCourtVariation(body);
      if ('error' in read) {
        return sendJson(response, 400, { error: read.error });
      }
      variation = { ...usualCourt, ...read.variation };
      return sendJson(response, 200, { variation });
    }
    if (pathname === '/admin/clock' && request.method === 'POST') {
      const advance = record['advanceMs'];
      if (typeof advance !== 'number' || !Number.isFinite(advance) || advance < 0) {
        return sendJson(response, 400, { error: 'advanceMs must be a non-negative number' });
      }
      clockOffsetMs += advance;
      return sendJson(response, 200, { now: now() });
    }
    if (pathname === '/admin/regenerate-nef' && request.method === 'POST') {
      const entry = records.entry(Number(record['caseId']), Number(record['deSeqNum']));
      if (!entry) {
        return sendJson(response, 404, { error: 'No such docket entry' });
      }
      notices.send(entry, new Date(now()));
      await notices.settle();
      return sendJson(response, 200, { ok: true });
    }
    if (pathname === '/admin/settle-mail' && request.method === 'POST') {
      await notices.settle();
      return sendJson(response, 200, { ok: true });
    }
    sendJson(response, 404, { error: 'Unknown admin request' });
  };

  const routeFor = (
    method: string,
    address: URL,
  ): { endpoint: FaultEndpoint | null; run: (route: RouteRequest) => Promise<void> } | null => {
    const { pathname } = address;
    const exact = routes.routes[`${method} ${pathname}`];
    if (exact) {
      return { endpoint: exact.endpoint, run: (route) => exact.handle(route) };
    }
    if (method === 'GET' && pathname === '/cgi-bin/DisplayMenu.pl' && address.search === '?CivilEvents') {
      return { endpoint: 'filing-start', run: async (route) => routes.transactions.menu(route) };
    }
    if (pathname === '/cgi-bin/Dispatch.pl' && (method === 'GET' || method === 'POST')) {
      return {
        endpoint: routes.transactions.endpointOf(method, address),
        run: (route) => routes.transactions.dispatch(route),
      };
    }
    const doc1 = /^\/doc1\/(\d{6,15})$/.exec(pathname);
    if (doc1 && (method === 'GET' || method === 'POST')) {
      return { endpoint: 'doc1', run: (route) => routes.document(route, doc1[1] ?? '') };
    }
    if (pathname === '/' && method === 'GET') {
      return {
        endpoint: null,
        run: async ({ request, response }) =>
          routes.sendPage(
            request,
            response,
            200,
            pages.page(
              'Training court',
              '<p>This is the ECF Desk training court. See the README for its seeded logins.</p>',
            ),
          ),
      };
    }
    return null;
  };

  // Read-only, through the admin state: tests count how often each document link reached the court.
  const documentRequests: string[] = [];

  const noFaults: FaultDecision = {
    latencyMs: 0,
    failStatus: null,
    dropBeforeCommit: false,
    dropAfterCommit: false,
    uploadBytesPerSecond: null,
    unexpectedPage: false,
    unexpectedPageAfterCommit: false,
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      if (!isOwnHost(request, port)) {
        return send(response, 421, 'text/plain; charset=utf-8', 'Unknown host');
      }
      const parsed = new URL(request.url ?? '/', url);
      if (parsed.pathname.startsWith('/admin/')) {
        return admin(request, response, parsed.pathname);
      }
      const route = routeFor(request.method ?? 'GET', parsed);
      if (!route) {
        return routes.sendPage(request, response, 404, pages.errorPage('Not found.'));
      }
      if (route.endpoint === 'doc1' && documentRequests.length < maxLoggedDocumentRequests) {
        documentRequests.push(`${request.method ?? 'GET'} ${parsed.pathname}${parsed.search}`);
      }
      const decision = route.endpoint ? faults.decide(route.endpoint) : noFaults;
      if (decision.latencyMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
      }
      if (decision.dropBeforeCommit) {
        return dropConnection(response);
      }
      if (decision.failStatus !== null) {
        return routes.sendPage(request, response, decision.failStatus, pages.internalErrorPage());
      }
      if (request.method === 'POST') {
        const isUpload = route.endpoint !== null && uploadEndpoints.has(route.endpoint);
        const hold = await holdRoomForBody(
          request,
          response,
          isUpload ? bodyBudgets.uploads : bodyBudgets.forms,
          isUpload ? uploadLimit : formLimit,
        );
        if (hold === null) {
          return;
        }
      }
      if (decision.unexpectedPage) {
        // Answered before the request is handled: the body is read and dropped, and nothing changes at the court.
        const isUpload = route.endpoint !== null && uploadEndpoints.has(route.endpoint);
        await readBody(request, isUpload ? uploadLimit : formLimit, null);
        return routes.sendPage(request, response, 200, pages.noticeToFilersPage());
      }
      await route.run({ request, response, url: parsed, faults: decision });
    })().catch((error: unknown) => {
      if (response.headersSent) {
        return response.destroy();
      }
      if (error instanceof BodyTooLargeError) {
        return routes.sendPage(
          request,
          response,
          413,
          pages.errorPage("You cannot load this file because it's over 50 Megabytes (MB)"),
        );
      }
      routes.sendPage(request, response, 500, pages.internalErrorPage());
    });
  });

  return {
    url,
    port,
    adminToken,
    maildirFolder,
    settleMail: () => notices.settle(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await notices.settle();
      await imap?.close();
      db.close();
    },
  };
}
