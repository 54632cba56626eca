import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EcfApi } from '../../../src-main/shared/ecf-api';

const electron = await vi.hoisted(async () => {
  // Only the ipcRenderer parts the preload may use; `events` stands in for the wire from main.
  const { EventEmitter } = await import('node:events');
  const events = new EventEmitter();
  return {
    events,
    exposeInMainWorld: vi.fn(),
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => events.on(channel, listener)),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) =>
        events.removeListener(channel, listener),
      ),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
}));

await import('../../../src-main/preload/preload');

/** What the preload handed to the page. */
function exposedApi(): EcfApi {
  const call = electron.exposeInMainWorld.mock.calls[0];
  if (!call) {
    throw new Error('the preload exposed nothing');
  }
  return call[1] as EcfApi;
}

/** Sends an event from main the way the shell does: an IPC event object first, then the message. */
function sendFromMain(event: string, payload: unknown): void {
  const ipcEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };
  electron.events.emit('ecf:event', ipcEvent, { event, payload });
}

describe('the preload bridge', () => {
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockClear();
    electron.events.removeAllListeners();
  });

  it('exposes exactly two functions to the page as window.ecf', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.exposeInMainWorld.mock.calls[0]?.[0]).toBe('ecf');
    expect(Object.keys(exposedApi()).sort()).toStrictEqual(['invoke', 'on']);
  });

  it('passes a contract channel and its arguments to main', async () => {
    await expect(exposedApi().invoke('documents.remove', { id: 'd1' })).resolves.toStrictEqual({
      ok: true,
      value: 'from main',
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('documents.remove', { id: 'd1' });
  });

  it.each(['electron-store-get-data', 'ecf:event', '__proto__', 42, null])(
    'never lets the unknown channel %s reach main',
    async (channel) => {
      const invoke = exposedApi().invoke as (channel: unknown, args: unknown) => Promise<unknown>;
      await expect(invoke(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses to subscribe to an event the contract does not name', () => {
    const on = exposedApi().on as (event: unknown, listener: (payload: unknown) => void) => () => void;
    electron.ipcRenderer.on.mockClear();
    expect(() => on('electron-store-get-data', () => undefined)).toThrow(TypeError);
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('delivers only the payload of the subscribed event, never the IPC event object', () => {
    const listener = vi.fn();
    exposedApi().on('documents.progress', listener);
    const progress = { jobId: 'j1', name: 'brief.pdf', phase: 'hashing', fraction: 0.5 };
    sendFromMain('documents.changed', {});
    sendFromMain('documents.progress', progress);
    expect(listener).toHaveBeenCalledExactlyOnceWith(progress);
  });

  it('stops delivering once the returned function unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = exposedApi().on('documents.changed', listener);
    sendFromMain('documents.changed', {});
    unsubscribe();
    sendFromMain('documents.changed', {});
    expect(listener).toHaveBeenCalledOnce();
    expect(electron.events.listenerCount('ecf:event')).toBe(0);
  });
});
