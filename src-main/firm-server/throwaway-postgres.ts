import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const debianVersions = '/usr/lib/postgresql';
/**
 * What the postmaster writes once it takes connections, read-only ones on a standby (messages are English: the
 * cluster's locale is C).
 */
const readyLine = /database system is ready to accept (read-only )?connections/;

/**
 * A running throwaway PostgreSQL cluster on 127.0.0.1, its data in a temporary folder. The `postgres` superuser logs in
 * without a password from loopback only (trust): the cluster holds nothing and lives as long as one test file or one
 * run of `npm run bench:server`. Never used by the firm server itself, which is given a database by the firm.
 */
export interface ThrowawayPostgres {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The PostgreSQL major version running. */
  readonly version: number;
  /** The address of a database in this cluster (`postgres` is always there). */
  urlOf(database: string): string;
  /** Makes a new, empty database and returns its address, so each test can start from nothing. */
  createDatabase(): Promise<string>;
  /** Stops the server cleanly (fast shutdown: clients are disconnected); the data stays for `start`. */
  shutDown(): Promise<void>;
  /** Ends every process of the server with SIGKILL, as a crash would; the data stays for `start`, which recovers it. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data, after `shutDown` or `kill`. */
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /**
   * Starts a streaming replica of this cluster (`pg_basebackup -R`, then its own server on another loopback port) and
   * waits until it streams. With `synchronous`, this cluster then waits for the replica to have each commit before
   * acknowledging it, as a firm that must lose no acknowledged notice in a failover sets it up.
   */
  startStandby(options: { readonly synchronous: boolean }): Promise<PostgresStandby>;
}

/** A streaming replica: read-only until promoted. */
export interface PostgresStandby extends ThrowawayPostgres {
  /** Makes it a primary that takes writes (`pg_promote`), once it has replayed what it received. */
  promote(): Promise<void>;
}

interface Binaries {
  readonly folder: string;
  readonly version: number;
}

/** How a throwaway cluster runs. */
export interface ThrowawayPostgresOptions {
  /**
   * Whether commits wait for the disk as a real server's do (fsync and full-page writes on). Off by default: a test's
   * cluster lives for one file, and speed matters more there than durability; a benchmark turns it on.
   */
  readonly durable?: boolean;
}

/** Why a throwaway cluster cannot run on this machine, in one plain sentence; null where it can. */
export async function whyPostgresCannotRun(): Promise<string | null> {
  if (process.platform === 'win32') {
    return 'the throwaway cluster runs on Linux and macOS only.';
  }
  if ((await findBinaries()) === null) {
    return 'PostgreSQL is not installed (apt-get install postgresql).';
  }
  if (isRoot() && !(await hasPostgresUser())) {
    return 'running as root needs the postgres user to run PostgreSQL as (apt-get install postgresql makes it).';
  }
  return null;
}

