import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docketEntryCount, seededPassword, startTestCourt } from '../../support/training-court';
import { testCliPath } from '../../support/paths';

// `ecf-desk profile check`: a page map taken through a court's filing screens up to the final text, never through it
// (docs/court-pages.md#checking-a-page-map). The court runs in this process: the command runs beside it, not blocking it.

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;
let scratch = '';
let shippedMap = '';

beforeAll(async () => {
  court = await startTestCourt({ pdfInIframe: false });
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-cli-profile-'));
  shippedMap = await readFile(
    path.join(import.meta.dirname, '../../../src-main/core/court/profiles/cit-training.pages.json'),
    'utf8',
  );
});
afterAll(async () => {
  await court.stop();
  await rm(scratch, { recursive: true, force: true });
});

function runCli(args: string[], password = seededPassword('twalsh')) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [testCliPath, ...args],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ECF_DESK_PASSWORD: password } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

async function mapFile(name: string, change: (map: Record<string, unknown>) => void = () => undefined) {
  const map = JSON.parse(shippedMap) as Record<string, unknown>;
  change(map);
  const file = path.join(scratch, name);
  await writeFile(file, JSON.stringify(map));
  return file;
}

const checkArgs = (file: string) => [
  'profile',
  'check',
  file,
  '--court',
  court.url,
  '--login',
  'twalsh',
  '--case',
  '26-00123',
  '--event',
  'form-11-notice-of-appearance',
  '--party',
  'us-1017',
];

describe('ecf-desk profile check', () => {
  it('takes the shipped map to the final text, prints each screen and the text, and files nothing', async () => {
    const before = await docketEntryCount(court);
    const run = await runCli(checkArgs(await mapFile('shipped.json')));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Screens: categories → events → case → filer → documents → related → docket-text → final-text',
    );
    expect(run.stdout).toContain(
      'Reached the final text, and stopped there (nothing was filed):\n  Form 11 Notice of Appearance. Filed by Thomas Walsh',
    );
    expect(await docketEntryCount(court)).toBe(before);
  });

  it('takes the shipped, experimental CIT map to the final text at the training court, filing nothing', async () => {
    const before = await docketEntryCount(court);
    const cit = path.join(import.meta.dirname, '../../../src-main/core/court/profiles/cit.pages.json');
    expect((JSON.parse(await readFile(cit, 'utf8')) as { description: string }).description).toMatch(
      /^EXPERIMENTAL, not tested against the live court/,
    );
    const run = await runCli(checkArgs(cit));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Reached the final text, and stopped there (nothing was filed)');
    expect(await docketEntryCount(court)).toBe(before);
  });

  it('stops before the final submit with a map whose field name is wrong, saying where', async () => {
    const before = await docketEntryCount(court);
    const wrong = await mapFile('wrong-field.json', (map) => {
      (map['fields'] as Record<string, unknown>)['party'] = 'party_persons';
    });
    const run = await runCli(checkArgs(wrong));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'Stopped before the final submit, nothing filed: After the filer page the court showed the filer page without each of the parties the filing is made for.',
    );
    expect(await docketEntryCount(court)).toBe(before);
  });

  it('stops at a screen the map does not recognise (a rule naming a field the court does not ask)', async () => {
    const wrong = await mapFile('wrong-rule.json', (map) => {
      (map['pages'] as Record<string, unknown>)['documents'] = { fields: ['main_document'] };
    });
    const run = await runCli(checkArgs(wrong));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('After the filer page the court showed a page ECF Desk does not recognise.');
  });

  it('refuses a map that is not one, a missing password, and a court that is not an address, with exit 3', async () => {
    const broken = path.join(scratch, 'broken.json');
    await writeFile(broken, '{"court": "x", "pages": {}}');
    const notMap = await runCli(checkArgs(broken));
    expect(notMap.code).toBe(3);
    expect(notMap.stderr).toMatch(/broken\.json: The page map is not valid: /);
    const noPassword = await runCli(checkArgs(await mapFile('shipped.json')), '');
    expect(noPassword.code).toBe(3);
    expect(noPassword.stderr).toMatch(/Set ECF_DESK_PASSWORD/);
    const args = checkArgs(await mapFile('shipped.json'));
    args[args.indexOf('--court') + 1] = 'file:///etc/passwd';
    const notCourt = await runCli(args);
    expect(notCourt.code).toBe(3);
    expect(notCourt.stderr).toMatch(/--court must be an http\(s\) address/);
  });
});
