import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testIsolatedChildPath } from '../../support/paths';

// Electron's utility process cannot run here (no Electron binary), so `utilityProcess.fork` is played by a Node child
// with the documented shapes on both sides: in the parent, `postMessage`, 'message' with the message itself, 'exit'
// with a code, `stderr`, `kill()`; in the child, `process.parentPort` with `postMessage` and 'message' events carrying
// `{ data }`. The pool then runs the real child script through the desktop app's launcher.

const forks = vi.hoisted(() => ({ calls: [] as { modulePath: string; options: Record<string, unknown> }[], shim: '' }));

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (modulePath: string, args: string[], options: { execArgv: string[]; env: Record<string, string> }) => {
      forks.calls.push({ modulePath, options });
      const child = fork(modulePath, args, {
        execArgv: ['--import', forks.shim, ...options.execArgv],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        env: options.env,
      });
      const utility = Object.assign(new EventEmitter(), {
        pid: child.pid,
        stderr: child.stderr,
        stdout: null,
        postMessage: (message: unknown) => child.send(message as never),
        kill: () => child.kill('SIGTERM'),
      });
      child.on('message', (message) => utility.emit('message', message));
      child.on('exit', (code) => utility.emit('exit', code ?? 15));
      return utility;
    },
  },
}));

const { utilityProcessLauncher } = await import('../../../src-main/shell/adapters/utility-process-launcher');
const { createChildPool } = await import('../../../src-main/core/isolation/child-pool');

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-utility-'));
  forks.shim = path.join(scratch, 'parent-port.mjs');
  await writeFile(
    forks.shim,
    `import { EventEmitter } from 'node:events';
     const port = new EventEmitter();
     port.postMessage = (message) => process.send(message);
     process.on('message', (message) => port.emit('message', { data: message }));
     process.parentPort = port;\n`,
  );
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const limits = { timeoutMs: 20_000, maxMemoryMb: 512 };

describe('the desktop app’s child processes (Electron utility processes)', () => {
  it('run the real jobs through process.parentPort, with the heap limit, a name and none of the app’s environment', async () => {
    vi.stubEnv('ECF_DESK_SECRET_SOUNDING', 'must not reach a child');
    const pool = createChildPool({
      name: 'ECF Desk mail',
      scriptPath: testIsolatedChildPath,
      launcher: utilityProcessLauncher,
      slots: 1,
      heapMb: 512,
      warm: 0,
    });
    try {
      const reading = await pool.run('notice', new Uint8Array([0xff, 0xfe]), { limits });
      expect(reading).toMatchObject({ ok: true, value: { kind: 'read', notice: { kind: 'ignored' } } });
      const call = forks.calls.at(-1);
      expect(call?.modulePath).toBe(testIsolatedChildPath);
      expect(call?.options).toMatchObject({
        execArgv: ['--max-old-space-size=512'],
        serviceName: 'ECF Desk mail',
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      expect(Object.keys(call?.options['env'] as object)).not.toContain('ECF_DESK_SECRET_SOUNDING');
    } finally {
      await pool.close();
      vi.unstubAllEnvs();
    }
  });

  it('report a child that dies with its exit code once its error output is read, and serve the next task', async () => {
    const folder = await mkdtemp(path.join(scratch, 'child-'));
    await copyFile(testIsolatedChildPath, path.join(folder, 'isolated-child.js'));
    await writeFile(
      path.join(folder, 'notices.js'),
      "export default { async run(input) { if (input[0] === 1) { process.stderr.write('going down'); process.exit(5); } return 'ok'; } };\n",
    );
    const pool = createChildPool({
      name: 'test',
      scriptPath: path.join(folder, 'isolated-child.js'),
      launcher: utilityProcessLauncher,
      slots: 1,
      heapMb: 256,
      warm: 0,
    });
    try {
      expect(await pool.run('notice', new Uint8Array([1]), { limits })).toEqual({
        ok: false,
        failure: { kind: 'crashed', reason: 'it stopped with exit code 5' },
      });
      expect(await pool.run('notice', new Uint8Array([2]), { limits })).toEqual({ ok: true, value: 'ok' });
    } finally {
      await pool.close();
    }
  });

  it('stop a hung child with kill() at the time limit', async () => {
    const folder = await mkdtemp(path.join(scratch, 'child-'));
    await copyFile(testIsolatedChildPath, path.join(folder, 'isolated-child.js'));
    await writeFile(path.join(folder, 'notices.js'), 'export default { async run() { for (;;) {} } };\n');
    const pool = createChildPool({
      name: 'test',
      scriptPath: path.join(folder, 'isolated-child.js'),
      launcher: utilityProcessLauncher,
      slots: 1,
      heapMb: 256,
      warm: 0,
    });
    try {
      expect(await pool.run('notice', new Uint8Array(1), { limits: { timeoutMs: 300, maxMemoryMb: 512 } })).toEqual({
        ok: false,
        failure: { kind: 'timeout' },
      });
    } finally {
      await pool.close();
    }
    expect(pool.stats().children).toBe(0);
  });
});
