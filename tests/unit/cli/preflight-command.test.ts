import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCliPath } from '../../support/paths';
import { qpdfEncrypted, withObjectZero } from '../../support/fix-pdfs';
import { buildPdf } from '../../support/preflight-pdfs';
import { makeNotPdf, makePdf } from '../../support/synthetic-pdfs';

let scratch = '';
let cleanPdf = '';
let notPdf = '';

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-cli-'));
  cleanPdf = path.join(scratch, 'Clean brief.pdf');
  notPdf = path.join(scratch, 'Exhibit.pdf');
  await writeFile(cleanPdf, await makePdf(2));
  await writeFile(notPdf, makeNotPdf());
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [testCliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  file: string;
  bytes: number;
  pages: number | null;
  verdict: string;
  findings: { code: string; severity: string; message: string }[];
}

describe('ecf-desk preflight', () => {
  it('passes a plain letter-size PDF with exit code 0', () => {
    const run = runCli('preflight', cleanPdf);
    expect(run.stdout).toContain('Clean brief.pdf');
    expect(run.stdout).toContain('PASS');
    expect(run.code).toBe(0);
  });

  it('prints one JSON report per file, in the order given, and exits with the worst verdict', () => {
    const run = runCli('preflight', '--json', cleanPdf, notPdf);
    const reports = JSON.parse(run.stdout) as JsonReport[];
    expect(reports.map((report) => [path.basename(report.file), report.verdict])).toEqual([
      ['Clean brief.pdf', 'pass'],
      ['Exhibit.pdf', 'block'],
    ]);
    expect(reports[0]?.pages).toBe(2);
    expect(reports[1]?.findings.map((finding) => finding.code)).toContain('not-pdf');
    expect(run.code).toBe(2);
  });

  it('with --firm, properties naming only that firm are information, as in the app; without it, a warning', async () => {
    const byFirm = path.join(scratch, 'Signed by the firm.pdf');
    await writeFile(
      byFirm,
      await buildPdf((document) => {
        document.setTitle('Motion');
        document.setAuthor('Smith & Jones');
      }),
    );
    const [told] = JSON.parse(runCli('preflight', '--json', '--firm', 'Smith & Jones', byFirm).stdout) as JsonReport[];
    expect(told?.verdict).toBe('pass');
    expect(told?.findings).toMatchObject([{ code: 'metadata', severity: 'info' }]);
    const [untold] = JSON.parse(runCli('preflight', '--json', byFirm).stdout) as JsonReport[];
    expect(untold?.verdict).toBe('warn');
  });

  it('blocks a file over the limit given with --limit-mb', () => {
    const run = runCli('preflight', '--json', '--limit-mb', '0.001', cleanPdf);
    const [report] = JSON.parse(run.stdout) as JsonReport[];
    expect(report?.findings.find((finding) => finding.code === 'too-large')?.severity).toBe('block');
    expect(run.code).toBe(2);
  });

  it('exits 3 and says why when a file cannot be read', () => {
    const run = runCli('preflight', path.join(scratch, 'missing.pdf'));
    expect(run.stdout).toContain('could not be read (ENOENT)');
    expect(run.code).toBe(3);
  });

  it('reports a folder or a missing file named among PDFs as it always has, and checks the others', () => {
    const run = runCli('preflight', '--json', scratch, path.join(scratch, 'missing.pdf'), cleanPdf);
    const reports = JSON.parse(run.stdout) as JsonReport[];
    const unreadable = (file: string, code: string) => ({
      file,
      bytes: 0,
      pages: null,
      verdict: 'error',
      error: `The file could not be read (${code}).`,
      findings: [],
    });
    expect(reports.slice(0, 2)).toEqual([
      unreadable(scratch, 'EISDIR'),
      unreadable(path.join(scratch, 'missing.pdf'), 'ENOENT'),
    ]);
    expect(reports[2]).toMatchObject({ verdict: 'pass', pages: 2 });
    expect(run.code).toBe(3);
  });

  // The superuser reads every file, so a file it may not read cannot be made.
  it.skipIf(process.getuid?.() === 0)('says EACCES for a file this user may not read', async () => {
    const locked = path.join(scratch, 'Locked.pdf');
    await writeFile(locked, await makePdf(1));
    await chmod(locked, 0o000);
    const run = runCli('preflight', locked);
    expect(run.stdout).toContain('could not be read (EACCES)');
    expect(run.code).toBe(3);
  });

  it('prints only its own report when a parser talks: a file with an object numbered 0, which pdf-lib announces removing', async () => {
    const withObjectZeroFile = path.join(scratch, 'Object zero.pdf');
    await writeFile(withObjectZeroFile, withObjectZero(qpdfEncrypted(await makePdf(1), '')));
    const run = runCli('preflight', withObjectZeroFile);
    expect(run.stdout).toContain('BLOCK encrypted');
    expect(run.stdout).not.toContain('Removing parsed object');
    expect(run.stderr).toBe('');
  });

  it('explains its usage and exits 3 when called wrongly', () => {
    const run = runCli('inspect', cleanPdf);
    expect(run.stderr).toContain('ecf-desk preflight [--json] [--limit-mb N] [--firm NAME]... FILE...');
    expect(run.code).toBe(3);
  });
});
