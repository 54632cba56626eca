import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, isChannelName, isEventName, type EventMessage } from '../shared/channel-names';
import type { EcfApi } from '../shared/ecf-api';
import type { Envelope } from '../shared/errors';

/** Whether what arrived on the event channel has the shape main sends. */
function isEventMessage(value: unknown): value is EventMessage {
  return typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string';
}

/**
 * The allowlisted bridge, and THE one module that touches the raw `ipcRenderer`. Security rule:
 * contextIsolation and sandbox; the renderer gets two functions, never `ipcRenderer` itself. Only
 * contract channels reach main, only contract events reach the page, and a listener receives the
 * payload alone: the IPC event object would hand the page `sender`, a way around this allowlist.
 */
const ecf: EcfApi = {
  invoke(channel: unknown, args: unknown): Promise<Envelope<unknown>> {
    if (!isChannelName(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-channel', message: 'ECF Desk has no such request.' },
      });
    }
    return ipcRenderer.invoke(channel, args) as Promise<Envelope<unknown>>;
  },
  on(event: unknown, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) {
      throw new TypeError('ECF Desk sends no such event.');
    }
    const deliver = (_ipcEvent: IpcRendererEvent, message: unknown): void => {
      if (isEventMessage(message) && message.event === event) {
        listener(message.payload);
      }
    };
    ipcRenderer.on(eventChannel, deliver);
    return () => {
      ipcRenderer.removeListener(eventChannel, deliver);
    };
  },
};

contextBridge.exposeInMainWorld('ecf', ecf);
