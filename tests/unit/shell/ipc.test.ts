import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../src-main/core/api/dispatch';
import { channelNames } from '../../../src-main/shared/channel-names';
import { defaultSettings } from '../../../src-main/shared/domain';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

const registered = vi.hoisted(() => new Map<string, InvokeListener>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: InvokeListener) => {
      registered.set(channel, listener);
    },
  },
}));

const { foreignSenderRefusal, registerIpc, sendEvent } = await import('../../../src-main/shell/ipc');

/** Handlers that answer `settings.get` and record every call. */
function fakeHandlers() {
  const settingsGet = vi.fn(async () => defaultSettings);
  const removeDocument = vi.fn(async () => null);
  const handlers = { 'settings.get': settingsGet, 'documents.remove': removeDocument } as unknown as Handlers;
  return { handlers, settingsGet, removeDocument };
}

/** An invoke event as Electron builds it, from a frame at `url` (or from a frame that is gone). */
function invokeEvent(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}

function call(channel: string, event: IpcMainInvokeEvent, args: unknown): Promise<unknown> {
  const listener = registered.get(channel);
  if (!listener) {
    throw new Error(`${channel} was not registered`);
  }
  return Promise.resolve(listener(event, args));
}

describe('registerIpc', () => {
  beforeEach(() => registered.clear());

  it('registers every contract channel and nothing else', () => {
    registerIpc(fakeHandlers().handlers);
    expect([...registered.keys()].sort()).toStrictEqual([...channelNames].sort());
  });

  it('answers a call from the app’s own page through the handler', async () => {
    const { handlers, settingsGet } = fakeHandlers();
    registerIpc(handlers);
    await expect(call('settings.get', invokeEvent('app://ecf-desk/index.html'), {})).resolves.toStrictEqual({
      ok: true,
      value: defaultSettings,
    });
    expect(settingsGet).toHaveBeenCalledOnce();
  });

  it.each(['https://evil.example/', 'file:///tmp/page.html', 'app://other/index.html'])(
    'refuses a call from the foreign frame %s',
    async (url) => {
      const { handlers, settingsGet } = fakeHandlers();
      registerIpc(handlers);
      await expect(call('settings.get', invokeEvent(url), {})).resolves.toStrictEqual(foreignSenderRefusal);
      expect(settingsGet).not.toHaveBeenCalled();
    },
  );

  it('refuses a call whose frame is already gone', async () => {
    const { handlers, settingsGet } = fakeHandlers();
    registerIpc(handlers);
    await expect(call('settings.get', invokeEvent(null), {})).resolves.toMatchObject({ ok: false });
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('answers a malformed payload with an invalid-arguments envelope, never reaching the handler', async () => {
    const { handlers, removeDocument } = fakeHandlers();
    registerIpc(handlers);
    const answer = await call('documents.remove', invokeEvent('app://ecf-desk/index.html'), { id: 42, extra: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(removeDocument).not.toHaveBeenCalled();
  });
});

describe('sendEvent', () => {
  it('sends the event and its payload to every open window, skipping closed ones', () => {
    const open = { isDestroyed: () => false, webContents: { send: vi.fn() } };
    const closed = { isDestroyed: () => true, webContents: { send: vi.fn() } };
    sendEvent([open, closed] as unknown as BrowserWindow[], 'documents.changed', {});
    expect(open.webContents.send).toHaveBeenCalledExactlyOnceWith('ecf:event', {
      event: 'documents.changed',
      payload: {},
    });
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });
});
