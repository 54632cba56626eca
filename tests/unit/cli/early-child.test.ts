import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testBuildFolder } from '../../support/paths';
import { makePdf } from '../../support/synthetic-pdfs';

// `ecf-desk preflight`, `clean-copy` and `split` start their child before loading their own code. A command that ends
// without using it must neither wait for it nor leave it running. The CLI runs from a copy of its own, so that the
// processes started from that copy (found by their command line) are this file's alone.

let copy = '';
let pdf = '';
const hasProcessList = existsSync('/proc/self/cmdline');

beforeAll(async () => {
  // Beside the unit build, so the copy finds the project's packages as the original does.
  copy = await mkdtemp(path.join(path.dirname(testBuildFolder), 'early-child-'));
  await cp(path.join(testBuildFolder, 'cli'), path.join(copy, 'cli'), { recursive: true });
  await cp(path.join(testBuildFolder, 'workers'), path.join(copy, 'workers'), { recursive: true });
  pdf = path.join(copy, 'Brief.pdf');
  await writeFile(pdf, await makePdf(1));
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

function runCli(...args: string[]) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(copy, 'cli', 'ecf-desk.js'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/** The process ids of the children started from the copy that are still running. */
async function childrenRunning(): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const found = await Promise.all(
    pids.map(async (pid) => {
      const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      return commandLine.includes(path.join(copy, 'workers', 'isolated-child.js')) ? [Number(pid)] : [];
    }),
  );
  return found.flat();
}

/**
 * Waits until no child started from the copy runs: a kill is sent, not waited for, so a child the command ended may
 * take a moment to go on a busy machine. One the command forgot still runs after the wait (5 s), and the test fails.
 */
async function expectNoChildrenLeft(): Promise<void> {
  await vi.waitFor(async () => expect(await childrenRunning()).toEqual([]), { timeout: 5_000, interval: 50 });
}

describe('the child a command starts early', () => {
  it('checks the file in it, and none is left once the command is done', async () => {
    const run = runCli('preflight', '--json', pdf);
    expect(JSON.parse(run.stdout)).toMatchObject([{ verdict: 'pass', pages: 1 }]);
    expect(run.code).toBe(0);
    if (hasProcessList) {
      await expectNoChildrenLeft();
    }
  });

  it('is ended at once after a usage error', async () => {
    const run = runCli('preflight', '--limit-mb', 'none', pdf);
    expect(run.stderr).toContain('--limit-mb must be a positive number');
    expect(run.code).toBe(3);
    if (hasProcessList) {
      await expectNoChildrenLeft();
    }
  });

  it('does not keep a command that never used it waiting, and is ended with it', async () => {
    const run = runCli('clean-copy', path.join(copy, 'Missing.pdf'), path.join(copy, 'Out.pdf'));
    expect(run.stderr).toContain('The file could not be read');
    expect(run.code).toBe(3);
    expect(run.ms).toBeLessThan(10_000);
    if (hasProcessList) {
      await expectNoChildrenLeft();
    }
  });
});

describe('the command name', () => {
  it('is one of the commands themselves, not a name every object has', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const run = runCli(name);
      expect(run.stderr).toContain(`Unknown command "${name}".`);
      expect(run.code).toBe(3);
    }
  });
});
