import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: {
    options: Record<string, unknown>;
    once: ReturnType<typeof vi.fn>;
    show: ReturnType<typeof vi.fn>;
  }[] = [];
  class BrowserWindow {
    readonly once = vi.fn();
    readonly show = vi.fn();
    constructor(options: Record<string, unknown>) {
      created.push({ options, once: this.once, show: this.show });
    }
  }
  return { created, BrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { createMainWindow, hardenedWebPreferences } = await import('../../../src-main/shell/window-factory');

describe('the one window factory', () => {
  beforeEach(() => {
    electron.created.length = 0;
  });

  it('writes every hardened web preference literally', () => {
    const preferences = hardenedWebPreferences('/app/preload.cjs');
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.spellcheck).toBe(true);
    expect(preferences.preload).toBe('/app/preload.cjs');
  });

  it('creates the window with exactly the hardened preferences and the preload path', () => {
    createMainWindow('/app/preload.cjs');
    expect(electron.created).toHaveLength(1);
    expect(electron.created[0]?.options['webPreferences']).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: true,
      preload: '/app/preload.cjs',
    });
  });

  it('titles and sizes the window and shows it only once it is painted', () => {
    createMainWindow('/app/preload.cjs');
    const window = electron.created[0];
    expect(window?.options).toMatchObject({
      title: 'ECF Desk',
      width: 1200,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      show: false,
    });
    expect(window?.show).not.toHaveBeenCalled();
    const [eventName, onReady] = window?.once.mock.calls[0] ?? [];
    expect(eventName).toBe('ready-to-show');
    (onReady as () => void)();
    expect(window?.show).toHaveBeenCalledOnce();
  });
});
