import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { canSeeCase, checkedCaseNumber, listCaseTeam } from '../core/firm/case-teams';
import { isDatabaseUnavailable } from '../core/firm/firm-database';
import { canReadFirmDocument, firstEntryCursor, listEntryChanges } from '../core/firm/firm-entries';
import { searchEntries } from '../core/firm/firm-search';
import type { FirmPdfStore } from '../core/firm/pdf-store';
import type { z } from 'zod';
import { firmDocketQuery, firmEntryCursor, sharedDraftPut } from '../shared/firm-server';
import { canReadDraftDocument, listSharedDrafts, readSharedDraft, saveSharedDraft } from '../core/firm/shared-drafts';
import type { EntryEvents } from './entry-events';
import { FirmError, type FirmErrorCode } from '../core/firm/firm-error';
import { calendarLinkPath, findUserByCalendarLink, findUserByToken, type FirmUser } from '../core/firm/firm-users';
import { firmCalendar } from '../core/firm/firm-calendar';
import { firmDocket } from '../core/firm/firm-docket';
import { readSchemaVersion } from '../core/firm/migrate-firm-database';
import type { AppLog } from '../core/storage/app-log';
import { describeError } from '../shared/describe-error';

/** The largest request body the server reads; a larger one is refused before a byte of it is read. */
export const maxRequestBodyBytes = 1024 * 1024;

/** The largest document a desktop may send (`PUT /api/documents/<sha256>`): twice the court's 50 MB limit on a PDF. */
export const maxDocumentUploadBytes = 100 * 1024 * 1024;
/** Documents received at once at most; past it a desktop is asked to try again (each is held in memory while checked). */
const maxUploadsAtOnce = 4;

/** The refusals of the firm's core that are about what a request asked, answered with their own code and this status. */
const requestRefusals: ReadonlyMap<FirmErrorCode, number> = new Map([
  ['case.invalid', 400],
  ['search.invalid', 400],
  ['docket.invalid', 400],
  ['draft.invalid', 400],
  ['document.invalid', 400],
  ['draft.not-allowed', 403],
  ['draft.not-found', 404],
  ['draft.exists', 409],
  ['draft.conflict', 409],
  ['draft.documents-missing', 409],
]);

/** The address of a document, and of a shared draft. */
const documentPath = /^\/api\/documents\/([0-9a-f]{64})$/;
const draftPath = /^\/api\/drafts\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Reads a body whose declared length was checked already; one longer than it declared is cut off. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > declared) {
        request.destroy();
        reject(new FirmError('document.invalid', 'The request sent more than its Content-Length said.'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks, received)));
    request.on('error', reject);
  });
}

