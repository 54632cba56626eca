import path from 'node:path';

/**
 * Maps a URL path (from `app://ecf-desk/...` or browser mode's static server) to a file inside
 * `rootFolder`, or null when the path tries to leave it. Decoding happens once, before the check,
 * so `%2e%2e%2f` and encoded backslashes cannot slip past.
 */
export function resolveAssetPath(rootFolder: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return null;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[a-zA-Z]:$/.test(segment))) {
    return null;
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootFolder);
  const resolved = path.resolve(root, relative);
  return resolved.startsWith(root + path.sep) ? resolved : null;
}
