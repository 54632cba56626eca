import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { childExecArgv } from '../../../src-main/core/isolation/child-start';
import { createChildPool, type ChildPool } from '../../../src-main/core/isolation/child-pool';
import { nodeChildLauncher } from '../../../src-main/core/isolation/node-child-launcher';
import { prelaunchChild, type PrelaunchedChild } from '../../../src-main/core/isolation/prelaunched-child';
import type { ChildProcessLauncher } from '../../../src-main/core/ports';
import { testIsolatedChildPath } from '../../support/paths';
import { isProcessAlive } from '../../support/bounded-process';

// A child started ahead of its pool, with the real child script and a stand-in preflight job that says when it has
// been loaded (its process id in a file, and a line on the console, which the child sends to the parent as a message).

let scratch = '';
const pools: ChildPool[] = [];
const prelaunched: PrelaunchedChild[] = [];

interface StandIn {
  readonly scriptPath: string;
  /** Resolves with the early child's process id once it has loaded the job's code. */
  readonly loaded: () => Promise<number>;
}

async function standIn(): Promise<StandIn> {
  const folder = await mkdtemp(path.join(scratch, 'child-'));
  const marker = path.join(folder, 'loaded');
  await copyFile(testIsolatedChildPath, path.join(folder, 'isolated-child.js'));
  await writeFile(
    path.join(folder, 'preflight.js'),
    `import { writeFileSync } from 'node:fs';
     console.log('preflight job loaded');
     writeFileSync(${JSON.stringify(marker)}, String(process.pid));
     export default { async run() { return { pid: process.pid }; } };\n`,
  );
  return {
    scriptPath: path.join(folder, 'isolated-child.js'),
    loaded: () =>
      vi.waitFor(
        async () => {
          const text = await readFile(marker, 'utf8').catch(() => '');
          if (!text) {
            throw new Error('the stand-in job was never loaded');
          }
          return Number(text);
        },
        { timeout: 10_000, interval: 25 },
      ),
  };
}

/** Node's fork, counting launches and noting each message as it reaches this process (before any pool listens). */
function countingLauncher(): { launcher: ChildProcessLauncher; launches: () => number; seen: unknown[] } {
  let launches = 0;
  const seen: unknown[] = [];
  return {
    launcher: {
      launch(scriptPath, options) {
        launches += 1;
        const handle = nodeChildLauncher.launch(scriptPath, options);
        handle.onMessage((message) => seen.push(message));
        return handle;
      },
    },
    launches: () => launches,
    seen,
  };
}

/** A stand-in child started ahead of any pool through a counting launcher, once it has loaded its job. */
async function startEarly(): Promise<{
  child: StandIn;
  counting: ReturnType<typeof countingLauncher>;
  early: PrelaunchedChild;
  earlyPid: number;
}> {
  const child = await standIn();
  const counting = countingLauncher();
  const early = prelaunchChild(
    { scriptPath: child.scriptPath, execArgv: childExecArgv(256), name: 'test', preload: ['preflight'] },
    counting.launcher,
  );
  prelaunched.push(early);
  return { child, counting, early, earlyPid: await child.loaded() };
}

/** Waits for the process to end; fails when it still runs after 5 s. */
async function untilEnded(pid: number): Promise<void> {
  await vi.waitFor(() => expect(isProcessAlive(pid)).toBe(false), { timeout: 5_000, interval: 25 });
}

async function untilSeen(seen: readonly unknown[], kind: string): Promise<void> {
  await vi.waitFor(() => expect(seen.some((message) => (message as { kind?: unknown }).kind === kind)).toBe(true), {
    timeout: 10_000,
    interval: 25,
  });
}

function poolOver(scriptPath: string, launcher: ChildProcessLauncher, heapMb: number, log: string[]): ChildPool {
  const pool = createChildPool({
    name: 'test',
    scriptPath,
    launcher,
    slots: 1,
    warm: 0,
    preload: ['preflight'],
    heapMb,
    log: (line) => log.push(line),
  });
  pools.push(pool);
  return pool;
}

const quick = { timeoutMs: 20_000, maxMemoryMb: 512 };
const input = { bytes: new Uint8Array(1), options: {} } as never;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-prelaunch-'));
});
afterAll(async () => {
  prelaunched.forEach((child) => child.dismiss());
  await Promise.all(pools.map((pool) => pool.close()));
  await rm(scratch, { recursive: true, force: true });
});

describe('a child started ahead of its pool', () => {
  it('loads its job at once, and the pool runs its first task in it: one process, nothing it said lost', async () => {
    const { child, counting, early, earlyPid } = await startEarly();
    // The child's `ready` and its console line reached this process before any pool listened.
    await untilSeen(counting.seen, 'log');
    expect(counting.seen[0]).toEqual({ kind: 'ready' });

    const log: string[] = [];
    const pool = poolOver(child.scriptPath, early, 256, log);
    const outcome = await pool.run('preflight', input, { limits: quick });

    expect(outcome).toEqual({ ok: true, value: { pid: earlyPid } });
    expect(counting.launches()).toBe(1);
    expect(log).toContain('test: preflight job loaded');
    await pool.close();
    await untilEnded(earlyPid);
  });

  it('is not handed to a launch with other flags, which starts its own; dismissed, it ends', async () => {
    const { child, counting, early, earlyPid } = await startEarly();

    const outcome = await poolOver(child.scriptPath, early, 128, []).run('preflight', input, { limits: quick });

    expect(counting.launches()).toBe(2);
    expect(outcome).toMatchObject({ ok: true, value: { pid: expect.any(Number) } });
    expect(outcome.ok && (outcome.value as unknown as { pid: number }).pid).not.toBe(earlyPid);
    expect(isProcessAlive(earlyPid)).toBe(true);
    early.dismiss();
    await untilEnded(earlyPid);
  });

  it('is not handed to a launch of another script', async () => {
    const { counting, early, earlyPid } = await startEarly();
    const other = await standIn();

    const outcome = await poolOver(other.scriptPath, early, 256, []).run('preflight', input, { limits: quick });

    expect(counting.launches()).toBe(2);
    expect(outcome).toEqual({ ok: true, value: { pid: await other.loaded() } });
    early.dismiss();
    await untilEnded(earlyPid);
  });

  it('once ended, is not handed over: the pool gets a child of its own', async () => {
    const { child, counting, early, earlyPid } = await startEarly();
    early.dismiss();
    await untilEnded(earlyPid);

    const outcome = await poolOver(child.scriptPath, early, 256, []).run('preflight', input, { limits: quick });

    expect(counting.launches()).toBe(2);
    expect(outcome).toMatchObject({ ok: true, value: { pid: expect.any(Number) } });
    expect(outcome.ok && (outcome.value as unknown as { pid: number }).pid).not.toBe(earlyPid);
  });
});
