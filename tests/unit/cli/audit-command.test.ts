import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilingJournal } from '../../../src-main/core/filing/filing-journal';
import { recordText } from '../../../src-main/core/filing/record-chain';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import type { FilingRecord } from '../../../src-main/shared/filing-record';
import { testCliPath } from '../../support/paths';

let scratch = '';
let record: FilingRecord;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-cli-audit-'));
  const db = new Database(':memory:');
  migrate(db, migrations);
  const journal = createFilingJournal({
    database: db,
    clock: { now: () => new Date('2026-12-05T15:00:00Z') },
    osUser: 'paralegal1',
  });
  for (const action of ['draft.created', 'outbox.queued', 'outbox.submitted', 'filing.filed'] as const) {
    journal.append('d1', { action, detail: `${action} happened.`, account: null, documents: [], courtAnswer: null });
  }
  record = journal.exportRecord('d1', { court: 'U.S. Court of International Trade', caseNumber: '1:26-cv-00123-MMB' });
  db.close();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [testCliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function saved(name: string, content: FilingRecord | string): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, typeof content === 'string' ? content : recordText(content));
  return file;
}

describe('ecf-desk audit', () => {
  it('says the record holds, with its entries and head hash, and exits 0', async () => {
    const run = runCli('audit', 'verify', await saved('record.json', record));
    expect(run.stdout).toBe(`The record holds: 4 entries, head ${record.headHash}\n`);
    expect(run.code).toBe(0);
  });

  it('names the first broken entry and exits 4 (not a usage error)', async () => {
    const changed = structuredClone(record);
    changed.entries[1]!.detail = 'Nothing was queued.';
    const run = runCli('audit', 'verify', await saved('changed.json', changed));
    expect(run.stdout).toBe('Entry 2 is broken: its content was changed after it was recorded.\n');
    expect(run.code).toBe(4);

    const notJson = runCli('audit', 'verify', await saved('not.json', '{"format":'));
    expect(notJson.stdout).toMatch(/^The record is broken: this is not a filing record/);
    expect(notJson.code).toBe(4);
  });

  it('writes the PDF report of a record that holds, and none of a broken one', async () => {
    const output = path.join(scratch, 'report.pdf');
    const run = runCli('audit', 'report', await saved('for-report.json', record), output);
    expect(run.code).toBe(0);
    expect(
      Buffer.from(await readFile(output))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const broken = structuredClone(record);
    broken.entries.pop();
    const refused = path.join(scratch, 'refused.pdf');
    const brokenRun = runCli('audit', 'report', await saved('broken.json', broken), refused);
    expect(brokenRun.code).toBe(4);
    await expect(readFile(refused)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('explains its usage and exits 3 when called wrongly or the file is missing', () => {
    const wrong = runCli('audit', 'check');
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('ecf-desk audit verify FILE.json');
    const missing = runCli('audit', 'verify', path.join(scratch, 'absent.json'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('could not be read');
  });
});
