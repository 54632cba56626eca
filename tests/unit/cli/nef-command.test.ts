import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixture, testCliPath } from '../../support/paths';
import { citNotice } from '../inbox/sources/cit-notice';
import { buildOutlookMsg } from '../inbox/sources/outlook-msg';
import { buildMessage } from '../inbox/synthetic-notices';

let scratch = '';
let citEml = '';
let citMsg = '';
let lunchEml = '';

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-nef-cli-'));
  citEml = path.join(scratch, 'Activity in Case 1-26-cv-00123.eml');
  citMsg = path.join(scratch, 'Entry 6.msg');
  lunchEml = path.join(scratch, 'Lunch.eml');
  await writeFile(citEml, citNotice(5));
  const raw = citNotice(6);
  const split = raw.indexOf('\r\n\r\n');
  await writeFile(
    citMsg,
    buildOutlookMsg({ subject: 'from the headers', transportHeaders: raw.slice(0, split), html: raw.slice(split + 4) }),
  );
  await writeFile(
    lunchEml,
    buildMessage(
      { From: 'colleague@example.com', Subject: 'Lunch?', 'Content-Type': 'text/plain' },
      'Are you free at noon?',
    ),
  );
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [testCliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonNotice {
  file: string;
  kind: string;
  reason?: string;
  error?: string;
  court: string | null;
  subject: string | null;
  dockets: Record<string, string | null>[];
  attachments: { number: string; description: string }[];
  recipients: { name: string; emails: string[] }[];
}

describe('ecf-desk nef parse', () => {
  it('prints one JSON object per file in the order given, .msg included, and exits 1 when one was set aside', () => {
    const run = runCli('nef', 'parse', '--json', citEml, citMsg, lunchEml);
    const notices = JSON.parse(run.stdout) as JsonNotice[];
    expect(notices.map((notice) => [path.basename(notice.file), notice.kind, notice.reason ?? null])).toEqual([
      ['Activity in Case 1-26-cv-00123.eml', 'nef', null],
      ['Entry 6.msg', 'nef', null],
      ['Lunch.eml', 'ignored', 'not-a-notice'],
    ]);
    expect(notices[0]).toMatchObject({
      court: 'cit',
      subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion for Extension of Time',
    });
    expect(notices[0]?.dockets).toEqual([
      {
        caseNumber: '1:26-cv-00123-MMB',
        caseName: 'Acme Steel Corp. v. United States',
        caseId: '17',
        documentNumber: '5',
        docketText: 'MOTION FOR EXTENSION OF TIME (Doe, Jane)',
        shortDescription: 'Motion for Extension of Time',
        dateFiled: '2026-03-02',
        deSeqNum: '50',
        docId: '0141000005',
        magicNum: '4711',
        documentUrl: 'https://ecf.cit.uscourts.gov/doc1/0141000005?caseid=17&de_seq_num=50&magic_num=4711',
      },
    ]);
    expect(notices[0]?.attachments.map((attachment) => attachment.description)).toEqual(['Main Document']);
    expect(notices[0]?.recipients).toEqual([{ name: 'Jane Doe', emails: ['jdoe@example.com'] }]);
    expect(notices[1]?.dockets[0]?.documentNumber).toBe('6');
    expect(run.code).toBe(1);
  });

  it('summarises each notice for a person and exits 0 when every file is a notice', () => {
    const run = runCli('nef', 'parse', citEml);
    expect(run.stdout).toContain('Activity in Case 1-26-cv-00123.eml: NEF from cit');
    expect(run.stdout).toContain('1:26-cv-00123-MMB Acme Steel Corp. v. United States: entry 5, filed 2026-03-02');
    expect(run.stdout).toContain('1 document, 1 recipient by email');
    expect(run.code).toBe(0);
  });

  it('exits 3 and says why when a file cannot be read, still reporting the others', () => {
    const run = runCli(
      'nef',
      'parse',
      '--json',
      citEml,
      path.join(scratch, 'missing.eml'),
      path.join(scratch, 'Brief.msg'),
    );
    const notices = JSON.parse(run.stdout) as JsonNotice[];
    expect(notices.map((notice) => notice.kind)).toEqual(['nef', 'unreadable', 'unreadable']);
    expect(notices[1]).toMatchObject({
      error: 'The file could not be read (ENOENT).',
      court: null,
      subject: null,
      dockets: [],
    });
    expect(run.code).toBe(3);
  });

  it('refuses a file named .msg that is no Outlook message, in words a person can act on', async () => {
    const fake = path.join(scratch, 'Forwarded.msg');
    await writeFile(fake, 'not a compound file');
    const run = runCli('nef', 'parse', fake);
    expect(run.stdout).toContain('Forwarded.msg: This .msg file is not an Outlook message');
    expect(run.code).toBe(3);
  });

  it('explains its usage and exits 3 when called wrongly', () => {
    for (const args of [['nef'], ['nef', 'parse'], ['nef', 'read', citEml], ['nef', 'parse', '--xml', citEml]]) {
      const run = runCli(...args);
      expect(run.stderr).toContain('ecf-desk nef parse [--json] FILE...');
      expect(run.code).toBe(3);
    }
  });

  it('is listed in the help', () => {
    const run = runCli('--help');
    expect(run.stdout).toContain('ecf-desk nef parse [--json] FILE...');
    expect(run.code).toBe(0);
  });

  const nysd = sharedFixture('nef/tests/examples/pacer/nef/s3/nysd_1.txt');
  const modifiedEntry = sharedFixture('nef/tests/examples/pacer/nef/s3/pawb_1.txt');
  it.skipIf(nysd === null || modifiedEntry === null)(
    'reads real notices saved as raw messages (.txt), setting aside an edit of an entry',
    () => {
      const run = runCli('nef', 'parse', '--json', nysd!, modifiedEntry!);
      const notices = JSON.parse(run.stdout) as JsonNotice[];
      expect(notices.map((notice) => [notice.kind, notice.court, notice.reason ?? null])).toEqual([
        ['nef', 'nysd', null],
        ['ignored', 'pawb', 'modified-entry'],
      ]);
      expect(notices[0]?.dockets[0]?.documentNumber).toMatch(/^\d+$/);
      expect(run.code).toBe(1);
    },
  );
});
