import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl } from '../../../src-main/core/security/url-gate';
import { electronContentSecurityPolicy } from '../../../src-main/shell/content-security-policy';
import { browserContentSecurityPolicy } from '../../../src-main/web/security-headers';
import { projectRoot } from '../../support/paths';

// Security rules of docs/security.md, read as data. What the neighbouring tests already prove is not repeated here:
// - each hardened web preference and the exact webPreferences object: tests/unit/shell/window-factory.test.ts
// - default-src, script-src, worker-src, no unsafe-eval/inline, Electron's connect-src 'none': tests/unit/shell/content-security-policy.test.ts
// - the CSP header on app:// answers and path traversal: tests/unit/shell/protocol.test.ts
// - will-navigate / will-frame-navigate / will-redirect to one foreign page, window.open, one webview: tests/unit/shell/navigation-guards.test.ts
// - five permissions and the clipboard write: tests/unit/shell/permissions.test.ts
// - the basic external-link allowlist (look-alikes, userinfo, http, ports): tests/unit/shell/external-links.test.ts, open-external.test.ts
// - guards installed on every webContents, sandbox enabled app-wide: tests/unit/shell/main.test.ts

const electron = vi.hoisted(() => {
  const windowOptions: Record<string, unknown>[] = [];
  class BrowserWindow {
    readonly once = vi.fn();
    readonly show = vi.fn();
    constructor(options: Record<string, unknown>) {
      windowOptions.push(options);
    }
  }
  return { windowOptions, BrowserWindow };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, shell: { openExternal: vi.fn() } }));

const { createMainWindow } = await import('../../../src-main/shell/window-factory');
const { installNavigationGuards } = await import('../../../src-main/shell/navigation-guards');
const { denyAllPermissions } = await import('../../../src-main/shell/permissions');

