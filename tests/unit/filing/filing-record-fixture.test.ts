import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../src-main/core/storage/atomic-file';
import { filingRecord } from '../../../src-main/shared/filing-record';
import { filingRecordFixture, makeFilingRecordFixture } from '../../support/filing-record-fixture';
import { testCliPath } from '../../support/paths';

/**
 * The shipped record (`tests/fixtures/filing-record/`) was exported from a real training-court filing by
 * `makeFilingRecordFixture`. To make it again: `ECF_DESK_UPDATE_FIXTURES=1 npx vitest run --config
 * tests/vitest.config.ts tests/unit/filing/filing-record-fixture.test.ts`.
 */

let scratch = '';
beforeAll(async () => {
  if (process.env['ECF_DESK_UPDATE_FIXTURES']) {
    await mkdir(path.dirname(filingRecordFixture), { recursive: true });
    await writeFileAtomically(filingRecordFixture, await makeFilingRecordFixture());
  }
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-record-fixture-'));
}, 120_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const verify = (file: string) =>
  spawnSync(process.execPath, [testCliPath, 'audit', 'verify', file], { encoding: 'utf8' });

describe('the shipped filing record', () => {
  it('holds under ecf-desk audit verify, and records the filing from draft to the court’s copy', async () => {
    const record = filingRecord.parse(JSON.parse(await readFile(filingRecordFixture, 'utf8')));
    const run = verify(filingRecordFixture);
    expect(run.stdout).toBe(`The record holds: ${record.count} entries, head ${record.headHash}\n`);
    expect(run.status).toBe(0);
    expect(record.caseNumber).toBe('1:26-cv-00123-MMB');
    expect(record.entries.map((entry) => entry.action)).toEqual([
      'draft.created',
      'draft.changed',
      'draft.signed',
      'outbox.queued',
      'outbox.sending',
      'outbox.submitted',
      'filing.filed',
      'court-copy.checked',
    ]);
    const checked = record.entries.find((entry) => entry.action === 'court-copy.checked');
    expect(checked?.detail).toContain("The court's copy of motion.pdf matches what was sent");
    expect(record.entries.every((entry) => entry.osUser === 'paralegal')).toBe(true);
  });

  it('names the entry changed in a copy of it', async () => {
    const text = await readFile(filingRecordFixture, 'utf8');
    const changed = path.join(scratch, 'changed.json');
    await writeFile(changed, text.replace('motion.pdf matches', 'motion.pdf matchez'));
    const record = filingRecord.parse(JSON.parse(text));
    const index = record.entries.findIndex((entry) => entry.action === 'court-copy.checked') + 1;
    const run = verify(changed);
    expect(run.stdout).toBe(`Entry ${index} is broken: its content was changed after it was recorded.\n`);
    expect(run.status).toBe(4);
  });
});
