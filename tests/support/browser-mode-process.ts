import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './paths';

/** A browser-mode server started the way a user starts it: the built app, as its own process. */
export interface BrowserModeProcess {
  readonly url: string;
  /** The server's process id (its child processes, which read untrusted files, have it as their parent). */
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts `dist/web/server.js` against a data folder and waits for the address it prints; `env` adds variables (a test keyring's bus). */
export function startBrowserModeProcess(
  dataFolder: string,
  env: Readonly<Record<string, string>> = {},
): Promise<BrowserModeProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'dist/web/server.js'), '--port', '0'], {
    cwd: projectRoot,
    env: { ...process.env, ...env, ECF_DESK_HOME: dataFolder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) {
        return resolve();
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let printed = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${printed}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(printed);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], pid: child.pid ?? 0, stop });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}: ${printed}`));
    });
  });
}

/** Calls one of the app's channels as the renderer does (`POST /api/<channel>`, token from the address's fragment). */
export async function invokeChannel<T>(appUrl: string, channel: string, args: unknown = {}): Promise<T> {
  const url = new URL(appUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ecf-token': token },
    body: JSON.stringify(args),
  });
  return ((await response.json()) as { ok: boolean; value: T }).value;
}
