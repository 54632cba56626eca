import type { AppUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { autoCheckIntervalMs, isMsiInstall, nsisUninstallerPath, startUpdates } from '../../../src-main/shell/updates';
import type { UpdateMode, Updater, UpdaterLogger } from '../../../src-main/shell/updates';

const firmServer = 'https://updates.morganreyes.example/ecf-desk';
const sixHours = 6 * 60 * 60 * 1000;

/** What the fake server says to the next check. */
type ServerAnswer =
  | { readonly newVersion: string | null; readonly downloadFails?: boolean }
  | { readonly unreachable: string }
  | 'not-packaged';

/** A stand-in for electron-updater's autoUpdater that records what is asked of it; it never touches the network. */
function createFakeUpdater(answer: ServerAnswer = { newVersion: null }) {
  const feeds: Array<{ provider: string; url: string }> = [];
  let checks = 0;
  let downloads = 0;
  let current = answer;
  const updater: Updater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    logger: null as UpdaterLogger | null,
    setFeedURL: (options) => void feeds.push(options),
    checkForUpdates: async () => {
      checks += 1;
      if (current === 'not-packaged') {
        return null;
      }
      if ('unreachable' in current) {
        throw new Error(current.unreachable);
      }
      const version = current.newVersion;
      if (version === null) {
        return { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } };
      }
      const downloadFails = current.downloadFails === true;
      const downloadPromise = updater.autoDownload
        ? downloadFails
          ? Promise.reject(new Error('connection reset'))
          : Promise.resolve(['ECF-Desk-Setup.exe'])
        : null;
      if (updater.autoDownload) {
        downloads += 1;
      }
      return { isUpdateAvailable: true, updateInfo: { version }, downloadPromise };
    },
    downloadUpdate: async () => {
      downloads += 1;
      if (current !== 'not-packaged' && !('unreachable' in current) && current.downloadFails === true) {
        throw new Error('connection reset');
      }
      return ['ECF-Desk-Setup.exe'];
    },
  };
  return {
    updater,
    feeds,
    get checks() {
      return checks;
    },
    get downloads() {
      return downloads;
    },
    answerNext(next: ServerAnswer) {
      current = next;
    },
  };
}

