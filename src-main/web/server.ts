import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installLastResortHandlers } from '../core/background';
import { resolveAppDataFolder } from '../core/storage/app-data-folder';
import { createEmbeddedTrainingCourtLauncher } from '../training-court/embedded';
import { describeError } from '../shared/describe-error';
import { startBrowserModeServer, type BrowserModeServer } from './browser-mode-server';

/** How long a server in an unknown state is given to close its database before the process ends anyway. */
const closeBeforeExitMs = 5_000;

let running: BrowserModeServer | null = null;
// A rejection nobody handled is logged and the server goes on serving. An uncaught exception leaves Node in an unknown
// state (its documentation says not to resume), so the server closes (the database is closed cleanly, the page loses
// its server and says so) and the process ends with an error; `npm run serve` starts it again.
installLastResortHandlers(
  () => running?.log ?? null,
  () => {
    setTimeout(() => process.exit(1), closeBeforeExitMs).unref();
    const closing = running?.close() ?? Promise.resolve();
    closing.finally(() => process.exit(1)).catch(() => undefined);
  },
);

/** `npm run serve`: browser mode on loopback, against the app data folder (or ECF_DESK_HOME). */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.ECF_DESK_PORT ?? '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number, not "${values.port}"`);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataFolder = resolveAppDataFolder(process.env, process.platform, homedir());
  const server = (running = await startBrowserModeServer({
    dataFolder,
    rendererFolder: path.join(here, '..', 'renderer'),
    isolatedChildPath: path.join(here, '..', 'workers', 'isolated-child.js'),
    version: (JSON.parse(readFileSync(path.join(here, '..', '..', 'package.json'), 'utf8')) as { version: string })
      .version,
    port,
    trainingCourt: createEmbeddedTrainingCourtLauncher(dataFolder),
  }));
  process.stdout.write(`ECF Desk is running in browser mode. Open ${server.url}\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.log(`Browser mode did not close cleanly: ${describeError(error).detail}`, 'error');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`ECF Desk could not start browser mode: ${describeError(error).message}\n`);
  process.exit(1);
});
