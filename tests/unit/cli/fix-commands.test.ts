import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCliPath } from '../../support/paths';
import { makePaddedPdf, qpdfCheck } from '../../support/fix-pdfs';
import { buildPdf, withAttachment, withOpenActionJavaScript } from '../../support/preflight-pdfs';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-cli-fix-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [testCliPath, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ecf-desk clean-copy', () => {
  it('writes a copy without the script and the attachment, says what it left out, and the copy passes preflight', async () => {
    const input = path.join(scratch, 'Motion.pdf');
    const output = path.join(scratch, 'Motion (clean copy).pdf');
    await writeFile(
      input,
      await buildPdf(async (document) => {
        await withOpenActionJavaScript(document);
        await withAttachment(document);
      }),
    );
    const run = runCli('clean-copy', input, output);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Left out:');
    expect(run.stdout).toContain('1 JavaScript action');
    expect(run.stdout).toContain('1 attached file (notes.txt)');
    expect(qpdfCheck(await readFile(output))).toBe(0);
    const check = runCli('preflight', '--json', output);
    const [report] = JSON.parse(check.stdout) as { findings: { code: string }[] }[];
    expect(report?.findings.map((finding) => finding.code)).not.toEqual(expect.arrayContaining(['active-content']));
    expect(report?.findings.map((finding) => finding.code)).not.toEqual(expect.arrayContaining(['embedded-files']));
  });

  it('refuses an unknown annotation choice with the usage and exit code 3', () => {
    const run = runCli('clean-copy', '--drop-annotations', 'some', 'a.pdf', 'b.pdf');
    expect(run.stderr).toContain('--drop-annotations is none, comments or all');
    expect(run.code).toBe(3);
  });
});

describe('ecf-desk split', () => {
  it('cuts a PDF over the limit into named parts under it, at its bookmarks', async () => {
    const input = path.join(scratch, 'Appendix.pdf');
    const folder = path.join(scratch, 'parts');
    await writeFile(input, await makePaddedPdf(30, 40_000, [1, 11, 21]));
    const run = runCli('split', '--limit-mb', '0.5', input, folder);
    expect(run.code).toBe(0);
    const parts = (await readdir(folder)).sort();
    expect(parts).toEqual([
      'Appendix — Part 1 of 3 (pages 1–10).pdf',
      'Appendix — Part 2 of 3 (pages 11–20).pdf',
      'Appendix — Part 3 of 3 (pages 21–30).pdf',
    ]);
    for (const part of parts) {
      const bytes = await readFile(path.join(folder, part));
      expect(bytes.byteLength).toBeLessThan(500_000);
      expect(qpdfCheck(bytes)).toBe(0);
    }
  });
});
