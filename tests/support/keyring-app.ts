import { test } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserModeProcess, type BrowserModeProcess } from './browser-mode-process';
import { startSecretService, type TestSession } from './secret-service';

/** The court variation the running Playwright project asks for (its metadata), or null in the usual court. */
export function projectCourtVariation(): Record<string, unknown> | null {
  const variation: unknown = test.info().project.metadata['courtVariation'];
  return typeof variation === 'object' && variation !== null ? (variation as Record<string, unknown>) : null;
}

/**
 * Writes the project's court variation into the app's training-court folder (`variation.json`,
 * docs/court-pages.md#court-variations), merged with one the test wrote itself.
 */
async function applyCourtVariation(dataFolder: string): Promise<void> {
  const variation = projectCourtVariation();
  if (!variation) {
    return;
  }
  const folder = path.join(dataFolder, 'training-court');
  const file = path.join(folder, 'variation.json');
  const own = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  );
  await mkdir(folder, { recursive: true });
  await writeFile(file, JSON.stringify({ ...own, ...variation }));
}

/**
 * For every test of a spec: a fresh data folder, and the app and the folder gone after the test. `start` opens
 * browser mode on the folder (again after `stop`, as a restart); `env` adds variables to the app's process.
 */
export function useApp(folderPrefix: string, env: () => Readonly<Record<string, string>> = () => ({})) {
  let dataFolder = '';
  let app: BrowserModeProcess | null = null;

  test.beforeEach(async () => {
    dataFolder = await mkdtemp(path.join(tmpdir(), folderPrefix));
  });
  test.afterEach(async () => {
    await app?.stop();
    app = null;
    await rm(dataFolder, { recursive: true, force: true });
  });

  return {
    /** The test's data folder. */
    dataFolder: (): string => dataFolder,
    /**
     * Starts browser mode on the test's data folder; it is stopped after the test. In a court-variation project the
     * app's own training court starts in that variation, over any a test set itself.
     */
    async start(): Promise<BrowserModeProcess> {
      await applyCourtVariation(dataFolder);
      app = await startBrowserModeProcess(dataFolder, env());
      return app;
    },
    /** Stops the app, keeping its data folder (a restart is `stop` then `start`). */
    async stop(): Promise<void> {
      await app?.stop();
      app = null;
    },
  };
}

/**
 * `useApp` with a private keyring for every test (a D-Bus session with gnome-keyring), gone after the test with the
 * app and the folder.
 */
export function useAppWithKeyring(folderPrefix: string) {
  let keyring: TestSession | null = null;

  test.beforeEach(async () => {
    keyring = await startSecretService();
  });
  const desk = useApp(folderPrefix, () => keyring?.env ?? {});
  // The app goes first, whichever of the two after-hooks runs first: it must not lose its keyring while it runs.
  test.afterEach(async () => {
    await desk.stop();
    await keyring?.stop();
  });

  return {
    ...desk,
    /** Skips the test, saying why, where no Secret Service can start. */
    skipWithoutKeyring(): void {
      test.skip(keyring === null, 'No Secret Service can start here (needs dbus and gnome-keyring).');
    },
  };
}