/** A policy as a map from directive to its sources; a repeated directive is an error (browsers ignore the second). */
function parsePolicy(policy: string): Map<string, readonly string[]> {
  const directives = new Map<string, readonly string[]>();
  for (const part of policy
    .split(';')
    .map((text) => text.trim())
    .filter(Boolean)) {
    const [name = '', ...sources] = part.split(/\s+/);
    if (directives.has(name)) {
      throw new Error(`${name} appears twice in ${policy}`);
    }
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The policy in the renderer's own meta tag, which applies wherever the page is opened. */
function metaContentSecurityPolicy(): string {
  const html = readFileSync(path.join(projectRoot, 'src-renderer', 'index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) {
    throw new Error('index.html has no Content-Security-Policy meta tag');
  }
  return match[1];
}

/** Every `.ts` file under a folder, as paths relative to the project. */
function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** URLs a hostile page could try to reach; none is the app's own origin. */
const foreignUrls = [
  'https://evil.example/',
  'http://127.0.0.1:5173/',
  'app://ecf-desk.evil.example/index.html',
  'app://evil/index.html',
  'app://user@ecf-desk/index.html',
  'app://user:password@ecf-desk/index.html',
  'app://ecf-desk:1/index.html',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://ecf-desk/0b0e5ac4-2d3f-4c52-9a8c-3f3e2e2b1a00',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://ecf-desk/index.html',
  'ms-msdt:/id PCWDiagnostic',
  '',
];

describe('the window factory, as the BrowserWindow constructor receives it', () => {
  it('opens the one preload bundle and asks for no risky extra', () => {
    electron.windowOptions.length = 0;
    createMainWindow('/app/dist/preload/preload.cjs');
    const [options] = electron.windowOptions;
    const preferences = options?.['webPreferences'] as Record<string, unknown>;
    expect(preferences['preload']).toBe('/app/dist/preload/preload.cjs');
    // Settings Electronegativity and Electron's own checklist call out: none may appear, whatever its value.
    for (const risky of [
      'experimentalFeatures',
      'enableBlinkFeatures',
      'additionalArguments',
      'nodeIntegrationInWorker',
      'enableRemoteModule',
      'allowpopups',
      'safeDialogs',
    ]) {
      if (risky === 'nodeIntegrationInWorker') {
        expect(preferences[risky]).toBe(false);
      } else {
        expect(preferences, risky).not.toHaveProperty(risky);
      }
    }
    expect(options, 'no parent frame to inherit from').not.toHaveProperty('parent');
  });

  it('is the only place in the shell that makes a window or embeds another page', () => {
    const offenders = sourceFiles('src-main')
      .filter((file) => file !== path.join('src-main', 'shell', 'window-factory.ts'))
      .filter((file) =>
        /new\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(/.test(
          readFileSync(path.join(projectRoot, file), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('main hands the factory the preload the build emits, and nothing else sets webPreferences', () => {
    const main = readFileSync(path.join(projectRoot, 'src-main', 'shell', 'main.ts'), 'utf8');
    expect(main).toMatch(/new URL\('\.\.\/preload\/preload\.cjs', import\.meta\.url\)/);
    const build = readFileSync(path.join(projectRoot, 'src-main', 'build', 'build.mjs'), 'utf8');
    expect(build.match(/preload\/[\w.-]+\.cjs/g) ?? []).toEqual(['preload/preload.cjs']);
    const settingPreferences = sourceFiles('src-main').filter((file) =>
      /webPreferences\s*:/.test(readFileSync(path.join(projectRoot, file), 'utf8')),
    );
    expect(settingPreferences).toEqual([path.join('src-main', 'shell', 'window-factory.ts')]);
  });
});

describe('the content security policies, directive by directive', () => {
  const policies = {
    electron: electronContentSecurityPolicy,
    browser: browserContentSecurityPolicy,
    meta: metaContentSecurityPolicy(),
  };

  it.each(Object.entries(policies))(
    'the %s policy loads nothing from another origin, and nothing as a frame, object or form',
    (_host, policy) => {
      const directives = parsePolicy(policy);
      for (const [name, sources] of directives) {
        for (const source of sources) {
          // Only the app itself, or inline images the page draws (page thumbnails, the seal) — never a scheme or host.
          expect(["'self'", "'none'", 'data:', 'blob:'], `${name} ${source}`).toContain(source);
          if (source === 'data:' || source === 'blob:') {
            expect(name, `${source} only for images`).toBe('img-src');
          }
        }
        expect(sources.includes("'none'") && sources.length > 1, `${name} mixes 'none' with sources`).toBe(false);
      }
      // Absent, object-src falls back to default-src 'none' (the meta tag relies on that).
      expect(directives.get('object-src') ?? directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('form-action')).toEqual(["'none'"]);
      // A meta tag cannot carry frame-ancestors; the headers of both hosts must.
      if (policy !== policies.meta) {
        expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      }
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.has('frame-src') || directives.has('child-src'), 'frames fall back to default-src none').toBe(
        false,
      );
    },
  );

  it('lets the browser-mode page call only its own loopback server', () => {
    expect(parsePolicy(browserContentSecurityPolicy).get('connect-src')).toEqual(["'self'"]);
  });

  it('differs between the two hosts only in connect-src', () => {
    const electronDirectives = parsePolicy(electronContentSecurityPolicy);
    const browserDirectives = parsePolicy(browserContentSecurityPolicy);
    expect([...browserDirectives.keys()].sort()).toEqual([...electronDirectives.keys()].sort());
    for (const [name, sources] of electronDirectives) {
      if (name !== 'connect-src') {
        expect(browserDirectives.get(name), name).toEqual(sources);
      }
    }
  });
});

type Listener = (...args: unknown[]) => void;

/** A webContents that records its listeners and window-open handler, with the guards installed. */
function guardedContents(openExternal: (url: string) => void) {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpenHandler = handler;
    },
  };
  installNavigationGuards(contents as unknown as WebContents, openExternal);
  const emit = (name: string, ...args: unknown[]): void =>
    (listeners.get(name) ?? []).forEach((listener) => listener(...args));
  const openWindow = (url: string) => windowOpenHandler?.({ url });
  return { emit, openWindow, listenerNames: [...listeners.keys()] };
}

describe('navigation, new windows and webviews, for every hostile address', () => {
  it.each(foreignUrls)('no frame may navigate or be redirected to %j', (url) => {
    const { emit } = guardedContents(vi.fn());
    for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = { url, isMainFrame: eventName !== 'will-frame-navigate', preventDefault: vi.fn() };
      emit(eventName, event, url);
      expect(event.preventDefault, eventName).toHaveBeenCalled();
    }
  });

  it.each([...foreignUrls, 'app://ecf-desk/index.html', 'https://ecf.cit.uscourts.gov/'])(
    'window.open(%j) never opens a window',
    (url) => {
      const openExternal = vi.fn();
      const { openWindow } = guardedContents(openExternal);
      expect(openWindow(url)).toStrictEqual({ action: 'deny' });
      // The link may only leave through the guarded opener, which applies the allowlist (see below).
      expect(openExternal).toHaveBeenCalledExactlyOnceWith(url);
    },
  );

  it('refuses every webview, whatever it asks for', () => {
    const { emit } = guardedContents(vi.fn());
    for (const params of [
      { src: 'app://ecf-desk/index.html' },
      { src: 'https://evil.example/', nodeintegration: 'on' },
      {},
    ]) {
      const event = { preventDefault: vi.fn() };
      const webPreferences = { preload: '/tmp/evil.js', nodeIntegration: true };
      emit('will-attach-webview', event, webPreferences, params);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });
});

/** Every permission name Electron 40 may ask about, and the device kinds it may request. */
const electronPermissions = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'persistent-storage',
  'pointerLock',
  'serial',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'usb',
  'window-management',
  'unknown',
];

/** The session handlers `denyAllPermissions` installs. */
function permissionHandlers() {
  const handlers: {
    request?: (...args: unknown[]) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: (...args: unknown[]) => boolean) => (handlers.device = handler),
  };
  denyAllPermissions(session as unknown as Session);
  const request = (url: string, permission: string): unknown => {
    const callback = vi.fn();
    handlers.request?.({ getURL: () => url }, permission, callback, {});
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]?.[0];
  };
  return {
    request,
    check: (permission: string, origin: string) => handlers.check?.(null, permission, origin, {}),
    device: handlers.device,
  };
}

describe('permission requests and checks', () => {
  const { request, check, device } = permissionHandlers();

  it.each(electronPermissions.filter((permission) => permission !== 'clipboard-sanitized-write'))(
    'denies %s to the app and to every other page',
    (permission) => {
      for (const url of ['app://ecf-desk/index.html', ...foreignUrls]) {
        expect(request(url, permission), url).toBe(false);
        expect(check(permission, url), url).toBe(false);
      }
    },
  );

  it('allows the clipboard write only from the app’s exact origin, never from a look-alike', () => {
    expect(request('app://ecf-desk/index.html', 'clipboard-sanitized-write')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://ecf-desk')).toBe(true);
    for (const url of foreignUrls) {
      expect(request(url, 'clipboard-sanitized-write'), url).toBe(false);
      expect(check('clipboard-sanitized-write', url), url).toBe(false);
    }
  });

  it.each(['hid', 'serial', 'usb', 'bluetooth'])('denies every %s device, even to the app', (deviceType) => {
    expect(device?.({ deviceType, origin: 'app://ecf-desk', device: {} })).toBe(false);
  });
});

describe('the external-link gate', () => {
  it.each([
    ['an http court link', 'http://www.uscourts.gov/'],
    ['a websocket', 'wss://ecf.cit.uscourts.gov/'],
    ['ftp', 'ftp://uscourts.gov/'],
    ['a scheme-relative link', '//uscourts.gov/'],
    ['a Cyrillic look-alike of uscourts.gov (punycode)', 'https://uscourts.gоv/'],
    ['a Cyrillic look-alike of pacer.gov', 'https://pасer.gov/'],
    ['a fullwidth dot in the host', 'https://evil．example/uscourts.gov'],
    ['the court host in the fragment after an @', 'https://evil.example#@uscourts.gov'],
    ['the court host in the query after an @', 'https://evil.example?@uscourts.gov'],
    ['an encoded dot joining the court domain to another', 'https://uscourts.gov%2eevil.example/'],
    ['a court domain as a prefix', 'https://uscourts.gov-login.example/'],
    ['a user name only', 'https://clerk@pacer.gov/'],
    ['localhost', 'https://localhost/'],
    ['loopback', 'https://127.0.0.1/'],
    ['an IPv6 loopback', 'https://[::1]/'],
    ['the http port on https', 'https://uscourts.gov:80/'],
    ['another .gov site', 'https://irs.gov/'],
    ['a blob of the app', 'blob:app://ecf-desk/0b0e5ac4'],
    ['the app itself', 'app://ecf-desk/index.html'],
    ['a tab inside the scheme', 'ht\ttp://uscourts.gov/'],
  ])('refuses %s', (_reason, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses every address that is not https on an allowlisted host, as main’s opener sees them', () => {
    for (const url of foreignUrls) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
