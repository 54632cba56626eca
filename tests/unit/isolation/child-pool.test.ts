import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChildPool, type ChildPool, type ChildPoolOptions } from '../../../src-main/core/isolation/child-pool';
import { isolatedTaskFiles } from '../../../src-main/core/isolation/isolated-tasks';
import { nodeChildLauncher } from '../../../src-main/core/isolation/node-child-launcher';
import { testIsolatedChildPath } from '../../support/paths';
import { isProcessAlive } from '../../support/bounded-process';

// The pool is tested with the real child script and stand-in jobs: each stand-in is a file beside a copy of the child
// script, under the name of a real job, doing what a hostile file makes a parser do (loop, swallow memory, abort).

let scratch = '';
const pools: ChildPool[] = [];

/** A folder holding the real child script and, under the real jobs' file names, the stand-ins given. */
async function childWith(jobs: Partial<Record<keyof typeof isolatedTaskFiles, string>>): Promise<string> {
  const folder = await mkdtemp(path.join(scratch, 'child-'));
  await copyFile(testIsolatedChildPath, path.join(folder, 'isolated-child.js'));
  for (const [kind, body] of Object.entries(jobs)) {
    await writeFile(
      path.join(folder, isolatedTaskFiles[kind as keyof typeof isolatedTaskFiles]),
      `export default { async run(input, report) { ${body} } };\n`,
    );
  }
  return path.join(folder, 'isolated-child.js');
}

function pool(scriptPath: string, options: Partial<ChildPoolOptions> = {}): ChildPool {
  const created = createChildPool({
    name: 'test',
    scriptPath,
    launcher: nodeChildLauncher,
    slots: 1,
    heapMb: 256,
    warm: 0,
    ...options,
  });
  pools.push(created);
  return created;
}

const quick = { timeoutMs: 20_000, maxMemoryMb: 512 };

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-child-pool-'));
});
afterAll(async () => {
  await Promise.all(pools.map((each) => each.close()));
  await rm(scratch, { recursive: true, force: true });
});

describe('a task in a child process', () => {
  it('answers with its result, and the child serves the next task too', async () => {
    const children = pool(
      await childWith({
        notice: 'return { pid: process.pid, length: input.byteLength, isBytes: input instanceof Uint8Array };',
      }),
    );
    const first = await children.run('notice', new Uint8Array([1, 2, 3]), { limits: quick });
    const second = await children.run('notice', new Uint8Array(10), { limits: quick });
    expect(first).toMatchObject({ ok: true, value: { length: 3, isBytes: true } });
    expect(second).toMatchObject({ ok: true, value: { length: 10 } });
    const pids = [first, second].map((outcome) => (outcome.ok ? (outcome.value as unknown as { pid: number }).pid : 0));
    expect(pids[0]).not.toBe(process.pid);
    expect(pids[1]).toBe(pids[0]);
  });

  it('reports progress on the way', async () => {
    const children = pool(
      await childWith({
        preflight:
          "report({ phase: 'reading', pagesDone: 0, pageCount: 0 }); report({ phase: 'checking', pagesDone: 1, pageCount: 1 }); return 'done';",
      }),
    );
    const progress: unknown[] = [];
    const outcome = await children.run(
      'preflight',
      { bytes: new Uint8Array(1), options: { limitBytes: 1, formsMustBeFlattened: false, firmNames: [] } },
      { limits: quick, onProgress: (each) => progress.push(each) },
    );
    expect(outcome).toEqual({ ok: true, value: 'done' });
    expect(progress[0]).toEqual({ phase: 'reading', pagesDone: 0, pageCount: 0 });
  });

  it('keeps the caller’s bytes: the child gets a copy', async () => {
    const children = pool(await childWith({ notice: 'input.fill(0); return input[0];' }));
    const bytes = new Uint8Array([7, 7, 7]);
    expect(await children.run('notice', bytes, { limits: quick })).toEqual({ ok: true, value: 0 });
    expect([...bytes]).toEqual([7, 7, 7]);
  });

  it('says so in plain words when the job itself throws, logs the error, and the next task gets a fresh child', async () => {
    const logged: [string, string][] = [];
    const children = pool(
      await childWith({
        notice:
          'if (input[0] === 1) throw new Error(\'Trying to parse invalid object: {"line":12,"column":0,"offset":300})\'); return process.pid;',
      }),
      { log: (line, level) => logged.push([line, level]) },
    );
    const failed = await children.run('notice', new Uint8Array([1]), { limits: quick });
    expect(failed).toEqual({
      ok: false,
      failure: { kind: 'crashed', reason: 'it met something in the file it could not handle' },
    });
    expect(logged).toContainEqual([expect.stringContaining('Trying to parse invalid object'), 'warn']);
    expect(await children.run('notice', new Uint8Array([2]), { limits: quick })).toMatchObject({ ok: true });
  });

  it("sends what a library prints to the console to the pool's log, bounded, and nothing to the child's output", async () => {
    const logged: [string, string][] = [];
    let errorOutput = '';
    const children = pool(
      await childWith({
        notice:
          "console.warn('Removing parsed object: 0 0 R'); for (let line = 0; line < 100; line += 1) console.log('Invalid object ref:', line); return 'read';",
      }),
      {
        log: (line, level) => logged.push([line, level]),
        launcher: {
          launch(scriptPath, options) {
            const handle = nodeChildLauncher.launch(scriptPath, options);
            return {
              ...handle,
              onErrorOutput: (listener) =>
                handle.onErrorOutput((text) => {
                  errorOutput += text;
                  listener(text);
                }),
            };
          },
        },
      },
    );
    expect(await children.run('notice', new Uint8Array([1]), { limits: quick })).toEqual({ ok: true, value: 'read' });
    expect(logged[0]).toEqual(['test: Removing parsed object: 0 0 R', 'debug']);
    expect(logged.length).toBeLessThanOrEqual(20);
    expect(logged.at(-1)?.[0]).toContain('left out');
    expect(errorOutput).toBe('');
  });
});