/** A JSON body checked against its schema; a body that is not is refused with `code`. */
async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>, code: FirmErrorCode): Promise<T> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readBody(request)));
  } catch (error) {
    throw error instanceof FirmError ? error : new FirmError(code, 'The request is not JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FirmError(
      code,
      `The request is not in the form the server takes: ${first?.path.join('.').slice(0, 100) ?? ''} ${first?.message.slice(0, 200) ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

/** Headers on every answer: JSON only, never cached, never sniffed, never framed. */
const answerHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
} as const;

function send(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...answerHeaders, 'content-length': String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

function refuse(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  send(response, status, { ok: false, error: { code, message } }, headers);
}

/** What the routes need: the database, the PDF store, the desktops' event streams and where to log what went wrong. */
export interface FirmRouteDependencies {
  readonly pool: pg.Pool;
  readonly store: FirmPdfStore;
  readonly events: EntryEvents;
  readonly log: AppLog;
}

/**
 * The firm server's routes. `GET /health` answers anyone (a load balancer, a monitor), and a calendar link whoever
 * holds it; every other route needs `Authorization: Bearer <token>` of a user who has not been removed.
 */
export function createFirmRoutes({ pool, store, events, log }: FirmRouteDependencies) {
  const health = async (response: ServerResponse): Promise<void> => {
    try {
      const schemaVersion = await readSchemaVersion(pool);
      send(response, 200, { ok: true, database: 'postgresql', schemaVersion });
    } catch (error) {
      log(`Health check: the database does not answer: ${describeError(error).message}`, 'warn');
      send(response, 503, { ok: false, database: 'postgresql', error: 'The database does not answer.' });
    }
  };

  const authenticate = async (request: IncomingMessage): Promise<{ user: FirmUser; token: string } | null> => {
    const token = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
    const user = token ? await findUserByToken(pool, token) : null;
    return user && token ? { user, token } : null;
  };

  const entries = async (response: ServerResponse, user: FirmUser, query: URLSearchParams): Promise<void> => {
    const after = firmEntryCursor.safeParse(query.get('after') ?? firstEntryCursor);
    if (!after.success) {
      return refuse(response, 400, 'cursor.invalid', 'after must be a cursor this server gave (<number>.<number>).');
    }
    send(response, 200, await listEntryChanges(pool, user, after.data));
  };

  const search = async (response: ServerResponse, user: FirmUser, query: URLSearchParams): Promise<void> => {
    // searchEntries checks the words and the limit; its refusal (search.invalid) is answered 400 below.
    const limit = query.has('limit') ? Number(query.get('limit')) : undefined;
    send(response, 200, { entries: await searchEntries(pool, user, query.get('q') ?? '', limit) });
  };

  const docket = async (response: ServerResponse, user: FirmUser, query: URLSearchParams): Promise<void> => {
    // Each filter as the address gives it; one left empty filters nothing.
    const given = (name: string): string | undefined => query.get(name) || undefined;
    const filter = firmDocketQuery.safeParse({
      caseNumber: given('case'),
      attorney: given('attorney'),
      from: given('from'),
      to: given('to'),
    });
    if (!filter.success) {
      throw new FirmError(
        'docket.invalid',
        'The docket is filtered by case, attorney (a user name) and dates from and to, each YYYY-MM-DD.',
      );
    }
    send(response, 200, await firmDocket(pool, user, filter.data));
  };

  const document = async (response: ServerResponse, user: FirmUser, sha256: string): Promise<void> => {
    // A document of an entry the user may not see is answered as one that does not exist.
    const mayRead = (await canReadFirmDocument(pool, user, sha256)) || (await canReadDraftDocument(pool, user, sha256));
    if (!mayRead || !store.has(sha256)) {
      return refuse(response, 404, 'document.not-found', 'There is no such document on your cases.');
    }
    const bytes = await store.read(sha256);
    response.writeHead(200, {
      ...answerHeaders,
      'content-type': 'application/pdf',
      'content-length': String(bytes.byteLength),
      'content-disposition': `attachment; filename="${sha256}.pdf"`,
      'content-security-policy': "sandbox; default-src 'none'",
    });
    response.end(bytes);
  };

  const calendar = async (response: ServerResponse, encodedName: string, secret: string): Promise<void> => {
    let name: string;
    try {
      name = decodeURIComponent(encodedName);
    } catch {
      name = '';
    }
    // A link that is wrong in any way is answered as one that does not exist: which part was wrong is not said.
    const user = name === '' ? null : await findUserByCalendarLink(pool, name, secret);
    if (user === null) {
      return refuse(
        response,
        404,
        'calendar.not-found',
        'There is no calendar at this link. Ask ECF Desk for a new one.',
      );
    }
    const body = await firmCalendar(pool, user, new Date());
    response.writeHead(200, {
      ...answerHeaders,
      'content-type': 'text/calendar; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'content-disposition': 'inline; filename="ecf-desk-deadlines.ics"',
    });
    response.end(body);
  };

  let uploads = 0;
  const receiveDocument = async (request: IncomingMessage, response: ServerResponse, sha256: string): Promise<void> => {
    if (store.has(sha256)) {
      request.resume();
      return send(response, 200, { sha256 });
    }
    if (uploads >= maxUploadsAtOnce) {
      return refuse(
        response,
        503,
        'upload.busy',
        'The server is receiving as many documents as it takes; try again soon.',
        {
          connection: 'close',
        },
      );
    }
    uploads += 1;
    try {
      const bytes = await readBody(request);
      if (!bytes.subarray(0, 1024).includes('%PDF-')) {
        throw new FirmError('document.invalid', 'The document is not a PDF: the server keeps PDFs only.');
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new FirmError(
          'document.invalid',
          'The document sent is not the one its address names (its SHA-256 differs): it was damaged on the way. Send it again.',
        );
      }
      await store.put(bytes);
      send(response, 201, { sha256 });
    } finally {
      uploads -= 1;
    }
  };

  const drafts = async (response: ServerResponse, user: FirmUser): Promise<void> =>
    send(response, 200, { drafts: await listSharedDrafts(pool, user) });

  const draft = async (request: IncomingMessage, response: ServerResponse, user: FirmUser, id: string) => {
    if (request.method === 'GET') {
      return send(response, 200, await readSharedDraft(pool, user, id));
    }
    const change = await readJson(request, sharedDraftPut, 'draft.invalid');
    const saved = await saveSharedDraft(pool, user, id, change, (sha256) => store.has(sha256));
    send(response, change.baseVersion === null ? 201 : 200, saved);
  };

  const caseTeam = async (response: ServerResponse, user: FirmUser, encoded: string): Promise<void> => {
    let caseNumber: string;
    try {
      caseNumber = checkedCaseNumber(decodeURIComponent(encoded));
    } catch (error) {
      return refuse(response, 400, 'case.invalid', error instanceof FirmError ? error.message : 'Not a case number.');
    }
    // A case the user may not see is answered as one that does not exist: its number is not confirmed to anyone.
    if (!canSeeCase(user, caseNumber)) {
      return refuse(response, 404, 'case.not-found', `You are not on the team of a case ${caseNumber}.`);
    }
    send(response, 200, { caseNumber, team: await listCaseTeam(pool, caseNumber) });
  };

  const route = async (
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
    query: URLSearchParams,
  ): Promise<void> => {
    if (pathname === '/health') {
      return request.method === 'GET' ? health(response) : refuse(response, 405, 'method', 'Use GET.');
    }
    // A calendar program subscribing sends no token: the link's secret stands for the user, for the calendar only.
    const calendarMatch = /^\/calendar\/([^/]{1,200})\/([^/]{1,100})\.ics$/.exec(pathname);
    if (calendarMatch?.[1] && calendarMatch[2]) {
      return request.method === 'GET'
        ? calendar(response, calendarMatch[1], calendarMatch[2])
        : refuse(response, 405, 'method', 'Use GET.');
    }
    const caller = await authenticate(request);
    if (caller === null) {
      return refuse(
        response,
        401,
        'unauthorized',
        'This server needs a user token: Authorization: Bearer <token>, as ecf-desk server add-user printed it.',
        { 'www-authenticate': 'Bearer realm="ecf-desk"' },
      );
    }
    const { user } = caller;
    const documentMatch = documentPath.exec(pathname);
    const draftMatch = draftPath.exec(pathname);
    if (request.method === 'PUT' && documentMatch?.[1]) {
      return receiveDocument(request, response, documentMatch[1]);
    }
    if (draftMatch?.[1] && (request.method === 'GET' || request.method === 'PUT')) {
      return draft(request, response, user, draftMatch[1]);
    }
    if (request.method !== 'GET') {
      return refuse(response, 405, 'method', 'Use GET.');
    }
    if (pathname === '/api/drafts') {
      return drafts(response, user);
    }
    if (pathname === '/api/me') {
      return send(response, 200, user);
    }
    if (pathname === '/api/entries') {
      return entries(response, user, query);
    }
    if (pathname === '/api/calendar-link') {
      return send(response, 200, { path: calendarLinkPath(user, caller.token) });
    }
    if (pathname === '/api/search') {
      return search(response, user, query);
    }
    if (pathname === '/api/docket') {
      return docket(response, user, query);
    }
    if (pathname === '/api/events') {
      if (!events.open(response, user, caller.token)) {
        refuse(response, 503, 'events.full', 'The server has as many desktops listening as it takes; try again soon.');
      }
      return;
    }
    if (documentMatch?.[1]) {
      return document(response, user, documentMatch[1]);
    }
    const caseMatch = /^\/api\/cases\/([^/]+)$/.exec(pathname);
    if (caseMatch?.[1]) {
      return caseTeam(response, user, caseMatch[1]);
    }
    refuse(response, 404, 'not-found', 'There is nothing at that address.');
  };

  /** Answers one request; never throws. */
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refusal = whyBodyRefused(request, request.method === 'PUT' && documentPath.test(pathOf(request)));
    if (refusal !== null) {
      return refuse(response, refusal.status, refusal.code, refusal.message, { connection: 'close' });
    }
    try {
      const address = new URL(request.url ?? '/', 'http://server.invalid');
      await route(request, response, address.pathname, address.searchParams);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
      } else if (error instanceof FirmError && requestRefusals.has(error.code)) {
        refuse(response, requestRefusals.get(error.code) ?? 400, error.code, error.message);
      } else if (isDatabaseUnavailable(error)) {
        log(`The database does not answer: ${describeError(error).message}`, 'warn');
        refuse(response, 503, 'database.unavailable', 'The firm database does not answer. Try again in a moment.');
      } else {
        log(`A request failed: ${describeError(error).detail}`, 'error');
        refuse(response, 500, 'internal', 'Something went wrong inside the firm server; its log says what.');
      }
    }
  };
}

/** The request's path, without its query. */
function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0] ?? '/';
}

/**
 * A body the server will not read: longer than the limit (1 MiB; 100 MB for a document sent), or of no declared length
 * (which could be endless).
 */
function whyBodyRefused(
  request: IncomingMessage,
  isDocument: boolean,
): { status: number; code: string; message: string } | null {
  if (request.headers['transfer-encoding'] !== undefined) {
    return { status: 411, code: 'request.length-required', message: 'Send the request with a Content-Length.' };
  }
  const limit = isDocument ? maxDocumentUploadBytes : maxRequestBodyBytes;
  const length = Number(request.headers['content-length'] ?? 0);
  if (!Number.isSafeInteger(length) || length > limit) {
    return {
      status: 413,
      code: 'request.too-large',
      message: `The request is larger than the server takes (${limit} bytes).`,
    };
  }
  return null;
}
