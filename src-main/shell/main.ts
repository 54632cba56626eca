import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, net, protocol, session } from 'electron';
import { createCoreServices } from '../core/app-services';
import { createIsolatedReaders } from '../core/isolation/isolated-readers';
import { installLastResortHandlers, runInBackground } from '../core/background';
import type { AppLog } from '../core/storage/app-log';
import { createKeyringSecretStore } from '../core/vault/keyring-secret-store';
import electronUpdater from 'electron-updater';
import { isMsiInstall, nsisUninstallerPath, startUpdates } from './updates';
import { createEmbeddedTrainingCourtLauncher } from '../training-court/embedded';
import { createDialogFileChooser } from './adapters/dialog-file-chooser';
import { createElectronNotifier } from './adapters/electron-notifier';
import { createElectronSettingsFile } from './adapters/electron-settings-file';
import { utilityProcessLauncher } from './adapters/utility-process-launcher';
import { appScheme, appStartUrl } from './app-origin';
import { serveAppRequest } from './app-protocol';
import { registerIpc, sendEvent } from './ipc';
import { installNavigationGuards } from './navigation-guards';
import { allowPolicyHosts, openExternalSafely } from './open-external';
import { denyAllPermissions } from './permissions';
import { createMainWindow } from './window-factory';
import { describeError } from '../shared/describe-error';

// The build puts main, the preload, the renderer and the child process's scripts side by side under one folder.
const rendererFolder = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const isolatedChildPath = fileURLToPath(new URL('../workers/isolated-child.js', import.meta.url));

/** Where the app keeps its data: `ECF_DESK_HOME` when set (tests, portable setups), else Electron's per-OS folder. */
function resolveDataFolder(): string {
  const override = process.env['ECF_DESK_HOME'];
  return override ? path.resolve(override) : app.getPath('userData');
}

