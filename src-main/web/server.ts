import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveAppDataFolder } from '../core/storage/app-data-folder';
import { createEmbeddedTrainingCourtLauncher } from '../training-court/embedded';
import { startBrowserModeServer } from './browser-mode-server';
import { describeError } from '../shared/describe-error';

/** `npm run serve`: browser mode on loopback, against the app data folder (or ECF_DESK_HOME). */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.ECF_DESK_PORT ?? '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}"`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataFolder = resolveAppDataFolder(process.env, process.platform, homedir());
  const server = await startBrowserModeServer({
    dataFolder,
    rendererFolder: path.join(here, '..', 'renderer'),
    isolatedChildPath: path.join(here, '..', 'workers', 'isolated-child.js'),
    version: (JSON.parse(readFileSync(path.join(here, '..', '..', 'package.json'), 'utf8')) as { version: string })
      .version,
    port,
    trainingCourt: createEmbeddedTrainingCourtLauncher(dataFolder),
  });
  process.stdout.write(`ECF Desk is running in browser mode. Open ${server.url}\n`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`ECF Desk could not start browser mode: ${describeError(error).message}\n`);
  process.exit(1);
});
