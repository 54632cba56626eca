import path from 'node:path';
import { runInBackground } from '../core/background';
import type { AppLog } from '../core/storage/app-log';
import { describeError } from '../shared/describe-error';

/** How the firm wants updates handled (machine policy `updateMode`). */
export type UpdateMode = 'none' | 'manual' | 'auto';

/**
 * The part of electron-updater's `AppUpdater` this module drives. The real `autoUpdater` fits it;
 * tests pass a fake, so nothing here reaches the network on its own.
 */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdaterLogger | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{
    readonly isUpdateAvailable: boolean;
    readonly updateInfo: { readonly version: string };
    readonly downloadPromise?: Promise<unknown> | null;
  } | null>;
  downloadUpdate(): Promise<unknown>;
}

/** The logger electron-updater writes its own progress to. */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/** Why updates are off on this machine. */
export type UpdatesOffReason =
  'turned-off-by-policy' | 'msi-install' | 'no-update-url' | 'update-url-not-https' | 'not-installed';

/** What checking (or accepting) an update came to, as plain data for the screen and the log. */
export type UpdateStatus =
  | { readonly state: 'off'; readonly reason: UpdatesOffReason }
  | { readonly state: 'up-to-date' }
  | { readonly state: 'available'; readonly version: string }
  | { readonly state: 'downloading'; readonly version: string }
  | { readonly state: 'ready-to-install'; readonly version: string }
  | {
      readonly state: 'failed';
      readonly error: {
        readonly code: 'updates.check-failed' | 'updates.download-failed' | 'updates.nothing-to-download';
        readonly message: string;
      };
    };

/** What the app can ask of updates once they are started. */
export interface Updates {
  /** Asks the firm's server now. In `manual` mode nothing is downloaded until `acceptUpdate`. */
  checkNow(): Promise<UpdateStatus>;
  /** Downloads the update the last check found (manual mode); it is installed when the app quits. */
  acceptUpdate(): Promise<UpdateStatus>;
  /** Stops the periodic check (auto mode). */
  stop(): void;
}

/** Everything `startUpdates` needs. */
export interface UpdateOptions {
  /** Machine policy's `updateMode`. */
  readonly mode: UpdateMode;
  /** Machine policy's `updateUrl`; where policy leaves it empty, the address built into the installer (`app-update.yml`), else null. */
  readonly url: string | null;
  readonly isMsiInstall: boolean;
  readonly autoUpdater: Updater;
  readonly log: AppLog;
}

/** Auto mode asks the server this often, besides once at start. */
export const autoCheckIntervalMs = 6 * 60 * 60 * 1000;

/** What electron-builder's NSIS installer leaves beside the app's executable (`Uninstall ${productName}.exe`). */
export const nsisUninstallerName = 'Uninstall ECF Desk.exe';

/** Where the NSIS uninstaller would be for the running executable (`app.getPath('exe')`); a Windows path. */
export function nsisUninstallerPath(executablePath: string): string {
  return path.win32.join(path.win32.dirname(executablePath), nsisUninstallerName);
}

/**
 * Whether this Windows copy came from the MSI, whose installs IT updates by deploying the next MSI.
 *
 * electron-builder's MSI sets no flag the app can read, and per-machine MSI and NSIS installs share
 * the same folder, so the install path cannot tell them apart. What does: the NSIS installer always
 * writes its uninstaller beside the executable and the MSI never does. A copy without it is treated
 * as not self-updating, which is also right for an unzipped copy electron-updater could not update.
 * IT may state it outright with the environment variable `ECF_DESK_INSTALLER=msi` (docs/deploying.md).
 */
export function isMsiInstall(install: {
  readonly platform: string;
  readonly installerMarker: string | undefined;
  readonly hasNsisUninstaller: boolean;
}): boolean {
  if (install.platform !== 'win32') {
    return false;
  }
  if (install.installerMarker?.trim().toLowerCase() === 'msi') {
    return true;
  }
  return !install.hasNsisUninstaller;
}

/** The firm's update server, or why updates must stay off. */
function chooseFeed(options: UpdateOptions): { readonly url: string } | { readonly offReason: UpdatesOffReason } {
  if (options.mode === 'none') {
    return { offReason: 'turned-off-by-policy' };
  }
  if (options.isMsiInstall) {
    return { offReason: 'msi-install' };
  }
  const url = options.url?.trim() ?? '';
  if (url === '') {
    return { offReason: 'no-update-url' };
  }
  return isSafeUpdateUrl(url) ? { url } : { offReason: 'update-url-not-https' };
}

