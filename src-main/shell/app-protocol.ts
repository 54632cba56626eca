import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveAssetPath } from '../core/assets/resolve-asset-path';
import { appHost } from './app-origin';
import { electronContentSecurityPolicy } from './content-security-policy';

/** Content types of the files the renderer build produces; anything else is served as opaque bytes. */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Headers every answer carries. Security rule: strict CSP on every page; nosniff so bytes are never guessed into script. */
function securityHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': electronContentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };
}

function refuse(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Answers one `app://ecf-desk/...` request with a file from the built renderer. Paths that try to leave
 * the folder (`..`, encoded slashes or backslashes, NUL) and other hosts get 404, so a page can never read
 * the rest of the disk through the app's own scheme.
 */
export async function serveAppRequest(rendererFolder: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const url = new URL(request.url);
  if (url.host !== appHost) return refuse(404);
  const filePath = resolveAssetPath(rendererFolder, url.pathname);
  if (filePath === null) return refuse(404);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await readFile(filePath));
  } catch {
    // Missing files and folders alike: the renderer build has no such asset.
    return refuse(404);
  }
  const contentType = contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': contentType },
  });
}
