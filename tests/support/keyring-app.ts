import { test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserModeProcess, type BrowserModeProcess } from './browser-mode-process';
import { startSecretService, type TestSession } from './secret-service';

/**
 * For every test of a spec: a fresh data folder and a private keyring (a D-Bus session with gnome-keyring), and the
 * app, the keyring and the folder gone after the test. `start` opens browser mode on them.
 */
export function useAppWithKeyring(folderPrefix: string) {
  let dataFolder = '';
  let app: BrowserModeProcess | null = null;
  let keyring: TestSession | null = null;

  test.beforeEach(async () => {
    dataFolder = await mkdtemp(path.join(tmpdir(), folderPrefix));
    keyring = await startSecretService();
  });
  test.afterEach(async () => {
    await app?.stop();
    app = null;
    await keyring?.stop();
    await rm(dataFolder, { recursive: true, force: true });
  });

  return {
    /** The test's data folder. */
    dataFolder: (): string => dataFolder,
    /** Skips the test, saying why, where no Secret Service can start. */
    skipWithoutKeyring(): void {
      test.skip(keyring === null, 'No Secret Service can start here (needs dbus and gnome-keyring).');
    },
    /** Starts browser mode on the test's data folder with its keyring; it is stopped after the test. */
    async start(): Promise<BrowserModeProcess> {
      app = await startBrowserModeProcess(dataFolder, keyring?.env ?? {});
      return app;
    },
  };
}
