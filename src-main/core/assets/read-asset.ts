import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveAssetPath } from './resolve-asset-path';

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

/** One file of the built renderer, ready to serve. */
export interface Asset {
  readonly path: string;
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

/**
 * Reads the renderer file a URL path names, for both hosts (app:// in Electron, loopback HTTP in
 * browser mode); null for paths that try to leave the folder and for files that do not exist.
 */
export async function readAsset(rendererFolder: string, urlPathname: string): Promise<Asset | null> {
  const file = resolveAssetPath(rendererFolder, urlPathname);
  if (file === null) {
    return null;
  }
  try {
    const body = new Uint8Array(await readFile(file));
    return {
      path: file,
      body,
      contentType: contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    // Missing files and folders alike: the renderer build has no such asset.
    return null;
  }
}
