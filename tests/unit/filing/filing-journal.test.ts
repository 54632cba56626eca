import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilingJournal, type FilingJournal } from '../../../src-main/core/filing/filing-journal';
import { canonicalJson, recordText, verifyRecord, verifyRecordText } from '../../../src-main/core/filing/record-chain';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import type { FilingRecord, RecordFacts } from '../../../src-main/shared/filing-record';
import { seededRandom } from '../../support/seeded-random';

const sha = (digit: string): string => digit.repeat(64);
const account = { accountId: 'a1', loginId: 'twalsh', name: 'Thomas Walsh' };
const facts = (action: RecordFacts['action'], detail: string, extra: Partial<RecordFacts> = {}): RecordFacts => ({
  action,
  detail,
  account: null,
  documents: [],
  courtAnswer: null,
  ...extra,
});

let db: Database.Database;
let journal: FilingJournal;
let tick = 0;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, migrations);
  tick = 0;
  journal = createFilingJournal({
    database: db,
    clock: { now: () => new Date(Date.UTC(2026, 11, 5, 15, 0, tick++)) },
    osUser: 'paralegal1',
  });
});
afterEach(() => db.close());

/** A filing's life as the record keeps it: created, queued, submitted, filed, checked against the court's copy. */
function recordAFiling(draftId = 'd1'): FilingRecord {
  journal.append(draftId, facts('draft.created', 'Draft created.'));
  journal.append(draftId, facts('outbox.queued', 'Put in the outbox.', { account }));
  journal.append(
    draftId,
    facts('outbox.submitted', 'The court accepted the filing as entry 1.', {
      account,
      documents: [
        { name: 'motion.pdf', sha256: sha('a') },
        { name: 'order.pdf', sha256: sha('b') },
      ],
      courtAnswer: 'Motion to Stay. Filed by Thomas Walsh — “quoted” text.',
    }),
  );
  journal.append(draftId, facts('filing.filed', 'The Notice of Electronic Filing arrived.'));
  journal.append(
    draftId,
    facts('court-copy.checked', 'The court’s copy of motion.pdf matches what was sent.', {
      documents: [{ name: 'motion.pdf', sha256: sha('a') }],
    }),
  );
  return journal.exportRecord(draftId, { court: 'U.S. Court of International Trade', caseNumber: '1:26-cv-00123' });
}