describe('a hostile file costs one task, never the app', () => {
  it('stops a task that hangs its child at the time limit, and the next task is answered', async () => {
    const children = pool(await childWith({ notice: 'if (input[0] === 1) for (;;) {} return "ok";' }));
    const started = Date.now();
    expect(await children.run('notice', new Uint8Array([1]), { limits: { timeoutMs: 500, maxMemoryMb: 512 } })).toEqual(
      { ok: false, failure: { kind: 'timeout' } },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await children.run('notice', new Uint8Array([2]), { limits: quick })).toEqual({ ok: true, value: 'ok' });
  });

  it('stops a child that fills V8’s heap', async () => {
    const children = pool(
      await childWith({ notice: 'const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random()));' }),
      { heapMb: 64 },
    );
    expect(
      await children.run('notice', new Uint8Array(1), { limits: { timeoutMs: 30_000, maxMemoryMb: 4096 } }),
    ).toEqual({ ok: false, failure: { kind: 'out-of-memory' } });
  });

  it('stops a child whose buffers outgrow the task’s memory limit, which V8’s heap limit never counts', async () => {
    // 4 GB of buffers against a 1.5 GB heap limit: only the memory guard can stop this one.
    const children = pool(
      await childWith({
        notice:
          'const keep = []; for (let i = 0; i < 64; i += 1) keep.push(Buffer.alloc(64 * 1048576, 1)); return keep.length;',
      }),
      { heapMb: 1536 },
    );
    expect(
      await children.run('notice', new Uint8Array(1), { limits: { timeoutMs: 30_000, maxMemoryMb: 300 } }),
    ).toEqual({ ok: false, failure: { kind: 'out-of-memory' } });
    expect(children.stats().children).toBe(0);
  });

  it('survives a V8 fatal error in the child (an array grown past its largest size), which would end the app if it ran in a thread', async () => {
    const children = pool(await childWith({ notice: 'const pages = []; for (let i = 0; ; i += 1) pages.push(i);' }), {
      heapMb: 1536,
    });
    const outcome = await children.run('notice', new Uint8Array(1), {
      limits: { timeoutMs: 60_000, maxMemoryMb: 3072 },
    });
    expect(outcome).toEqual({ ok: false, failure: { kind: 'out-of-memory' } });
  }, 90_000);

  it('calls a child that dies mid-task crashed, with how it ended', async () => {
    const children = pool(await childWith({ notice: 'process.exit(3);' }));
    expect(await children.run('notice', new Uint8Array(1), { limits: quick })).toEqual({
      ok: false,
      failure: { kind: 'crashed', reason: 'it stopped with exit code 3' },
    });
  });

  it('answers a task whose child cannot even start, and stops trying to keep one warm', async () => {
    const broken = path.join(await mkdtemp(path.join(scratch, 'broken-')), 'isolated-child.js');
    await writeFile(broken, "throw new Error('broken build');\n");
    const children = pool(broken, { warm: 1 });
    expect(await children.run('notice', new Uint8Array(1), { limits: quick })).toEqual({
      ok: false,
      failure: { kind: 'crashed', reason: 'the process that reads it could not start' },
    });
    await expect.poll(() => children.stats().children, { timeout: 10_000 }).toBe(0);
  });
});

