import { BrowserWindow, type WebPreferences } from 'electron';

/**
 * The settings every window runs with, written literally. Security rule: contextIsolation, sandbox,
 * no Node integration, webSecurity on, no webview, in the one window factory. The preload is the
 * renderer's only way to main.
 */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    spellcheck: true,
    preload: preloadPath,
  };
}

/** THE one window factory: every window of the app is made here, so none can miss the hardened settings. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'ECF Desk',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: hardenedWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
