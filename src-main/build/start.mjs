// `npm start`: the desktop app where Electron's binary is installed, browser mode where it is not.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The Electron executable, or null when only the npm package (typings, no binary) is installed. */
function findElectronBinary() {
  const packageFolder = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) {
    return null;
  }
  const binary = path.join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
}

const electron = findElectronBinary();
if (electron) {
  // better-sqlite3 is native: Electron needs it built for its own Node ABI (`npm rebuild better-sqlite3` switches back).
  spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), 'install-app-deps'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The project folder, not the bundle: Electron then reads package.json for the app's name and data folder.
  run(electron, [root]);
} else {
  process.stdout.write(
    'Electron is not installed here (`node node_modules/electron/install.js` fetches it where the internet is reachable); starting browser mode instead.\n',
  );
  run(process.execPath, [path.join(root, 'dist/web/server.js'), ...process.argv.slice(2)]);
}
