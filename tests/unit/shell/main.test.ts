import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** A stand-in for Electron's main-process modules, recording what the entry point asks of them. */
const fake = vi.hoisted(() => {
  const state = {
    hasLock: true,
    listeners: new Map<string, Listener[]>(),
    markReady: (): void => undefined,
    ready: false,
    windows: [] as {
      loadURL: ReturnType<typeof vi.fn>;
      focus: ReturnType<typeof vi.fn>;
      restore: ReturnType<typeof vi.fn>;
      preloadPath: string;
    }[],
    order: [] as string[],
  };
  const app = {
    enableSandbox: vi.fn(() => state.order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => state.hasLock),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: vi.fn(() => '/home/paralegal/.config/ECF Desk'),
    getVersion: vi.fn(() => '0.1.0'),
    isReady: () => state.ready,
    on: vi.fn((name: string, listener: Listener) => {
      state.listeners.set(name, [...(state.listeners.get(name) ?? []), listener]);
      return app;
    }),
    whenReady: () =>
      new Promise<void>((resolve) => {
        state.markReady = () => {
          state.ready = true;
          state.order.push('ready');
          resolve();
        };
      }),
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => state.order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  };
  const emit = (name: string, ...args: unknown[]): void => {
    for (const listener of state.listeners.get(name) ?? []) {
      listener(...args);
    }
  };
  return { state, app, protocol, session, emit };
});

const core = vi.hoisted(() => ({
  createCoreServices: vi.fn(),
  close: vi.fn(async () => undefined),
  closeReaders: vi.fn(async () => undefined),
  warmUp: vi.fn(),
  registerIpc: vi.fn(),
}));

vi.mock('electron', () => ({
  app: fake.app,
  protocol: fake.protocol,
  session: fake.session,
  dialog: { showErrorBox: vi.fn() },
  shell: { openExternal: vi.fn() },
  BrowserWindow: { getAllWindows: () => fake.state.windows },
}));
vi.mock('../../../src-main/shell/window-factory', () => ({
  createMainWindow: (preloadPath: string) => {
    const window = {
      preloadPath,
      loadURL: vi.fn(async () => undefined),
      focus: vi.fn(),
      restore: vi.fn(),
      isDestroyed: () => false,
      isMinimized: () => true,
    };
    fake.state.windows.push(window);
    return window;
  },
}));
vi.mock('../../../src-main/shell/ipc', () => ({ registerIpc: core.registerIpc, sendEvent: vi.fn() }));
vi.mock('../../../src-main/core/app-services', () => ({ createCoreServices: core.createCoreServices }));
vi.mock('../../../src-main/core/isolation/isolated-readers', () => ({
  createIsolatedReaders: () => ({ warmUp: core.warmUp, close: core.closeReaders }),
}));
vi.mock('../../../src-main/shell/adapters/electron-settings-file', () => ({
  createElectronSettingsFile: () => ({ read: vi.fn(), write: vi.fn() }),
}));
vi.mock('../../../src-main/shell/adapters/dialog-file-chooser', () => ({
  createDialogFileChooser: () => ({ choosePdfs: vi.fn() }),
}));

/** Loads the entry point afresh, as a new process would, and lets the app become ready. */
async function launch({ hasLock = true } = {}): Promise<void> {
  fake.state.hasLock = hasLock;
  await import('../../../src-main/shell/main');
  fake.state.markReady();
  // Let the whenReady continuation run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.state.listeners.clear();
  fake.state.windows.length = 0;
  fake.state.order.length = 0;
  fake.state.ready = false;
  core.createCoreServices.mockReturnValue({ handlers: { 'app.getInfo': vi.fn() }, close: core.close });
});
afterEach(() => vi.unstubAllEnvs());

describe('the Electron entry point', () => {
  it('declares app:// privileged and sandboxes every renderer before the app is ready', async () => {
    await launch();
    expect(fake.state.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.state.order.indexOf('ready'));
    expect(fake.state.order.indexOf('enableSandbox')).toBeLessThan(fake.state.order.indexOf('ready'));
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves app://, denies permissions, wires IPC and opens the app’s first page once ready', async () => {
    await launch();
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(core.registerIpc).toHaveBeenCalledWith(core.createCoreServices.mock.results[0]?.value.handlers);
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0]?.loadURL).toHaveBeenCalledWith('app://ecf-desk/index.html');
    expect(fake.state.windows[0]?.preloadPath).toMatch(/[\\/]preload[\\/]preload\.cjs$/);
  });

  it('installs the navigation guards on every webContents the app creates', async () => {
    await launch();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fake.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(contents.on).toHaveBeenCalledWith('will-attach-webview', expect.any(Function));
  });

  it('keeps its data in Electron’s user-data folder, or in ECF_DESK_HOME when set', async () => {
    await launch();
    expect(core.createCoreServices.mock.calls[0]?.[0]).toMatchObject({
      dataFolder: '/home/paralegal/.config/ECF Desk',
      host: 'electron',
      version: '0.1.0',
    });

    vi.resetModules();
    vi.stubEnv('ECF_DESK_HOME', '/srv/ecf-desk-data/../ecf-desk');
    await launch();
    expect(core.createCoreServices.mock.calls[1]?.[0]).toMatchObject({ dataFolder: path.resolve('/srv/ecf-desk') });
  });

  it('a second instance quits at once and the first brings its window forward', async () => {
    await launch({ hasLock: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(core.createCoreServices).not.toHaveBeenCalled();

    vi.resetModules();
    fake.state.ready = false;
    fake.app.quit.mockClear();
    await launch();
    fake.emit('second-instance');
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0]?.restore).toHaveBeenCalled();
    expect(fake.state.windows[0]?.focus).toHaveBeenCalled();
  });

  it('starts the child processes that read untrusted files once core is built', async () => {
    await launch();
    expect(core.warmUp).toHaveBeenCalledOnce();
    expect(core.createCoreServices.mock.calls[0]?.[0]).toHaveProperty('readers');
  });

  it('quitting waits for core and the child processes that read untrusted files to close', async () => {
    let finishClosing = (): void => undefined;
    core.close.mockReturnValueOnce(new Promise<undefined>((resolve) => (finishClosing = () => resolve(undefined))));
    await launch();
    const firstQuit = { preventDefault: vi.fn() };
    fake.emit('will-quit', firstQuit);
    expect(firstQuit.preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledOnce();
    expect(core.closeReaders).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.app.quit).not.toHaveBeenCalled();

    finishClosing();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());

    const secondQuit = { preventDefault: vi.fn() };
    fake.emit('will-quit', secondQuit);
    expect(secondQuit.preventDefault).not.toHaveBeenCalled();
  });
});
