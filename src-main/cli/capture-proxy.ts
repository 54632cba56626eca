import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../shared/describe-error';
import type { CaptureRecorder, PostedField } from '../core/court/capture/capture-recorder';

/** The largest request body passed on (a filing's uploads: the court takes at most 50 MB a document). */
export const maxCaptureRequestBytes = 256 * 1024 * 1024;
/** The largest page read and captured; a larger answer is passed on untouched and not captured. */
export const maxCapturedPageBytes = 8 * 1024 * 1024;
/** The most fields of one posted form looked at (a filing screen has a few dozen; the rest are passed on unread). */
const maxPostedFields = 5000;
/** How long one request to the court may take. */
const courtTimeoutMs = 120_000;

/** Request headers not passed on: the connection's own, and an encoding the proxy would have to undo to read a page. */
const droppedRequestHeaders = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'keep-alive',
  'upgrade',
]);
/** Answer headers not passed back: the body is passed back whole and unencoded. */
const droppedAnswerHeaders = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

/** A capture proxy running on loopback. */
export interface CaptureProxy {
  /** Where the person's browser goes (http://127.0.0.1:<port>). */
  readonly url: string;
  close(): Promise<void>;
}

/** The body of a request, up to `limit` bytes; null beyond. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const piece = chunk as Buffer;
    size += piece.length;
    if (size > limit) {
      return null;
    }
    chunks.push(piece);
  }
  return Buffer.concat(chunks);
}

/** The fields of a posted form (multipart or URL-encoded), files by name and size only; [] for any other body. */
async function postedFields(contentType: string, body: Buffer): Promise<PostedField[]> {
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) {
    return [];
  }
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  return [...form.entries()]
    .slice(0, maxPostedFields)
    .map(([name, value]) =>
      typeof value === 'string'
        ? { name, isFile: false, value, size: value.length }
        : { name, isFile: true, value: value.name, size: value.size },
    );
}

/**
 * A reverse proxy on 127.0.0.1 in front of one court (docs/court-pages.md#capturing-a-page-map): the person files by
 * hand through it in a browser, and the recorder sees each page and each form posted. It passes requests to that
 * court only (a path on the proxy is a path on the court; no other address can be reached through it), with the
 * court's own address in its pages, redirects and cookies turned into the proxy's, so the browser stays on the proxy.
 */
export async function startCaptureProxy(options: {
  readonly court: string;
  readonly recorder: CaptureRecorder;
  /** Called once a page answers a post and asks nothing more: the receipt of the filing. */
  readonly onReceipt: () => void;
  readonly log: (line: string) => void;
  readonly fetch?: typeof fetch;
  readonly port?: number;
}): Promise<CaptureProxy> {
  const court = new URL(options.court).origin;
  const doFetch = options.fetch ?? fetch;
  let proxyOrigin = '';
  let hasReceipt = false;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = request.url ?? '/';
    if (!path.startsWith('/') || path.startsWith('//')) {
      response.writeHead(400).end('Only paths on the court are passed on.');
      return;
    }
    const method = (request.method ?? 'GET').toUpperCase();
    const body = method === 'GET' || method === 'HEAD' ? null : await readBody(request, maxCaptureRequestBytes);
    if (body === null && method !== 'GET' && method !== 'HEAD') {
      response.writeHead(413).end('The request is larger than the capture passes on.');
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || droppedRequestHeaders.has(name)) {
        continue;
      }
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers.set(name, name === 'origin' || name === 'referer' ? text.replaceAll(proxyOrigin, court) : text);
    }
    if (method === 'POST' && body) {
      options.recorder.post(path, await postedFields(headers.get('content-type') ?? '', body));
    }
    const answer = await doFetch(`${court}${path}`, {
      method,
      headers,
      ...(body ? { body } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(courtTimeoutMs),
    });
    const answerHeaders: Record<string, string | string[]> = {};
    answer.headers.forEach((value, name) => {
      if (!droppedAnswerHeaders.has(name) && name !== 'set-cookie') {
        answerHeaders[name] = name === 'location' ? value.replaceAll(court, proxyOrigin) : value;
      }
    });
    const cookies = answer.headers
      .getSetCookie()
      .map((cookie) => cookie.replace(/;\s*domain=[^;]*/gi, '').replace(/;\s*secure\b/gi, ''));
    if (cookies.length > 0) {
      answerHeaders['set-cookie'] = cookies;
    }
    const bytes = Buffer.from(await answer.arrayBuffer());
    const isPage = /^text\/html\b/i.test(answer.headers.get('content-type') ?? '');
    if (!isPage || bytes.length > maxCapturedPageBytes) {
      response.writeHead(answer.status, answerHeaders).end(bytes);
      return;
    }
    const html = bytes.toString('utf8').replaceAll(court, proxyOrigin);
    if (answer.status === 200 && (method === 'GET' || method === 'POST')) {
      options.recorder.page(method, path, html);
    }
    const isReceipt = !hasReceipt && options.recorder.hasReceipt();
    hasReceipt ||= isReceipt;
    // Told once the receipt has reached the browser: the capture may stop then without cutting it off.
    response.writeHead(answer.status, answerHeaders).end(html, () => {
      if (isReceipt) {
        options.onReceipt();
      }
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(`Capture: ${request.method ?? 'GET'} ${request.url ?? '/'} failed: ${describeError(error).message}`);
      if (!response.headersSent) {
        response.writeHead(502).end('The court could not be reached through the capture.');
      } else {
        response.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  proxyOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: proxyOrigin,
    close: () =>
      new Promise<void>((resolve) => {
        // Answers under way finish; connections only kept open for the next request are closed at once.
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