describe('the filing record', () => {
  it('chains each filing on its own, numbered from 1, the first following 64 zeros', () => {
    const record = recordAFiling();
    journal.append('d2', facts('draft.created', 'Another draft.'));
    expect(record.entries.map((entry) => entry.index)).toEqual([1, 2, 3, 4, 5]);
    expect(record.entries[0]?.previousHash).toBe(sha('0'));
    expect(record.entries[1]?.previousHash).toBe(record.entries[0]?.hash);
    expect(record.entries[0]).toMatchObject({ osUser: 'paralegal1', draftId: 'd1', at: '2026-12-05T15:00:00.000Z' });
    expect(journal.entries('d2').map((entry) => [entry.index, entry.previousHash])).toEqual([[1, sha('0')]]);
    expect(record).toMatchObject({ count: 5, headHash: record.entries[4]?.hash });
    expect(verifyRecord(record)).toEqual({ ok: true, count: 5, headHash: record.headHash });
    expect(journal.verifyStored('d1')).toMatchObject({ ok: true, count: 5 });
  });

  it('writes canonical JSON: keys sorted, no spaces', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x y', c: null }], e: undefined })).toBe(
      '{"a":[{"c":null,"d":"x y"}],"b":1}',
    );
  });

  it('refuses facts past their bounds and an update or delete of what was recorded', () => {
    expect(() => journal.append('d1', facts('draft.created', 'x'.repeat(8_001)))).toThrow();
    journal.append('d1', facts('draft.created', 'Draft created.'));
    expect(() => db.prepare('UPDATE filing_journal SET entry = entry').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM filing_journal').run()).toThrow(/append-only/);
  });

  it('names the first broken entry when one is changed, removed or reordered', () => {
    const record = recordAFiling();
    const changed = structuredClone(record);
    changed.entries[2]!.detail = 'The court accepted the filing as entry 2.';
    expect(verifyRecord(changed)).toMatchObject({
      ok: false,
      brokenEntry: 3,
      reason: expect.stringMatching(/changed/),
    });

    const removed = structuredClone(record);
    removed.entries.splice(1, 1);
    expect(verifyRecord(removed)).toMatchObject({ ok: false, brokenEntry: 2 });

    const reordered = structuredClone(record);
    [reordered.entries[1], reordered.entries[2]] = [reordered.entries[2]!, reordered.entries[1]!];
    expect(verifyRecord(reordered)).toMatchObject({ ok: false, brokenEntry: 2 });

    const cutShort = structuredClone(record);
    cutShort.entries.pop();
    expect(verifyRecord(cutShort)).toMatchObject({
      ok: false,
      brokenEntry: 5,
      reason: expect.stringMatching(/removed at the end/),
    });

    const cutAndRecounted = structuredClone(cutShort);
    cutAndRecounted.count = 4;
    expect(verifyRecord(cutAndRecounted)).toMatchObject({ ok: false, brokenEntry: 5 });

    const renamedCourt = structuredClone(record);
    renamedCourt.court = 'Another court';
    expect(verifyRecord(renamedCourt)).toMatchObject({
      ok: false,
      brokenEntry: 0,
      reason: expect.stringMatching(/header/),
    });

    const schemaBroken = structuredClone(record) as unknown as { entries: Record<string, unknown>[] };
    schemaBroken.entries[3]!['action'] = 'filing.forged';
    expect(verifyRecord(schemaBroken)).toMatchObject({
      ok: false,
      brokenEntry: 4,
      reason: expect.stringMatching(/not a valid entry/),
    });

    expect(verifyRecordText('{')).toMatchObject({
      ok: false,
      brokenEntry: 0,
      reason: expect.stringMatching(/not a filing record/),
    });
    expect(verifyRecordText(' '.repeat(21 * 1024 * 1024))).toMatchObject({ ok: false, reason: /larger than 20 MB/ });
  });

  it('finds a row changed in the database file itself', () => {
    recordAFiling();
    db.exec('DROP TRIGGER filing_journal_no_update');
    db.prepare(
      "UPDATE filing_journal SET entry = json_set(entry, '$.detail', 'Nothing happened.') WHERE draft_id = 'd1' AND json_extract(entry, '$.index') = 2",
    ).run();
    expect(journal.verifyStored('d1')).toMatchObject({ ok: false, brokenEntry: 2 });
  });

  it('fails whatever single byte of an exported record is changed or deleted (600 seeded positions)', () => {
    const text = recordText(recordAFiling());
    expect(verifyRecordText(text)).toMatchObject({ ok: true, count: 5 });
    const bytes = Buffer.from(text, 'utf8');
    const random = seededRandom(46);
    for (let sample = 0; sample < 600; sample += 1) {
      const position = random.int(0, bytes.length - 1);
      const flipped = Buffer.from(bytes);
      flipped[position] = flipped[position]! ^ (1 << random.int(0, 6));
      const deleted = Buffer.concat([bytes.subarray(0, position), bytes.subarray(position + 1)]);
      for (const [how, variant] of [
        ['flipped', flipped],
        ['deleted', deleted],
      ] as const) {
        const verdict = verifyRecordText(variant.toString('utf8'));
        expect(verdict.ok, `byte ${position} ${how}: ${JSON.stringify(verdict)}`).toBe(false);
        if (!verdict.ok) {
          expect(verdict.brokenEntry === 0 || verdict.brokenEntry <= 6).toBe(true);
        }
      }
    }
  });
});
