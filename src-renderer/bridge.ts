import type { EcfApi } from '../src-main/shared/ecf-api';
import { createBridge, type Bridge } from './create-bridge';
import { createHttpTransport } from './transports/http-transport';
import { createIpcTransport } from './transports/ipc-transport';

export { BridgeError, createBridge, type Bridge, type ChooseResult } from './create-bridge';

const tokenStorageKey = 'ecf-desk.token';

/** Takes browser mode's per-launch token from the address (then hides it) or from this tab's session. */
function takeBrowserToken(): string {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromAddress) {
    sessionStorage.setItem(tokenStorageKey, fromAddress);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromAddress;
  }
  return sessionStorage.getItem(tokenStorageKey) ?? '';
}

declare global {
  interface Window {
    readonly ecf?: EcfApi;
  }
}

/** Chooses the transport for the host this renderer runs in. */
function createHostBridge(): Bridge {
  return window.ecf
    ? createBridge(createIpcTransport(window.ecf))
    : createBridge(createHttpTransport(window.location.origin, takeBrowserToken()));
}

/** The bridge every component uses. */
export const bridge: Bridge = createHostBridge();
