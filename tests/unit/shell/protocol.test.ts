import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../src-main/shell/app-protocol';
import { electronContentSecurityPolicy } from '../../../src-main/shell/content-security-policy';

let root: string;
let rendererFolder: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ecf-desk-protocol-'));
  rendererFolder = path.join(root, 'renderer');
  mkdirSync(path.join(rendererFolder, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererFolder, 'index.html'), '<!doctype html><title>ECF Desk</title>');
  writeFileSync(path.join(rendererFolder, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(path.join(rendererFolder, 'assets', 'index.css'), 'body{}');
  writeFileSync(path.join(rendererFolder, 'assets', 'seal.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(rendererFolder, 'assets', 'font.woff2'), 'wOF2');
  // A file next to the renderer folder: what a traversal would try to reach.
  writeFileSync(path.join(root, 'secret.txt'), 'not for the renderer');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const serve = (url: string, method = 'GET') => serveAppRequest(rendererFolder, new Request(url, { method }));

describe('serveAppRequest', () => {
  it('serves index.html as HTML with the strict CSP header', async () => {
    const response = await serve('app://ecf-desk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(electronContentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>ECF Desk</title>');
  });

  it('serves the bare origin as index.html', async () => {
    const response = await serve('app://ecf-desk/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>ECF Desk</title>');
  });

  it.each([
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['assets/seal.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (file, contentType) => {
    const response = await serve(`app://ecf-desk/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-security-policy')).toBe(electronContentSecurityPolicy);
  });

  it.each([
    'app://ecf-desk/../secret.txt',
    'app://ecf-desk/../../etc/passwd',
    'app://ecf-desk/%2e%2e/secret.txt',
    'app://ecf-desk/%2e%2e%2fsecret.txt',
    'app://ecf-desk/assets%2f..%2f..%2fsecret.txt',
    'app://ecf-desk/..%5csecret.txt',
    'app://ecf-desk/index.html%00.js',
    'app://ecf-desk/%E0%A4%A',
  ])('refuses the traversal %s with 404', async (url) => {
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the renderer');
    expect(response.headers.get('content-security-policy')).toBe(electronContentSecurityPolicy);
  });

  it('answers 404 for a missing file, a folder, and another host', async () => {
    expect((await serve('app://ecf-desk/missing.js')).status).toBe(404);
    expect((await serve('app://ecf-desk/assets')).status).toBe(404);
    expect((await serve('app://other-host/index.html')).status).toBe(404);
  });

  it('refuses anything but reading', async () => {
    expect((await serve('app://ecf-desk/index.html', 'POST')).status).toBe(405);
  });
});
