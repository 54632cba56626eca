import { isScreenId, type ScreenId } from './NavigationRail';

/** The screen shown and, on Filings, the draft open in the wizard. */
export interface WindowAddress {
  readonly screen: ScreenId;
  readonly draftId: string | null;
}

/**
 * Where the window is, read from the address's hash ("#/filings/<draft id>"). The hash is what a reload keeps in both
 * hosts: Electron reloads the app:// page with its hash, a browser its http:// page with it; changing it with
 * `history.replaceState` is no navigation, so Electron's navigation guard is not asked and no history entry is added.
 * Null when the hash is not an address (browser mode's first page carries its token there).
 */
export function readWindowAddress(): WindowAddress | null {
  const match = /^#\/([a-z]+)(?:\/([^/]+))?$/.exec(window.location.hash);
  const screen = match?.[1];
  if (screen === undefined || !isScreenId(screen)) {
    return null;
  }
  const encoded = screen === 'filings' ? match?.[2] : undefined;
  return { screen, draftId: encoded === undefined ? null : decodedOrNull(encoded) };
}

function decodedOrNull(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** Puts where the window is into the address, for a reload to come back to. */
export function writeWindowAddress({ screen, draftId }: WindowAddress): void {
  const hash = `#/${screen}${draftId === null ? '' : `/${encodeURIComponent(draftId)}`}`;
  if (window.location.hash !== hash) {
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }
}
