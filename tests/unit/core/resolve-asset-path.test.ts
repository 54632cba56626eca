import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from '../../../src-main/core/assets/resolve-asset-path';

const root = path.resolve('/srv/renderer');

describe('resolveAssetPath', () => {
  it('maps the root to index.html and a file to itself inside the folder', () => {
    expect(resolveAssetPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it.each([
    ['/../../etc/passwd'],
    ['/assets/../../secret'],
    ['/%2e%2e/%2e%2e/etc/passwd'],
    ['/%2e%2e%2fetc%2fpasswd'],
    ['/..%5c..%5cwindows%5cwin.ini'],
    ['/assets%00.js'],
    ['/C:/Windows/win.ini'],
    ['/%E0%A4%A'],
    ['/./index.html'],
  ])('refuses %s, which tries to leave the renderer folder', (urlPath) => {
    expect(resolveAssetPath(root, urlPath)).toBeNull();
  });
});