/** The address built into the installer (electron-builder writes it to resources/app-update.yml), or null. */
function installerUpdateUrl(): string | null {
  try {
    return (
      /^url:\s*(\S+)\s*$/m.exec(readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8'))?.[1] ?? null
    );
  } catch {
    return null;
  }
}

/** Starts electron-updater as policy says; an empty `updateUrl` means the server the installer was built for. */
function startDesktopUpdates(policyValues: Readonly<Record<string, unknown>>, log: AppLog): { stop(): void } {
  const mode = policyValues['updateMode'];
  const url =
    typeof policyValues['updateUrl'] === 'string' && policyValues['updateUrl'] !== ''
      ? policyValues['updateUrl']
      : installerUpdateUrl();
  return startUpdates({
    mode: mode === 'manual' || mode === 'auto' ? mode : 'none',
    url,
    isMsiInstall: isMsiInstall({
      platform: process.platform,
      installerMarker: process.env['ECF_DESK_INSTALLER'],
      hasNsisUninstaller: existsSync(nsisUninstallerPath(app.getPath('exe'))),
    }),
    autoUpdater: electronUpdater.autoUpdater,
    log,
  });
}

/** Core's log once core is built; until then the last-resort lines go to stderr. */
let coreLog: AppLog | null = null;
const lastResortLog: AppLog = (line, level = 'error') => {
  if (coreLog) {
    coreLog(line, level);
  } else {
    process.stderr.write(`${line}\n`);
  }
};

/** How long quitting may take, after an uncaught exception, before the process ends anyway. */
const quitAfterCrashMs = 10_000;

/** Runs the app in the one instance that holds the lock. */
function runApp(): void {
  // A rejection nobody handled is logged and the app goes on (the window and the user's other work stay). An uncaught
  // exception leaves main in a state Node's documentation says not to resume from: the user is told, and the app
  // quits the ordinary way (will-quit closes the database and the child processes), or ends if that does not finish.
  installLastResortHandlers(
    () => coreLog,
    (error) => {
      setTimeout(() => app.exit(1), quitAfterCrashMs).unref();
      if (app.isReady()) {
        dialog.showErrorBox(
          'ECF Desk must close',
          `Something unexpected went wrong and ECF Desk closes to keep your data safe. Your drafts are saved; open ECF Desk again.\n\n${describeError(error).message}`,
        );
      }
      app.quit();
    },
  );
  let mainWindow: BrowserWindow | null = null;
  // Set once core is built; will-quit closes it before the process ends.
  let closeResources: (() => Promise<void>) | null = null;
  let isClosing = false;

  const showMainWindow = (): void => {
    if (mainWindow === null || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow(preloadPath);
      runInBackground('Loading the window', mainWindow.loadURL(appStartUrl), lastResortLog);
      return;
    }
    if (mainWindow.isMinimized()) {
      mainWindow.restore();
    }
    mainWindow.focus();
  };

  // A second launch hands over to this one: the user sees the window they already have.
  app.on('second-instance', () => {
    if (app.isReady()) {
      showMainWindow();
    }
  });
  // Security rule: navigation and new windows denied, for every webContents the app ever creates.
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, (url) =>
      runInBackground('Opening a link', openExternalSafely(url), lastResortLog),
    );
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock without windows; `activate` brings the window back.
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });
  app.on('activate', () => {
    if (app.isReady()) {
      showMainWindow();
    }
  });
  app.on('will-quit', (event) => {
    if (closeResources === null) {
      return;
    }
    // Quitting waits until the database and workers are closed, so nothing is cut off mid-write.
    event.preventDefault();
    if (isClosing) {
      return;
    }
    isClosing = true;
    const close = closeResources;
    close()
      .catch((error: unknown) => lastResortLog(`Closing ECF Desk failed: ${describeError(error).detail}`))
      .finally(() => {
        closeResources = null;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      protocol.handle(appScheme, (request) => serveAppRequest(rendererFolder, request));
      denyAllPermissions(session.defaultSession);

      const dataFolder = resolveDataFolder();
      // Untrusted files are read in utility processes; the log is core's, once core is built.
      let log: AppLog | null = null;
      const readers = createIsolatedReaders({
        scriptPath: isolatedChildPath,
        launcher: utilityProcessLauncher,
        log: (line, level) => log?.(line, level),
      });
      const services = createCoreServices({
        dataFolder,
        host: 'electron',
        version: app.getVersion(),
        settingsFile: createElectronSettingsFile(dataFolder),
        trainingCourt: createEmbeddedTrainingCourtLauncher(dataFolder),
        secretStore: createKeyringSecretStore(),
        notifier: createElectronNotifier(),
        // Court traffic goes through Chromium's network stack: system proxies, PAC files and certificates apply.
        fetch: (url, init) => net.fetch(url, init),
        fileChooser: createDialogFileChooser(),
        readers,
        emit: (event, payload) => sendEvent(BrowserWindow.getAllWindows(), event, payload),
      });
      log = services.log;
      coreLog = services.log;
      readers.warmUp();
      closeResources = async () => {
        // Core is asked first: it stops its checks and fixes at once, before the children go, so none records an outcome; checks resume at the next start.
        await Promise.allSettled([services.close(), readers.close()]);
      };
      registerIpc(services.handlers);
      showMainWindow();
      // Updates follow machine policy (updateMode, updateUrl), once it has been read.
      const startPolicyFeatures = services.policyReady().then((policyValues) => {
        const extraHosts = policyValues['externalLinkAllowlist'];
        if (Array.isArray(extraHosts)) {
          allowPolicyHosts(extraHosts.filter((host): host is string => typeof host === 'string'));
        }
        const updates = startDesktopUpdates(policyValues, services.log);
        const closeCore = closeResources;
        closeResources = async () => {
          updates.stop();
          await closeCore?.();
        };
      });
      runInBackground('Applying machine policy to links and updates', startPolicyFeatures, services.log);
    })
    .catch((error: unknown) => {
      const reason = describeError(error).message;
      dialog.showErrorBox(
        'ECF Desk could not start',
        `ECF Desk could not open its data. Nothing was changed.\n\n${reason}`,
      );
      app.exit(1);
    });
}

// Security rule: every renderer sandboxed, by default as well as in the window factory.
app.enableSandbox();
// Privileges must be declared before the app is ready; `standard` gives app:// a real origin for CSP 'self'.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (app.requestSingleInstanceLock()) {
  runApp();
} else {
  app.quit();
}
