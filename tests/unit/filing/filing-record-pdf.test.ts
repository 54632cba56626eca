import Database from 'better-sqlite3';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createFilingJournal } from '../../../src-main/core/filing/filing-journal';
import { filingRecordPdf } from '../../../src-main/core/filing/filing-record-pdf';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';

/** Every page's text, as pdf.js reads it. */
async function pagesOf(bytes: Uint8Array): Promise<{ texts: string[]; info: Record<string, unknown> }> {
  const pdf = await getDocument({ data: Uint8Array.from(bytes), isEvalSupported: false, useWasm: false, verbosity: 0 })
    .promise;
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  const { info } = await pdf.getMetadata();
  return { texts, info: info as Record<string, unknown> };
}

describe('the filing record report (PDF)', () => {
  it('lists every entry with its times, who, documents and hashes over several pages, and no document information', async () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const journal = createFilingJournal({
      database: db,
      clock: { now: () => new Date('2026-12-05T03:30:00Z') },
      osUser: 'paralegal1',
    });
    for (let step = 1; step <= 40; step += 1) {
      journal.append('d1', {
        action: step === 40 ? 'court-copy.checked' : 'draft.changed',
        detail: `Step ${step}: the draft changed — “quoted” 中文.`,
        account: { accountId: 'a1', loginId: 'twalsh', name: 'Thomas Walsh' },
        documents: [{ name: `exhibit-${step}.pdf`, sha256: 'ab'.repeat(32) }],
        courtAnswer: step === 40 ? 'Motion to Stay. Filed by Thomas Walsh.' : null,
      });
    }
    const record = journal.exportRecord('d1', {
      court: 'U.S. Court of International Trade',
      caseNumber: '1:26-cv-00123-MMB',
    });
    db.close();
    const { texts, info } = await pagesOf(await filingRecordPdf(record));
    const all = texts.join('\n');
    expect(texts.length).toBeGreaterThan(2);
    expect(texts[0]).toContain('Filing record');
    expect(all).toContain('Court: U.S. Court of International Trade');
    expect(all).toContain('Case: 1:26-cv-00123-MMB');
    expect(all).toContain('Draft: d1');
    // 03:30 UTC is 10:30 p.m. the evening before in Eastern time (FAQ 27: the court's day ends at midnight Eastern).
    expect(all).toContain('Dec 4, 2026, 10:30:00 PM EST (2026-12-05T03:30:00Z)');
    expect(all).toContain('Who: paralegal1; PACER twalsh (Thomas Walsh)');
    expect(all).toContain('Step 1: the draft changed — “quoted” ??.');
    expect(all).toContain('exhibit-40.pdf');
    expect(all).toContain(`SHA-256 ${'ab'.repeat(32)}`);
    expect(all).toContain("The court's answer: Motion to Stay. Filed by Thomas Walsh.");
    expect(all).toContain(record.headHash);
    expect(all).toContain('ecf-desk audit verify FILE');
    expect(info['Title']).toBeUndefined();
    expect(info['Author']).toBeUndefined();
    expect(info['Producer']).toBeUndefined();
  });
});