function start(
  mode: UpdateMode,
  fake: ReturnType<typeof createFakeUpdater>,
  overrides: { url?: string | null; isMsiInstall?: boolean } = {},
) {
  const log: string[] = [];
  const levels = new Map<string, string>();
  const updates = startUpdates({
    mode,
    url: overrides.url === undefined ? firmServer : overrides.url,
    isMsiInstall: overrides.isMsiInstall ?? false,
    autoUpdater: fake.updater,
    log: (line, level = 'info') => {
      log.push(line);
      levels.set(line, level);
    },
  });
  return { updates, log, levels };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('updates', () => {
  it('the real electron-updater autoUpdater fits what the module drives', () => {
    expectTypeOf<AppUpdater>().toExtend<Updater>();
    expect(autoCheckIntervalMs).toBe(sixHours);
  });

  it('with updateMode none, electron-updater is never asked anything, not even after a day', async () => {
    const fake = createFakeUpdater({ newVersion: '0.2.0' });
    const { updates, log } = start('none', fake);
    await vi.advanceTimersByTimeAsync(4 * sixHours);
    expect(await updates.checkNow()).toEqual({ state: 'off', reason: 'turned-off-by-policy' });
    expect(await updates.acceptUpdate()).toEqual({ state: 'off', reason: 'turned-off-by-policy' });
    expect(fake.feeds).toEqual([]);
    expect(fake.checks).toBe(0);
    expect(fake.downloads).toBe(0);
    expect(log).toEqual(['updates: off (turned-off-by-policy)']);
  });

  it('an MSI install never updates itself, even in auto mode: IT deploys the next MSI', async () => {
    const fake = createFakeUpdater({ newVersion: '0.2.0' });
    const { updates } = start('auto', fake, { isMsiInstall: true });
    await vi.advanceTimersByTimeAsync(4 * sixHours);
    expect(await updates.checkNow()).toEqual({ state: 'off', reason: 'msi-install' });
    expect(fake.feeds).toEqual([]);
    expect(fake.checks).toBe(0);
  });

  it('without an update server, updates are off', async () => {
    for (const url of [null, '', '   ']) {
      const fake = createFakeUpdater({ newVersion: '0.2.0' });
      const { updates } = start('auto', fake, { url });
      expect(await updates.checkNow()).toEqual({ state: 'off', reason: 'no-update-url' });
      expect(fake.checks).toBe(0);
    }
  });

  it('refuses an update server that is not https, or that carries a password, since what it serves is code the app will run', async () => {
    for (const url of [
      'http://updates.morganreyes.example/ecf-desk',
      'file:///srv/ecf-desk',
      'ftp://updates.morganreyes.example/',
      'updates.morganreyes.example',
      'https://it:hunter2@updates.morganreyes.example/ecf-desk',
    ]) {
      const fake = createFakeUpdater({ newVersion: '0.2.0' });
      const { updates, log } = start('auto', fake, { url });
      expect(await updates.checkNow(), url).toEqual({ state: 'off', reason: 'update-url-not-https' });
      expect(fake.feeds).toEqual([]);
      expect(fake.checks).toBe(0);
      expect(log.join('\n')).not.toContain('hunter2');
    }
  });

  it('manual mode asks the firm’s server only when the user checks, and downloads only once the user accepts', async () => {
    const fake = createFakeUpdater({ newVersion: '0.2.0' });
    const { updates, log } = start('manual', fake);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: firmServer }]);
    expect(fake.updater.autoDownload).toBe(false);
    expect(fake.updater.autoInstallOnAppQuit).toBe(true);

    await vi.advanceTimersByTimeAsync(4 * sixHours);
    expect(fake.checks).toBe(0);

    expect(await updates.checkNow()).toEqual({ state: 'available', version: '0.2.0' });
    expect(fake.checks).toBe(1);
    expect(fake.downloads).toBe(0);

    expect(await updates.acceptUpdate()).toEqual({ state: 'ready-to-install', version: '0.2.0' });
    expect(fake.downloads).toBe(1);
    expect(log).toContain('updates: version 0.2.0 downloaded, installs when ECF Desk quits');
  });

  it('manual mode has nothing to accept before a check has found an update', async () => {
    const fake = createFakeUpdater({ newVersion: null });
    const { updates } = start('manual', fake);
    expect(await updates.acceptUpdate()).toMatchObject({
      state: 'failed',
      error: { code: 'updates.nothing-to-download' },
    });
    expect(await updates.checkNow()).toEqual({ state: 'up-to-date' });
    expect(await updates.acceptUpdate()).toMatchObject({
      state: 'failed',
      error: { code: 'updates.nothing-to-download' },
    });
    expect(fake.downloads).toBe(0);
  });

  it('manual mode says so when the accepted download fails', async () => {
    const fake = createFakeUpdater({ newVersion: '0.2.0', downloadFails: true });
    const { updates, log } = start('manual', fake);
    await updates.checkNow();
    expect(await updates.acceptUpdate()).toMatchObject({ state: 'failed', error: { code: 'updates.download-failed' } });
    // The log keeps the whole error, its stack included.
    expect(log.find((line) => line.startsWith('updates: download failed: '))).toMatch(
      /^updates: download failed: Error: connection reset\n\s+at /,
    );
  });

  it('auto mode checks at start and then every 6 hours, downloads what it finds and installs it on quit', async () => {
    const fake = createFakeUpdater({ newVersion: null });
    const { updates } = start('auto', fake);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: firmServer }]);
    expect(fake.updater.autoDownload).toBe(true);
    expect(fake.updater.autoInstallOnAppQuit).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.checks).toBe(1);

    await vi.advanceTimersByTimeAsync(sixHours - 1);
    expect(fake.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.checks).toBe(2);

    fake.answerNext({ newVersion: '0.2.0' });
    await vi.advanceTimersByTimeAsync(sixHours);
    expect(fake.checks).toBe(3);
    expect(fake.downloads).toBe(1);
    expect(await updates.checkNow()).toEqual({ state: 'downloading', version: '0.2.0' });

    updates.stop();
    await vi.advanceTimersByTimeAsync(4 * sixHours);
    expect(fake.checks).toBe(4);
  });

  it('auto mode logs a failed download instead of leaving it unhandled', async () => {
    const fake = createFakeUpdater({ newVersion: '0.2.0', downloadFails: true });
    const { updates, log } = start('auto', fake);
    await vi.advanceTimersByTimeAsync(0);
    // The log keeps the whole error, its stack included.
    expect(log.find((line) => line.startsWith('updates: download failed: '))).toMatch(
      /^updates: download failed: Error: connection reset\n\s+at /,
    );
    updates.stop();
  });

  it('an unreachable server is a failed check with a plain message, and auto mode tries again 6 hours later', async () => {
    const fake = createFakeUpdater({ unreachable: 'getaddrinfo ENOTFOUND updates.morganreyes.example' });
    const { updates, log } = start('auto', fake);
    await vi.advanceTimersByTimeAsync(0);
    expect(log.find((line) => line.startsWith('updates: check failed: '))).toMatch(
      /^updates: check failed: Error: getaddrinfo ENOTFOUND updates\.morganreyes\.example\n\s+at /,
    );
    const status = await updates.checkNow();
    expect(status).toMatchObject({ state: 'failed', error: { code: 'updates.check-failed' } });
    expect(status.state === 'failed' && status.error.message).toContain('could not reach the update server');

    fake.answerNext({ newVersion: null });
    await vi.advanceTimersByTimeAsync(sixHours);
    expect(fake.checks).toBe(3);
    updates.stop();
  });

  it('a copy that is not packaged (electron-updater answers null) reports updates as off', async () => {
    const fake = createFakeUpdater('not-packaged');
    const { updates } = start('manual', fake);
    expect(await updates.checkNow()).toEqual({ state: 'off', reason: 'not-installed' });
  });

  it('routes electron-updater’s own lines into the app log: its chatter as debug, its warnings and errors as such', () => {
    const fake = createFakeUpdater();
    const { log, levels } = start('manual', fake);
    fake.updater.logger?.info('Checking for update');
    fake.updater.logger?.warn('Cannot find latest.yml');
    fake.updater.logger?.error('Error: net::ERR_PROXY_CONNECTION_FAILED');
    expect(log).toEqual(
      expect.arrayContaining([
        'updates: Checking for update',
        'updates: Cannot find latest.yml',
        'updates: Error: net::ERR_PROXY_CONNECTION_FAILED',
      ]),
    );
    expect(levels.get('updates: Checking for update')).toBe('debug');
    expect(levels.get('updates: Cannot find latest.yml')).toBe('warn');
    expect(levels.get('updates: Error: net::ERR_PROXY_CONNECTION_FAILED')).toBe('error');
    expect(levels.get(`updates: manual, from ${firmServer}`)).toBe('info');
  });
});