/** An update server must be https (the download is code the app will run) and carry no credentials (they would reach the log). */
function isSafeUpdateUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Turns updates off: every question answers with the reason, and nothing is ever asked of electron-updater. */
function updatesOff(reason: UpdatesOffReason, log: AppLog): Updates {
  const off: UpdateStatus = { state: 'off', reason };
  log(`updates: off (${reason})`);
  return { checkNow: async () => off, acceptUpdate: async () => off, stop: () => undefined };
}

/**
 * Starts updates as the firm's policy says: off for `none`, for MSI installs and without an https
 * url; `manual` checks only when asked and downloads only when the user accepts; `auto` checks at
 * start and every 6 hours, downloads, and installs when the app quits. The server is the firm's own,
 * read with electron-updater's generic provider (latest.yml beside the installers).
 */
export function startUpdates(options: UpdateOptions): Updates {
  const feed = chooseFeed(options);
  if ('offReason' in feed) {
    return updatesOff(feed.offReason, options.log);
  }

  const { autoUpdater, log, mode } = options;
  const isAuto = mode === 'auto';
  autoUpdater.logger = {
    info: (message) => log(`updates: ${String(message)}`, 'debug'),
    warn: (message) => log(`updates: ${String(message)}`, 'warn'),
    error: (message) => log(`updates: ${String(message)}`, 'error'),
  };
  autoUpdater.autoDownload = isAuto;
  // A downloaded update (auto, or accepted in manual mode) is installed when the user quits, never mid-work.
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  log(`updates: ${mode}, from ${feed.url}`);

  let foundVersion: string | null = null;

  const checkNow = async (): Promise<UpdateStatus> => {
    try {
      const result = await autoUpdater.checkForUpdates();
      // electron-updater answers null when the app is not an installed, packaged copy.
      if (result === null) {
        return { state: 'off', reason: 'not-installed' };
      }
      if (!result.isUpdateAvailable) {
        foundVersion = null;
        return { state: 'up-to-date' };
      }
      const version = result.updateInfo.version;
      foundVersion = version;
      if (!isAuto) {
        return { state: 'available', version };
      }
      // The download runs on its own; its failure is logged here rather than left unhandled.
      result.downloadPromise?.then(
        () => log(`updates: version ${version} downloaded, installs when ECF Desk quits`),
        (error: unknown) => log(`updates: download failed: ${describeError(error).detail}`, 'warn'),
      );
      return { state: 'downloading', version };
    } catch (error) {
      log(`updates: check failed: ${describeError(error).detail}`, 'warn');
      return {
        state: 'failed',
        error: {
          code: 'updates.check-failed',
          message: `ECF Desk could not reach the update server (${describeError(error).message}). It will try again later; ask IT if this keeps happening.`,
        },
      };
    }
  };

  const acceptUpdate = async (): Promise<UpdateStatus> => {
    if (foundVersion === null) {
      return {
        state: 'failed',
        error: { code: 'updates.nothing-to-download', message: 'There is no update waiting. Check for updates first.' },
      };
    }
    const version = foundVersion;
    if (isAuto) {
      return { state: 'downloading', version };
    }
    try {
      await autoUpdater.downloadUpdate();
      log(`updates: version ${version} downloaded, installs when ECF Desk quits`);
      return { state: 'ready-to-install', version };
    } catch (error) {
      log(`updates: download failed: ${describeError(error).detail}`, 'warn');
      return {
        state: 'failed',
        error: {
          code: 'updates.download-failed',
          message: `The update could not be downloaded (${describeError(error).message}). Try again later.`,
        },
      };
    }
  };

  let timer: ReturnType<typeof setInterval> | null = null;
  if (isAuto) {
    runInBackground('updates: checking', checkNow, log);
    timer = setInterval(() => runInBackground('updates: checking', checkNow, log), autoCheckIntervalMs);
    // The periodic check never keeps the process alive on its own.
    timer.unref();
  }

  return {
    checkNow,
    acceptUpdate,
    stop: () => {
      if (timer !== null) {
        clearInterval(timer);
      }
      timer = null;
    },
  };
}
