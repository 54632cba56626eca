import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCliPath } from '../../support/paths';
import { pdftotext } from '../../support/pdftotext';
import { qpdfCheck } from '../../support/fix-pdfs';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-cli-certificate-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [testCliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const service = {
  court: 'United States Court of International Trade',
  caseNumber: '1:26-cv-00201-JAR',
  caption: 'Harold Brennan v. United States',
  documentTitle: 'Motion for Extension of Time',
  date: '2026-12-05',
  signer: { name: 'Thomas Walsh', firm: 'U.S. Department of Justice', address: 'Washington, DC 20044', email: '' },
  parties: [
    { name: 'Harold Brennan', role: 'Plaintiff', method: 'mail', address: '18 Orchard Lane, Burlington, VT 05401' },
    { name: 'Lumina Solar Components Co.', role: 'Plaintiff-Intervenor', method: 'electronic' },
    { name: 'Pat Importer', role: 'Amicus', method: 'email', address: 'pat@importer.example' },
  ],
};

describe('ecf-desk certificate-of-service', () => {
  it('writes a certificate naming every party and the /s/ signature, and exits 0', async () => {
    const input = path.join(scratch, 'service.json');
    const output = path.join(scratch, 'Certificate of Service.pdf');
    await writeFile(input, JSON.stringify(service));
    const run = runCli('certificate-of-service', input, output);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 parties');
    const bytes = await readFile(output);
    const text = pdftotext(bytes).replace(/\s+/g, ' ');
    for (const party of service.parties) {
      expect(text).toContain(party.name);
    }
    expect(text).toContain('by e-mail to pat@importer.example');
    expect(text).toContain('/s/ Thomas Walsh');
    expect(qpdfCheck(bytes)).toBe(0);
  });

  it('refuses a party served by mail without an address: one line a problem, exit 2, nothing written', async () => {
    const input = path.join(scratch, 'no-address.json');
    const output = path.join(scratch, 'refused.pdf');
    await writeFile(
      input,
      JSON.stringify({
        ...service,
        date: '2026-02-30',
        parties: [{ name: 'Harold Brennan', role: 'Plaintiff', method: 'mail' }],
      }),
    );
    const run = runCli('certificate-of-service', input, output);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'date: The date is not a real day written YYYY-MM-DD (such as 2026-12-05).',
      'parties.0.address: Harold Brennan is served by mail, so give the mailing address it was sent to.',
    ]);
    expect(await readdir(scratch)).not.toContain('refused.pdf');
  });

  it('refuses a file that is not JSON, and one over 1 MB, with exit 2', async () => {
    const broken = path.join(scratch, 'broken.json');
    await writeFile(broken, '{"court": ');
    const notJson = runCli('certificate-of-service', broken, path.join(scratch, 'broken.pdf'));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^.*broken\.json is not JSON: .+\n$/);

    const huge = path.join(scratch, 'huge.json');
    await writeFile(huge, JSON.stringify({ ...service, caption: 'x'.repeat(1_100_000) }));
    const tooBig = runCli('certificate-of-service', huge, path.join(scratch, 'huge.pdf'));
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toContain('is larger than 1 MB');
  });

  it('keeps an earlier certificate whole when the new one is refused', async () => {
    const input = path.join(scratch, 'good.json');
    const output = path.join(scratch, 'kept.pdf');
    await writeFile(input, JSON.stringify(service));
    expect(runCli('certificate-of-service', input, output).code).toBe(0);
    const before = await readFile(output);
    await writeFile(input, JSON.stringify({ ...service, parties: [] }));
    const run = runCli('certificate-of-service', input, output);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('parties: List at least one party served.\n');
    expect((await readFile(output)).equals(before)).toBe(true);
    expect((await readdir(scratch)).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('asks for both files with the usage and exit code 3', () => {
    const run = runCli('certificate-of-service', 'service.json');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('ecf-desk certificate-of-service SERVICE.json OUT.pdf');
  });
});
