import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { runBounded } from '../../support/bounded-process';
import { testCliPath } from '../../support/paths';
import { buildMessage, districtCaseTable, districtNefBody, districtRecipients } from './synthetic-notices';

/** A CIT-style HTML NEF (synthetic: see synthetic-notices.ts) with the given docket text, in `caseCount` case tables. */
function noticeWith(options: { docketText: string; caseCount?: number }): string {
  const tables = Array.from({ length: options.caseCount ?? 1 }, (_, index) =>
    districtCaseTable({
      caseName: `Acme Steel Corp. v. United States ${index}`,
      caseNumber: `1:26-cv-${String(index).padStart(5, '0')}-MMB`,
      docketUrl: `https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?${index + 17}`,
      filer: 'Acme Steel Corp.',
      documentNumber: '7',
      documentUrl: `https://ecf.cit.uscourts.gov/doc1/0141000007?caseid=${index + 17}&de_seq_num=70&magic_num=4711`,
      docketText: options.docketText,
    }),
  );
  return buildMessage(
    {
      From: 'cmecf_notice@cit.uscourts.gov',
      Subject: 'Activity in Case 1:26-cv-00000-MMB Acme Steel Corp. v. United States Order',
      'Content-Type': ' text/html',
    },
    districtNefBody({
      court: 'United States Court of International Trade',
      transaction:
        'The following transaction was entered  by Doe, Jane  on 3/2/2026 at 4:06 PM EST and filed on 3/2/2026',
      tables,
      recipients: districtRecipients('1:26-cv-00000-MMB', [{ name: 'Jane Doe', emails: ['jdoe@example.com'] }]),
      documents: '',
    }),
  );
}

const cutMark = ' […] (cut: ECF Desk keeps the first 20,000 characters of a docket text; the notice has the rest)';

describe('ecf-desk nef parse has limits', { timeout: 120_000 }, () => {
  let scratch = '';
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'ecf-nef-limits-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  // The old parser spent 2 GB on this; with its heap capped at 512 MB it crashed. Refusing it takes milliseconds.
  it('refuses a notice with a 50 MB docket text at once, saying why, instead of spending gigabytes on it', async () => {
    const file = path.join(scratch, 'huge-docket-text.eml');
    await writeFile(file, noticeWith({ docketText: 'ORDER granting the motion. '.repeat(2_000_000) }));
    const run = await runBounded(testCliPath, ['nef', 'parse', '--json', file], {
      timeoutMs: 60_000,
      maxOldSpaceMb: 512,
    });
    expect(run.isKilledForTime).toBe(false);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        error: 'This file is 51.5 MB; a court notice is a few KB, and ECF Desk reads no email over 25.0 MB.',
      }),
    ]);
  });
});

describe('parseNotice keeps what it reads bounded', () => {
  it('cuts a docket text over 20,000 characters there, and marks it as cut', async () => {
    const docketText = Array.from({ length: 5_000 }, (_, index) => `Exhibit ${index + 1},`).join(' ');
    const notice = await parseNotice(noticeWith({ docketText }));
    const kept = notice.dockets[0]?.docketText ?? '';
    expect(kept).toBe(`${docketText.slice(0, 20_000)}${cutMark}`);
  });

  it('keeps a docket text of exactly 20,000 characters whole', async () => {
    const docketText = `ORDER ${'x'.repeat(19_994)}`;
    expect((await parseNotice(noticeWith({ docketText }))).dockets[0]?.docketText).toBe(docketText);
  });

  it('refuses a notice that lists more than 1,000 cases, every one of which would become an inbox item', async () => {
    await expect(parseNotice(noticeWith({ docketText: 'ORDER', caseCount: 1_001 }))).rejects.toThrow(
      'This notice lists 1,001 cases; ECF Desk reads at most 1,000 from one notice.',
    );
    expect((await parseNotice(noticeWith({ docketText: 'ORDER', caseCount: 1_000 }))).dockets).toHaveLength(1_000);
  });

  it('refuses an email over 25 MB before reading it', async () => {
    const notice = `${noticeWith({ docketText: 'ORDER' })}${' '.repeat(25 * 1024 * 1024)}`;
    await expect(parseNotice(notice)).rejects.toThrow(
      /^This email is 25\.0 MB; a court notice is a few KB, and ECF Desk reads no email over 25\.0 MB\.$/,
    );
  });

  it('refuses a notice whose text is over 2 MB, where a real one is a few KB', async () => {
    const notice = noticeWith({ docketText: `ORDER ${'<span>x</span> '.repeat(150_000)}` });
    await expect(parseNotice(notice)).rejects.toThrow(
      /^The text of this email is 2\.1 MB; a court notice is a few KB, and ECF Desk reads none over 2\.0 MB\.$/,
    );
  });
});
