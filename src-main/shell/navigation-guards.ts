import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Refuses any navigation that would leave the app's own origin. */
function refuseForeignNavigation(event: { preventDefault(): void }, url: string): void {
  if (!isAppUrl(url)) {
    event.preventDefault();
  }
}

/**
 * Fences one webContents in. Security rule: navigation and new windows denied; external links only
 * through one guarded function. A page can never leave `app://ecf-desk`, never open a window, and never
 * attach a `<webview>`; a link it asks to open in a new window goes to the guarded `openExternal`, which
 * hands allowlisted https links to the user's browser and drops the rest.
 */
export function installNavigationGuards(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (details) => refuseForeignNavigation(details, details.url));
  // `will-navigate` covers the main frame only; subframes must not wander off either.
  contents.on('will-frame-navigate', (details) => refuseForeignNavigation(details, details.url));
  // A same-origin navigation could still be redirected elsewhere by whatever answers it.
  contents.on('will-redirect', (details) => refuseForeignNavigation(details, details.url));
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
