import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDeadlines } from '../../../src-main/core/inbox/deadlines';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { sharedFixture } from '../../support/paths';

const casb = sharedFixture('nef/tests/examples/pacer/nef/s3/casb_1.txt');
const cafc = sharedFixture('nef/tests/examples/pacer/nda/cafc_1.txt');
const citDocket = sharedFixture('nef/tests/examples/pacer/dockets/special/cit.html');

async function docketText(file: string): Promise<string> {
  return (await parseNotice(readFileSync(file))).dockets[0]?.docketText ?? '';
}

describe('deadlines in real docket texts', () => {
  it.skipIf(!casb)(
    'a bankruptcy meeting notice sets the financial-management course and the objections to discharge (casb_1)',
    async () => {
      expect(findDeadlines(await docketText(casb ?? ''))).toEqual([
        { date: '2025-03-31', label: 'Financial Management Course due' },
        { date: '2025-03-31', label: 'Objections for Discharge due' },
      ]);
    },
  );

  it.skipIf(!cafc)('a Federal Circuit text-only order sets the response brief (cafc_1)', async () => {
    expect(findDeadlines(await docketText(cafc ?? ''))).toEqual([{ date: '2022-10-28', label: 'Response brief due' }]);
  });

  it.skipIf(!citDocket)('CIT docket entries set responses and an answer (dockets/special/cit.html)', () => {
    const html = readFileSync(citDocket ?? '', 'utf8');
    const entries = [
      'Motion to stay. Responses due by 12/3/2008.',
      'Complaint against all defendants. Answer due by 1/20/2009.',
    ];
    for (const entry of entries) {
      expect(html).toContain(entry);
    }
    expect(entries.flatMap(findDeadlines)).toEqual([
      { date: '2008-12-03', label: 'Responses due' },
      { date: '2009-01-20', label: 'Answer due' },
    ]);
  });
});

describe('deadlines in docket texts written for these tests', () => {
  it('keeps a rule number and a time of day inside the label: only a full stop that ends a sentence ends it', () => {
    expect(findDeadlines("ORDER. Plaintiff's Rule 56.2 motion due by 1/15/2027.")).toEqual([
      { date: '2027-01-15', label: "Plaintiff's Rule 56.2 motion due" },
    ]);
    expect(findDeadlines('Hearing at 10:00 a.m. Joint status report due by 2/1/2027.')).toEqual([
      { date: '2027-02-01', label: 'Joint status report due' },
    ]);
  });

  it('reads "due by", "due" and a parenthesised "due by" with the words before it as the label', () => {
    expect(findDeadlines('ORDER: Response due by 12/15/2026. Reply due by 3/3/2027.')).toEqual([
      { date: '2026-12-15', label: 'Response due' },
      { date: '2027-03-03', label: 'Reply due' },
    ]);
    expect(findDeadlines('SUMMONS Issued as to United States. Answer due 1/20/2009')).toEqual([
      { date: '2009-01-20', label: 'Answer due' },
    ]);
    expect(findDeadlines('MOTION to Dismiss (Responses due by 5/23/2026)')).toEqual([
      { date: '2026-05-23', label: 'Responses due' },
    ]);
  });

  it('reads each step of a briefing schedule', () => {
    expect(
      findDeadlines(
        'SCHEDULING ORDER. Briefing schedule: Opening brief due 4/1/2026; Response brief due 5/1/2026 and Reply due by 5/15/2026.',
      ),
    ).toEqual([
      { date: '2026-04-01', label: 'Opening brief due' },
      { date: '2026-05-01', label: 'Response brief due' },
      { date: '2026-05-15', label: 'Reply due' },
    ]);
  });

  it('reads "Deadline …" with the words that name it', () => {
    expect(findDeadlines('ORDER. Deadline for objections 4/5/2026. Discovery Deadline set for 6/30/2026.')).toEqual([
      { date: '2026-04-05', label: 'Deadline for objections' },
      { date: '2026-06-30', label: 'Discovery Deadline' },
    ]);
  });

  it('reads a written-out date and "due on or before"', () => {
    expect(findDeadlines('Joint status report due on or before December 15, 2026.')).toEqual([
      { date: '2026-12-15', label: 'Joint status report due' },
    ]);
  });

  it('leaves out a date that does not exist and a text with no deadline', () => {
    expect(findDeadlines('Response due by 2/30/2026')).toEqual([]);
    expect(findDeadlines('NOTICE of Attorney Appearance by Chris R Miltenberger. Filed 8/16/2021.')).toEqual([]);
    expect(findDeadlines('')).toEqual([]);
  });

  it('names a bare "due by" plainly', () => {
    expect(findDeadlines('(due by 7/1/2026)')).toEqual([{ date: '2026-07-01', label: 'Due' }]);
  });

  it('labels each of a thousand dates in one long docket text from its own clause, and the six words before a date no clause break precedes', () => {
    const dates = Array.from({ length: 1_000 }, (_, index) => new Date(Date.UTC(2026, 0, 1 + index)));
    const written = (date: Date): string => `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
    const text = dates.map((date, index) => `Brief ${index} due by ${written(date)}`).join(' and ');
    expect(findDeadlines(text)).toEqual(
      dates.map((date, index) => ({ date: date.toISOString().slice(0, 10), label: `Brief ${index} due` })),
    );
    const unbroken = `${'Response '.repeat(2_000)}due December 15 2026 due December 16 2026`;
    expect(findDeadlines(unbroken)).toEqual([
      { date: '2026-12-15', label: 'Response Response Response Response Response Response due' },
      { date: '2026-12-16', label: 'Response Response due December 15 2026 due' },
    ]);
  });
});
