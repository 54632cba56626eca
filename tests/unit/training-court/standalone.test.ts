import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBuildFolder } from '../../support/paths';
import { makePdf } from '../../support/synthetic-pdfs';
import { CourtClient, pageKind, startTestCourt } from '../../support/training-court';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

function freshFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ecf-training-court-state-'));
  folders.push(folder);
  return folder;
}

async function docketRows(url: string): Promise<number> {
  const client = new CourtClient(url);
  await client.loginAs('twalsh');
  const html = await (await client.get('/cgi-bin/DktRpt.pl?1017')).text();
  return [...html.matchAll(/<tr class="entry"/g)].length;
}

describe('the training court’s state', () => {
  it('keeps its docket across restarts, and --reset seeds it afresh', async () => {
    const dataFolder = freshFolder();
    const first = await startTestCourt({ dataFolder });
    const filer = new CourtClient(first.url);
    await filer.loginAs('twalsh');
    expect(
      (
        await filer.file({
          caseId: 1017,
          eventId: 'answer',
          partyIds: ['us-1017'],
          main: { name: 'answer.pdf', bytes: await makePdf(1) },
          related: [1],
        })
      ).kind,
    ).toBe('nef-receipt');
    expect(await docketRows(first.url)).toBe(2);
    await first.close();

    const second = await startTestCourt({ dataFolder });
    expect(await docketRows(second.url)).toBe(2);
    await second.close();

    const reset = await startTestCourt({ dataFolder, reset: true });
    expect(await docketRows(reset.url)).toBe(1);
    await reset.close();
  });
});

/** Runs the standalone court as `npm run training-court` does, until it has printed its URL and admin token. */
function runCli(args: string[]): Promise<{ url: string; output: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [path.join(testBuildFolder, 'training-court', 'cli.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /Training court running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url && output.includes('Admin token:')) {
        resolve({
          url,
          output,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`The training court exited (${code}): ${output}`)));
  });
}

describe('npm run training-court', () => {
  it('starts on the given port with the given data folder, prints its URL and admin token, and stops cleanly', async () => {
    const dataFolder = freshFolder();
    const court = await runCli(['--data', dataFolder, '--port', '0', '--admin-token', 'cli-test-token']);
    try {
      expect(court.output).toContain(`Data folder: ${dataFolder}`);
      expect(court.output).toContain('Admin token: cli-test-token');
      const client = new CourtClient(court.url);
      await client.loginAs('twalsh');
      expect(pageKind(await (await client.get('/cgi-bin/DktRpt.pl?1017')).text())).toBe('docket-report');
      const state = await fetch(`${court.url}/admin/state`, {
        headers: { 'x-training-court-admin': 'cli-test-token' },
      });
      expect(state.status).toBe(200);
    } finally {
      expect(await court.stop()).toBe(0);
    }
  });

  it('says what is wrong with a bad option', async () => {
    await expect(runCli(['--port', 'eighty'])).rejects.toThrow(/--port must be a port number/);
  });
});
