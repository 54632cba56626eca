import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body larger than the limit. */
export class BodyTooLargeError extends Error {}

/**
 * Reads a request body up to `limit` bytes; with `bytesPerSecond`, reads it that slowly (the slow-upload fault),
 * pausing the socket so the client really feels it. A declared length within the limit is read straight into one
 * buffer of that size, so a large upload is never held twice over.
 */
export async function readBody(
  request: IncomingMessage,
  limit: number,
  bytesPerSecond: number | null,
): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  const body =
    Number.isSafeInteger(declared) && declared >= 0 && declared <= limit ? Buffer.allocUnsafe(declared) : null;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    if (total + chunk.length > (body?.length ?? limit)) {
      throw new BodyTooLargeError(`The request is larger than ${limit} bytes`);
    }
    if (body === null) {
      chunks.push(chunk);
    } else {
      chunk.copy(body, total);
    }
    total += chunk.length;
    if (bytesPerSecond !== null && bytesPerSecond > 0) {
      await new Promise((resolve) => setTimeout(resolve, (chunk.length / bytesPerSecond) * 1000));
    }
  }
  return body === null ? Buffer.concat(chunks, total) : body.subarray(0, total);
}

/** The named cookie's value, or undefined. */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return value.join('=');
    }
  }
  return undefined;
}

/** Sends a complete answer with security headers suited to a page that never runs script. */
export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'",
    ...headers,
  });
  response.end(body);
}

/** Sends JSON. */
export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** Reads a JSON body, or undefined when it is not JSON. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads an `application/x-www-form-urlencoded` body. */
export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

/** Reads a `multipart/form-data` body with the platform's own parser. */
export async function parseMultipart(body: Buffer, contentType: string): Promise<FormData> {
  return new Request('http://training-court.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  }).formData();
}

/** True when the Host header names this server on loopback (no DNS rebinding). */
export function isOwnHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
