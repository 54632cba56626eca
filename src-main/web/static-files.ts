import type { ServerResponse } from 'node:http';
import { readAsset } from '../core/assets/read-asset';
import { securityHeaders } from './security-headers';

/** Serves one file of the built renderer, or 404 for anything outside it. */
export async function serveStaticFile(
  rendererFolder: string,
  urlPathname: string,
  response: ServerResponse,
): Promise<void> {
  const asset = await readAsset(rendererFolder, urlPathname);
  if (!asset) {
    response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // index.html changes with every build; the hashed assets never do.
  const cache = asset.path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable';
  response
    .writeHead(200, { ...securityHeaders, 'content-type': asset.contentType, 'cache-control': cache })
    .end(asset.body);
}
