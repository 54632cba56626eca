import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeError } from '../../src-main/shared/describe-error';

const run = promisify(execFile);

/** A private D-Bus session (and, from startSecretService, an unlocked gnome-keyring on it). */
export interface TestSession {
  /** What a process needs to use this session: DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME, XDG_RUNTIME_DIR (and GNOME_KEYRING_CONTROL). */
  readonly env: Readonly<Record<string, string>>;
  /** Stops every process started for the session and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway Secret Service, as /work/shared/recipes/with-keyring.sh does from a shell: a private D-Bus
 * session in a fresh 0700 folder and `gnome-keyring-daemon --foreground --unlock --components=secrets` on it,
 * a child this harness keeps hold of (a `--daemonize`d keyring prints no pid, and `pkill` would hit other tests').
 * The bus activates nothing, so the only Secret Service on it is this one. Resolves once the keyring's login
 * collection answers. Returns null after one plain line where dbus-daemon or gnome-keyring is missing, unless
 * ECF_DESK_REQUIRE_TEST_SERVICES=1 (CI), where that is a broken setup and throws.
 */
export async function startSecretService(): Promise<TestSession | null> {
  // secret-tool is not used here, but tests cross-check the keychain with it.
  if (!canStart('Secret Service tests', ['dbus-daemon', 'dbus-send', 'gnome-keyring-daemon', 'secret-tool'])) {
    return null;
  }
  const bus = await startBus();
  try {
    const keyring = spawn(
      'gnome-keyring-daemon',
      ['--foreground', '--unlock', '--components=secrets', `--control-directory=${bus.controlFolder}`],
      {
        env: { ...bus.baseEnv, ...bus.env },
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    bus.children.unshift(keyring);
    const keyringErrors = collect(keyring);
    // --unlock reads the login keyring's password from stdin; a new keyring is created with it.
    keyring.stdin?.end('ecf-desk-test-keyring');
    await waitForLoginCollection(bus.env, keyring, keyringErrors);
    return { env: { ...bus.env, GNOME_KEYRING_CONTROL: bus.controlFolder }, stop: bus.stop };
  } catch (error) {
    await bus.stop();
    throw error;
  }
}

/**
 * Starts a private D-Bus session with no Secret Service on it and nothing to activate one: what a Linux
 * desktop without GNOME Keyring or KWallet looks like to the app. Null (or a throw in CI) as startSecretService.
 */
export async function startBusWithoutSecretService(): Promise<TestSession | null> {
  if (!canStart('Secret Service tests', ['dbus-daemon'])) {
    return null;
  }
  const bus = await startBus();
  return { env: bus.env, stop: bus.stop };
}

/**
 * Puts the session's variables into this process's environment, where the native keyring reads
 * DBUS_SESSION_BUS_ADDRESS when it connects; call it before the first keyring call. Returns the undo.
 */
export function applyToProcessEnv(env: Readonly<Record<string, string>>): () => void {
  const before = new Map(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of before) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  };
}

interface Bus {
  readonly env: Record<string, string>;
  readonly baseEnv: NodeJS.ProcessEnv;
  readonly controlFolder: string;
  /** Stopped first to last: the keyring goes before its bus. */
  readonly children: ChildProcess[];
  stop(): Promise<void>;
}

async function startBus(): Promise<Bus> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ecf-desk-keyring-'));
  await chmod(folder, 0o700);
  const dataFolder = path.join(folder, 'data');
  const runtimeFolder = path.join(folder, 'run');
  await mkdir(dataFolder, { mode: 0o700 });
  await mkdir(runtimeFolder, { mode: 0o700 });
  const configFile = path.join(folder, 'session-bus.conf');
  await writeFile(configFile, busConfig(runtimeFolder));

  // No display: nothing may pop up a prompt, and no X11 autolaunch of another bus.
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: dataFolder, XDG_RUNTIME_DIR: runtimeFolder };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS']) {
    delete baseEnv[name];
  }
  const children: ChildProcess[] = [];
  const killAll = (): void => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  };
  // A test process that dies without stop() must not leave daemons behind.
  process.once('exit', killAll);
  let isStopped = false;
  const stop = async (): Promise<void> => {
    if (isStopped) {
      return;
    }
    isStopped = true;
    process.off('exit', killAll);
    for (const child of children) {
      await stopChild(child);
    }
    await rm(folder, { recursive: true, force: true });
  };

  try {
    const daemon = spawn('dbus-daemon', [`--config-file=${configFile}`, '--nofork', '--print-address=1'], {
      env: baseEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(daemon);
    const address = await firstLine(daemon, 10_000);
    return {
      env: { DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: dataFolder, XDG_RUNTIME_DIR: runtimeFolder },
      baseEnv,
      controlFolder: path.join(runtimeFolder, 'keyring'),
      children,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A session bus as Debian's session.conf sets it up, minus service activation: with the standard config,
 * asking for org.freedesktop.secrets would start a second, uncontrolled gnome-keyring.
 */
function busConfig(runtimeFolder: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${runtimeFolder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/** Polls until the keyring owns org.freedesktop.secrets and its "default" alias names the unlocked login collection. */
async function waitForLoginCollection(
  env: Record<string, string>,
  keyring: ChildProcess,
  errors: () => string,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  let lastProblem = '';
  while (Date.now() < deadline) {
    if (keyring.exitCode !== null || keyring.signalCode !== null) {
      throw new Error(`gnome-keyring-daemon exited before it was ready: ${errors() || 'no message'}`);
    }
    try {
      const { stdout } = await run(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--dest=org.freedesktop.secrets',
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.ReadAlias',
          'string:default',
        ],
        {
          env: { ...process.env, ...env },
          timeout: 5_000,
        },
      );
      if (/object path "\/org\/freedesktop\/secrets\/collection\/\w+"/.test(stdout)) {
        return;
      }
      lastProblem = stdout.trim();
    } catch (error) {
      lastProblem = describeError(error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gnome-keyring did not offer a login collection within 15 s: ${lastProblem} ${errors()}`.trim());
}

function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  const errors = collect(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`dbus-daemon printed no address within ${timeoutMs} ms: ${errors()}`)),
      timeoutMs,
    );
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const end = output.indexOf('\n');
      if (end === -1) {
        return;
      }
      clearTimeout(timer);
      resolve(output.slice(0, end).trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dbus-daemon exited (code ${String(code)}) before printing its address: ${errors()}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Gathers a child's stderr, for error messages. */
function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-2_000);
  });
  return () => text.trim();
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Whether the tools are on PATH; prints the one-line notice (or throws in CI) when not. */
function canStart(what: string, tools: readonly string[]): boolean {
  const missing = tools.filter((tool) => !isOnPath(tool));
  if (missing.length === 0) {
    return true;
  }
  const reason = `${missing.join(', ')} not found (Debian: apt-get install dbus gnome-keyring libsecret-tools)`;
  // CI installs them: there a missing tool is a broken setup, not a reason to skip.
  if (process.env['ECF_DESK_REQUIRE_TEST_SERVICES'] === '1') {
    throw new Error(`The Secret Service is required here but cannot start: ${reason}`);
  }
  process.stdout.write(`${what} skipped: ${reason}\n`);
  return false;
}

function isOnPath(tool: string): boolean {
  return (process.env['PATH'] ?? '').split(path.delimiter).some((folder) => {
    const candidate = path.join(folder, tool);
    if (!existsSync(candidate)) {
      return false;
    }
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
