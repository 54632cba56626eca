import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The names this server answers to; anything else in Host is a DNS-rebinding attempt. */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Whether the Host header names this loopback server (blocks DNS rebinding). */
export function isAllowedHost(request: IncomingMessage, port: number): boolean {
  return allowedHosts(port).includes(request.headers.host ?? '');
}

/** Whether the request comes from this server's own pages: no Origin (same-origin GET) or exactly ours. */
export function isAllowedOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((host) => origin === `http://${host}`)) {
    return false;
  }
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Compares the per-launch token in constant time. */
export function hasToken(presented: string | string[] | undefined, token: string): boolean {
  if (typeof presented !== 'string') {
    return false;
  }
  const given = Buffer.from(presented);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
