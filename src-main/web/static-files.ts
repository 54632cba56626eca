import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { resolveAssetPath } from '../core/assets/resolve-asset-path';
import { securityHeaders } from './security-headers';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves one file of the built renderer, or 404 for anything outside it. */
export async function serveStaticFile(rendererFolder: string, urlPathname: string, response: ServerResponse): Promise<void> {
  const file = resolveAssetPath(rendererFolder, urlPathname);
  const type = file ? contentTypes[path.extname(file)] : undefined;
  const body = file && type ? await readFile(file).catch(() => null) : null;
  if (!body || !type) {
    response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // index.html changes with every build; the hashed assets never do.
  const cache = file?.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable';
  response.writeHead(200, { ...securityHeaders, 'content-type': type, 'cache-control': cache }).end(body);
}
