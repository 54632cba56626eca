import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch, type Handlers } from '../core/api/dispatch';
import { channelNames, eventChannel, type EventMessage, type EventName } from '../shared/channel-names';
import type { EventPayload } from '../shared/contract';
import type { Envelope } from '../shared/errors';
import { isAppUrl } from './app-origin';

/** The answer to a call from a frame that is not the app's own; it says nothing about what exists. */
export const foreignSenderRefusal: Envelope<never> = {
  ok: false,
  error: { code: 'foreign-sender', message: 'This request did not come from an ECF Desk window, so it was refused.' },
};

/** Whether a call came from a frame showing the app's own pages; `senderFrame` is null once the frame is gone. */
function isFromAppFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}

/**
 * THE one module that touches the raw `ipcMain`: registers every contract channel through one wrapper.
 * Security rule: every IPC input is validated by its schema. The wrapper first refuses any frame that is
 * not the app's own origin (a page that somehow got there must not reach core), then hands the call to
 * `dispatch`, which checks the arguments and always answers with an envelope.
 */
export function registerIpc(handlers: Handlers): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, args: unknown): Promise<Envelope<unknown>> => {
      if (!isFromAppFrame(event)) {
        return Promise.resolve(foreignSenderRefusal);
      }
      return dispatch(handlers, channel, args);
    });
  }
}

/** Sends one event to every open window's renderer, which the preload hands to its listeners. */
export function sendEvent<E extends EventName>(
  windows: readonly BrowserWindow[],
  event: E,
  payload: EventPayload<E>,
): void {
  const message: EventMessage = { event, payload };
  for (const window of windows) {
    if (!window.isDestroyed()) {
      window.webContents.send(eventChannel, message);
    }
  }
}
