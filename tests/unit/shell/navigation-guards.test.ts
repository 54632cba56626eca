import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../src-main/shell/app-origin';
import { installNavigationGuards } from '../../../src-main/shell/navigation-guards';

type Listener = (...args: unknown[]) => void;

/** A stand-in for a webContents that records its listeners and window-open handler. */
function fakeContents() {
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
  const emit = (name: string, ...args: unknown[]): void => {
    const registered = listeners.get(name) ?? [];
    expect(registered.length, `a listener for ${name}`).toBeGreaterThan(0);
    for (const listener of registered) {
      listener(...args);
    }
  };
  const openWindow = (url: string) => {
    if (windowOpenHandler === null) {
      throw new Error('no window-open handler was installed');
    }
    return windowOpenHandler({ url });
  };
  return { contents: contents as unknown as WebContents, emit, openWindow };
}

/** A navigation event as Electron passes it: the details object carries the URL and preventDefault. */
function navigationEvent(url: string) {
  return { url, isMainFrame: true, preventDefault: vi.fn() };
}

function guarded(openExternal: (url: string) => void = vi.fn()) {
  const fake = fakeContents();
  installNavigationGuards(fake.contents, openExternal);
  return fake;
}

describe('isAppUrl', () => {
  it.each(['app://ecf-desk/index.html', 'app://ecf-desk/', 'app://ecf-desk/assets/index.js?v=1#top'])(
    'accepts the app’s own page %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://evil/index.html',
    'app://ecf-desk.evil.com/index.html',
    'app://user@ecf-desk/index.html',
    'app://ecf-desk:8080/index.html',
    'https://ecf-desk/index.html',
    'file:///index.html',
    'http://127.0.0.1:5173/',
    'not a url',
    '',
  ])('refuses the foreign address %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('installNavigationGuards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s to another origin is prevented',
    (eventName) => {
      const { emit } = guarded();
      const event = navigationEvent('https://evil.example/phish');
      emit(eventName, event, event.url);
      expect(event.preventDefault).toHaveBeenCalled();
    },
  );

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s within app://ecf-desk is allowed',
    (eventName) => {
      const { emit } = guarded();
      const event = navigationEvent('app://ecf-desk/index.html');
      emit(eventName, event, event.url);
      expect(event.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('a navigation to the court is still prevented: links leave the app only as new windows', () => {
    const openExternal = vi.fn();
    const { emit } = guarded(openExternal);
    const event = navigationEvent('https://ecf.cit.uscourts.gov/');
    emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('window.open is denied and the link goes to the guarded opener', () => {
    const openExternal = vi.fn();
    const { openWindow } = guarded(openExternal);
    expect(openWindow('https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl')).toStrictEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl');
  });

  it('window.open to a foreign page is denied as well', () => {
    const { openWindow } = guarded();
    expect(openWindow('https://evil.example/')).toStrictEqual({ action: 'deny' });
    expect(openWindow('app://ecf-desk/index.html')).toStrictEqual({ action: 'deny' });
  });

  it('attaching a webview is prevented', () => {
    const { emit } = guarded();
    const event = { preventDefault: vi.fn() };
    emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
