import { readAsset } from '../core/assets/read-asset';
import { appHost } from './app-origin';
import { electronContentSecurityPolicy } from './content-security-policy';

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
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refuse(405);
  }
  const url = new URL(request.url);
  if (url.host !== appHost) {
    return refuse(404);
  }
  const asset = await readAsset(rendererFolder, url.pathname);
  if (asset === null) {
    return refuse(404);
  }
  return new Response(request.method === 'HEAD' ? null : asset.body, {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': asset.contentType },
  });
}