describe('isMsiInstall', () => {
  it('a Windows copy without the NSIS uninstaller beside it came from the MSI', () => {
    expect(isMsiInstall({ platform: 'win32', installerMarker: undefined, hasNsisUninstaller: false })).toBe(true);
  });

  it('a Windows copy the NSIS installer put there updates itself', () => {
    expect(isMsiInstall({ platform: 'win32', installerMarker: undefined, hasNsisUninstaller: true })).toBe(false);
  });

  it('IT may say so outright with ECF_DESK_INSTALLER=msi', () => {
    expect(isMsiInstall({ platform: 'win32', installerMarker: 'msi', hasNsisUninstaller: true })).toBe(true);
    expect(isMsiInstall({ platform: 'win32', installerMarker: ' MSI ', hasNsisUninstaller: true })).toBe(true);
    expect(isMsiInstall({ platform: 'win32', installerMarker: 'nsis', hasNsisUninstaller: true })).toBe(false);
  });

  it('there is no MSI on macOS or Linux, whatever the environment says', () => {
    expect(isMsiInstall({ platform: 'darwin', installerMarker: 'msi', hasNsisUninstaller: false })).toBe(false);
    expect(isMsiInstall({ platform: 'linux', installerMarker: 'msi', hasNsisUninstaller: false })).toBe(false);
  });

  it('looks for the NSIS uninstaller beside the executable', () => {
    expect(nsisUninstallerPath('C:\\Program Files\\ECF Desk\\ECF Desk.exe')).toBe(
      'C:\\Program Files\\ECF Desk\\Uninstall ECF Desk.exe',
    );
  });
});
