import { describe, expect, it } from 'vitest';
import { citDocket, citNotice, freshMeta, openInbox, realNotice } from './store-support';

/** Three CIT entries built in code, received in this order. */
function inboxWithThreeCases() {
  const opened = openInbox();
  const { inbox } = opened;
  const ids = [
    inbox.ingest(citNotice(), freshMeta({ receivedAt: new Date('2026-03-02T21:00:00Z') })).itemIds[0],
    inbox.ingest(
      citNotice({
        dockets: [
          citDocket({
            caseNumber: '1:26-cv-00200-GWC',
            caseName: 'Zhejiang Bearings Ltd. v. United States',
            caseId: '40',
            deSeqNum: '3',
            docketText: 'ORDER: Response due by 4/15/2026. Signed by Judge Gary S. Katzmann.',
            dateFiled: '2026-03-10',
            filer: 'Zhejiang Bearings Ltd.',
          }),
        ],
        recipients: [{ name: 'Maria Ortega', emails: ['mortega@example.com'] }],
      }),
      freshMeta({ receivedAt: new Date('2026-03-10T14:00:00Z') }),
    ).itemIds[0],
    inbox.ingest(
      citNotice({
        court: 'cafc',
        kind: 'nda',
        dockets: [
          citDocket({
            caseNumber: '26-1455',
            caseName: 'Acme Steel Corp. v. United States',
            caseId: '900',
            deSeqNum: '1',
            docketText: 'Docketing statement filed.',
            dateFiled: '2026-03-02',
          }),
        ],
      }),
      freshMeta({ receivedAt: new Date('2026-03-03T09:00:00Z') }),
    ).itemIds[0],
  ];
  return { ...opened, ids: ids.map((id) => id ?? '') };
}

describe('the inbox list', () => {
  it('puts the newest filing first, and among filings of one day the newest received', () => {
    const { inbox, ids } = inboxWithThreeCases();
    const { items, total } = inbox.list({});
    expect(total).toBe(3);
    expect(items.map((item) => item.id)).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('finds by a docket-text word, a caption word, a word prefix, a party name and a case number', () => {
    const { inbox, ids } = inboxWithThreeCases();
    const found = (text: string) => inbox.list({ text }).items.map((item) => item.id);
    expect(found('katzmann')).toEqual([ids[1]]);
    expect(found('Zhejiang')).toEqual([ids[1]]);
    expect(found('bear')).toEqual([ids[1]]);
    expect(found('extens summ')).toEqual([ids[0]]);
    expect(found('Ortega')).toEqual([ids[1]]);
    expect(found('1:26-cv-00123')).toEqual([ids[0]]);
    expect(found('acme')).toEqual([ids[2], ids[0]]);
    expect(found('nothing-like-this')).toEqual([]);
  });

  it('reads search syntax the user types as plain words, and never fails on it', () => {
    const { inbox } = inboxWithThreeCases();
    for (const text of [
      'AND OR NOT "*',
      '"',
      '*',
      'NEAR(acme',
      'case_name:acme',
      '-acme',
      '^acme',
      'acme)',
      "O'Brien",
      '{}[]:;',
      '   ',
    ]) {
      expect(() => inbox.list({ text })).not.toThrow();
    }
    expect(inbox.list({ text: 'AND OR NOT "*' }).total).toBe(0);
    expect(inbox.list({ text: '"*' }).total).toBe(3);
    expect(inbox.list({ text: 'acme)' }).total).toBe(2);
  });

  it('filters by court, case number, filing dates, deadline and unread, and pages with a total', () => {
    const { inbox, ids } = inboxWithThreeCases();
    const found = (query: Parameters<typeof inbox.list>[0]) => inbox.list(query).items.map((item) => item.id);
    expect(found({ court: 'cafc' })).toEqual([ids[2]]);
    expect(found({ caseNumber: '1:26-cv-00200' })).toEqual([ids[1]]);
    expect(found({ caseNumber: '1:26-cv-00%' })).toEqual([]);
    expect(found({ filedFrom: '2026-03-03' })).toEqual([ids[1]]);
    expect(found({ filedTo: '2026-03-02' })).toEqual([ids[2], ids[0]]);
    expect(found({ hasDeadline: true })).toEqual([ids[1]]);
    expect(inbox.markRead(ids[1] ?? '', true)).toBe(true);
    expect(found({ isUnread: true })).toEqual([ids[2], ids[0]]);
    expect(inbox.list({ limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [{ id: ids[2] }] });
    expect(found({ text: 'acme', court: 'cit' })).toEqual([ids[0]]);
  });
});

const realFiles = ['nef/s3/nysd_1.txt', 'nef/s3/ared_7.txt', 'nef/s3/jpml_1.txt', 'nda/cafc_1.txt', 'nda/ca9_8.txt'];
const realNotices = await Promise.all(realFiles.map((file) => realNotice(file)));

describe.skipIf(realNotices.some((notice) => notice === null))('search over real notices', () => {
  it('finds real entries by filer, caption, party and docket number', () => {
    const { inbox } = openInbox();
    for (const real of realNotices) {
      if (real) {
        inbox.ingest(real.notice, freshMeta());
      }
    }
    const cases = (text: string) => inbox.list({ text }).items.map((item) => item.caseNumber);
    expect(cases('Siddiqi')).toEqual(['1:20-cv-08924-CM']);
    expect(cases('Corephotonics')).toEqual(['22-1455']);
    expect(cases('Clearview').sort()).toEqual([
      'MDL No. 2967',
      'NYE/1:21-cv-02960',
      'NYS/1:20-cv-01296',
      'NYS/1:20-cv-03104',
    ]);
    expect(cases('5:18-cv-00222')).toEqual(['5:18-cv-00222-DPM']);
    expect(inbox.list({ court: 'ca9' }).items.map((item) => item.documents.length)).toEqual([
      realNotices[4]?.notice.attachments.length,
    ]);
  });
});