/**
 * Starts a new cluster (`initdb` into a fresh temporary folder, then `postgres` on a free loopback port, its Unix
 * socket inside that folder). As root it runs as the `postgres` user, since PostgreSQL refuses to run as root. Throws,
 * saying why, where it cannot run (`whyPostgresCannotRun`).
 */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const reason = await whyPostgresCannotRun();
  const binaries = await findBinaries();
  if (reason !== null || binaries === null) {
    throw new Error(`A throwaway PostgreSQL cluster cannot start: ${reason ?? 'PostgreSQL is not installed.'}`);
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ecf-desk-postgres-'));
  try {
    return await initialise(folder, binaries, options);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The program and arguments that run `program` as the cluster's owner (the postgres user when running as root). */
function asOwner(program: string, args: readonly string[]): [string, string[]] {
  return isRoot()
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', program, ...args]]
    : [program, [...args]];
}

/** Makes the cluster's folder with its sockets folder, both owned by the user the server runs as. */
async function clusterFolders(folder: string): Promise<{ data: string; sockets: string }> {
  const sockets = path.join(folder, 'sockets');
  await mkdir(sockets);
  if (isRoot()) {
    const { uid, gid } = await postgresIds();
    await chown(folder, uid, gid);
    await chown(sockets, uid, gid);
  }
  return { data: path.join(folder, 'data'), sockets };
}

async function initialise(
  folder: string,
  binaries: Binaries,
  options: ThrowawayPostgresOptions,
): Promise<ThrowawayPostgres> {
  const { data, sockets } = await clusterFolders(folder);
  // No fsync while the cluster is made: it is thrown away if this fails. While it runs, as `options.durable` says.
  await run(
    ...asOwner(path.join(binaries.folder, 'initdb'), [
      '--pgdata',
      data,
      '--username',
      'postgres',
      '--auth',
      'trust',
      '--encoding',
      'UTF8',
      '--locale',
      'C',
      '--no-sync',
      '--no-instructions',
    ]),
  );
  // Trust from loopback and the folder's own socket only (a replica's stream included); nothing else may connect.
  await writeFile(
    path.join(data, 'pg_hba.conf'),
    'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
  );
  return runServer(folder, data, sockets, binaries, options);
}

/** Runs the server on the cluster in `data` on a free loopback port, and returns how to drive it. */
async function runServer(
  folder: string,
  data: string,
  sockets: string,
  binaries: Binaries,
  options: ThrowawayPostgresOptions,
): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const serverArgs = [
    '-D',
    data,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${sockets}`,
    '-c',
    'logging_collector=off',
    ...(options.durable ? [] : ['fsync=off', 'full_page_writes=off']).flatMap((setting) => ['-c', setting]),
  ];
  let server: ChildProcess | null = null;
  let output = '';

  const start = async (): Promise<void> => {
    if (server !== null) {
      throw new Error('The throwaway PostgreSQL cluster is already running.');
    }
    output = '';
    const child = spawn(...asOwner(path.join(binaries.folder, 'postgres'), serverArgs), {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    server = child;
    child.once('exit', () => {
      if (server === child) {
        server = null;
      }
    });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null): void =>
        reject(new Error(`PostgreSQL ended before it was ready (${signal ?? `exit code ${code}`}):\n${output}`));
      child.once('exit', onExit);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (text: string) => {
        output = (output + text).slice(-20_000);
        if (readyLine.test(output)) {
          child.off('exit', onExit);
          resolve();
        }
      });
    });
  };

  /** Sends the signal and waits until the postmaster has ended (it ends its own backends first). */
  const signalAndWait = async (signal: NodeJS.Signals): Promise<void> => {
    const child = server;
    if (child === null) {
      return;
    }
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await ended;
  };

  const kill = async (): Promise<void> => {
    const child = server;
    if (child?.pid === undefined) {
      return;
    }
    // Every child of the postmaster leads a process group of its own, so the postmaster is frozen first (it can start
    // no backend meanwhile), then each child and the postmaster are killed, and waited for: a new postmaster refuses to
    // start while an old backend still holds the old shared memory.
    const postmaster = child.pid;
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(postmaster, 'SIGSTOP');
    const backends = await liveChildrenOf(postmaster);
    for (const pid of backends) {
      process.kill(pid, 'SIGKILL');
    }
    process.kill(postmaster, 'SIGKILL');
    await ended;
    await waitUntilGone(backends);
  };

  const shutDown = (): Promise<void> => signalAndWait('SIGINT');
  const urlOf = (database: string): string => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let databases = 0;

  const startStandby = async ({ synchronous }: { readonly synchronous: boolean }): Promise<PostgresStandby> => {
    const standbyFolder = await mkdtemp(path.join(os.tmpdir(), 'ecf-desk-postgres-standby-'));
    try {
      const standbyDirs = await clusterFolders(standbyFolder);
      await run(
        ...asOwner(path.join(binaries.folder, 'pg_basebackup'), [
          ...['--host', '127.0.0.1', '--port', String(port), '--username', 'postgres'],
          ...['--pgdata', standbyDirs.data, '--wal-method', 'stream', '--write-recovery-conf'],
          ...['--checkpoint', 'fast', '--no-sync'],
        ]),
      );
      const standby = await runServer(standbyFolder, standbyDirs.data, standbyDirs.sockets, binaries, options);
      await withClient(urlOf('postgres'), async (client) => {
        await untilTrue(async () => {
          const { rows } = await client.query<{ streaming: number }>(
            "SELECT count(*)::int AS streaming FROM pg_stat_replication WHERE state = 'streaming'",
          );
          return rows[0]?.streaming === 1;
        });
        if (synchronous) {
          await client.query("ALTER SYSTEM SET synchronous_standby_names = '*'");
          await client.query('SELECT pg_reload_conf()');
          await untilTrue(async () => {
            const { rows } = await client.query<{ sync: number }>(
              "SELECT count(*)::int AS sync FROM pg_stat_replication WHERE sync_state = 'sync'",
            );
            return rows[0]?.sync === 1;
          });
        }
      });
      return {
        ...standby,
        async promote() {
          await withClient(standby.urlOf('postgres'), async (client) => {
            await client.query('SELECT pg_promote(wait => true, wait_seconds => 60)');
          });
        },
      };
    } catch (error) {
      await rm(standbyFolder, { recursive: true, force: true });
      throw error;
    }
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    version: binaries.version,
    urlOf,
    async createDatabase() {
      databases += 1;
      const name = `test_${databases}`;
      const client = new pg.Client({ connectionString: urlOf('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlOf(name);
    },
    shutDown,
    kill,
    start,
    startStandby,
    async stop() {
      try {
        // A cluster killed or shut down by its test has nobody to wait for.
        if (server !== null) {
          await untilClientsLeave(urlOf('postgres'));
          await shutDown();
        }
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Waits (up to about two seconds) for the clients that have said goodbye to be gone: a pool's `end()` resolves before
 * its sockets close, and a shutdown would otherwise send those clients an error nobody listens for any more.
 */
async function untilClientsLeave(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { rows } = await client.query<{ others: number }>(
        "SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      if (rows[0]?.others === 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

/** Runs `work` on a connection of its own to `url`. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Asks `isDone` every 20 ms until it says yes (the caller's test timeout bounds the wait). */
async function untilTrue(isDone: () => Promise<boolean>): Promise<void> {
  while (!(await isDone())) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The newest PostgreSQL Debian installs (`/usr/lib/postgresql/<major>/bin`), else the one on PATH. */
async function findBinaries(): Promise<Binaries | null> {
  const majors = existsSync(debianVersions)
    ? (await readdir(debianVersions)).filter((name) => /^\d+$/.test(name)).map(Number)
    : [];
  for (const major of majors.sort((a, b) => b - a)) {
    const folder = path.join(debianVersions, String(major), 'bin');
    if (existsSync(path.join(folder, 'initdb')) && existsSync(path.join(folder, 'postgres'))) {
      return { folder, version: major };
    }
  }
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    const folder = stdout.trim();
    const { stdout: version } = await run(path.join(folder, 'postgres'), ['--version']);
    return existsSync(path.join(folder, 'initdb'))
      ? { folder, version: Number(/(\d+)/.exec(version)?.[1] ?? 0) }
      : null;
  } catch {
    return null;
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function hasPostgresUser(): Promise<boolean> {
  try {
    await postgresIds();
    return true;
  } catch {
    return false;
  }
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all(
    ['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())),
  );
  return { uid: uid ?? Number.NaN, gid: gid ?? Number.NaN };
}

/** Waits until none of the processes is alive. */
async function waitUntilGone(pids: readonly number[]): Promise<void> {
  const isAny = async (): Promise<boolean> => (await liveProcesses()).some(({ pid }) => pids.includes(pid));
  while (await isAny()) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function liveChildrenOf(parent: number): Promise<number[]> {
  return (await liveProcesses()).filter(({ parentPid }) => parentPid === parent).map(({ pid }) => pid);
}

/**
 * The processes alive now, with their parents (a zombie nobody reaps counts as gone: its memory is released). Linux's
 * /proc needs no tool (Debian's minimal images have no pgrep or ps); elsewhere `ps` answers.
 */
async function liveProcesses(): Promise<{ pid: number; parentPid: number }[]> {
  const table = existsSync('/proc/self/stat')
    ? await procTable()
    : (await run('ps', ['-A', '-o', 'pid=,stat=,ppid='])).stdout;
  return table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, state]) => pid && !state?.startsWith('Z'))
    .map(([pid, , parentPid]) => ({ pid: Number(pid), parentPid: Number(parentPid) }));
}

/** Each process as `pid state ppid`, one a line, from /proc/<pid>/stat (whose name field may hold spaces). */
async function procTable(): Promise<string> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const lines = await Promise.all(
    pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const [state, parentPid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return stat ? `${pid} ${state} ${parentPid}` : '';
    }),
  );
  return lines.join('\n');
}

/** A port the system just handed out on loopback; the service binds it a moment later (good enough for tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