describe('the pool', () => {
  it('runs no more tasks at once than it has slots', async () => {
    const children = pool(
      await childWith({
        notice:
          'const start = Date.now(); await new Promise((resolve) => setTimeout(resolve, 150)); return [start, Date.now()];',
      }),
      { slots: 1 },
    );
    const spans = await Promise.all([1, 2, 3].map(() => children.run('notice', new Uint8Array(1), { limits: quick })));
    const times = spans.map((outcome) => (outcome.ok ? (outcome.value as unknown as [number, number]) : [0, 0]));
    for (let index = 1; index < times.length; index += 1) {
      expect(times[index]?.[0] ?? 0).toBeGreaterThanOrEqual(times[index - 1]?.[1] ?? Infinity);
    }
  });

  it('replaces a child that grew large, so one big file’s leftovers go with it', async () => {
    const children = pool(
      await childWith({
        notice: 'if (input[0] === 1) globalThis.kept = Buffer.alloc(200 * 1048576, 1); return process.pid;',
      }),
      { recycleAboveMb: 150 },
    );
    const big = await children.run('notice', new Uint8Array([1]), { limits: quick });
    const next = await children.run('notice', new Uint8Array([2]), { limits: quick });
    expect(big.ok && next.ok && big.value !== next.value).toBe(true);
  });

  it('with no child kept warm, does not start one to replace a child that ended after its task', async () => {
    const children = pool(
      await childWith({ notice: 'globalThis.kept = Buffer.alloc(200 * 1048576, 1); return process.pid;' }),
      { recycleAboveMb: 150, warm: 0 },
    );
    expect((await children.run('notice', new Uint8Array([1]), { limits: quick })).ok).toBe(true);
    // With a child kept warm the count never reaches 0: the replacement starts before the large child has ended.
    await expect.poll(() => children.stats().children, { timeout: 10_000 }).toBe(0);
  });

  it('cancels a running task at once, and a waiting one before it starts', async () => {
    const children = pool(await childWith({ notice: 'for (;;) {}' }), { slots: 1 });
    const cancel = new AbortController();
    const running = children.run('notice', new Uint8Array(1), { limits: quick, signal: cancel.signal });
    const waiting = children.run('notice', new Uint8Array(1), { limits: quick, signal: cancel.signal });
    setTimeout(() => cancel.abort(), 300);
    expect(await running).toEqual({ ok: false, failure: { kind: 'cancelled' } });
    expect(await waiting).toEqual({ ok: false, failure: { kind: 'cancelled' } });
  });

  it('keeps a warm child started before the first task', async () => {
    const children = pool(await childWith({ notice: 'return process.pid;' }), { warm: 1 });
    await expect.poll(() => children.stats().idle, { timeout: 10_000 }).toBe(1);
  });

  it('closes only once every child has ended, answering the tasks in flight as cancelled', async () => {
    const children = createChildPool({
      name: 'test',
      scriptPath: await childWith({ notice: 'if (input[0] === 1) return process.pid; for (;;) {}' }),
      launcher: nodeChildLauncher,
      slots: 2,
      heapMb: 256,
      warm: 1,
    });
    const first = await children.run('notice', new Uint8Array([1]), { limits: quick });
    const pid = first.ok ? (first.value as unknown as number) : 0;
    const inFlight = children.run('notice', new Uint8Array([2]), { limits: quick });
    await children.close();
    expect(await inFlight).toEqual({ ok: false, failure: { kind: 'cancelled' } });
    expect(isProcessAlive(pid)).toBe(false);
    expect(children.stats().children).toBe(0);
    expect(await children.run('notice', new Uint8Array([1]), { limits: quick })).toEqual({
      ok: false,
      failure: { kind: 'cancelled' },
    });
  });
});
