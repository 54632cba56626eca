import { describe, expect, it } from 'vitest';
import type { InboxQuery } from '../../../../src-main/shared/inbox';
import { filedDay, searchPlan } from '../../../../src-main/core/inbox/store/search-plan';
import { toSearchQuery } from '../../../../src-main/core/inbox/store/search-text';
import { citDocket, citNotice, freshMeta, openInbox } from './store-support';

const courts = ['cit', 'nysd', 'cafc', null];
const captions = ['Acme Steel Corp.', 'Zhejiang Bearings Ltd.', 'Baker Pipe Inc.', 'Gulf Shrimp Co.'];
const texts = [
  'ORDER granting remand. Response due by 4/15/2026.',
  'MOTION for Extension of Time to File Complaint',
  'Scope ruling remanded to Commerce.',
  'Protective order entered. Reply due by 5/1/2026.',
  'Docketing statement filed.',
];

/**
 * A generated inbox of 240 items: 20 filing days (and items with none), so several items share a day, received out
 * of insertion order (so within a day, seq order is not the list's order), four courts (one unknown), deadlines in some
 * docket texts, and a third of the items read.
 */
function generatedInbox() {
  const opened = openInbox();
  const { inbox, db } = opened;
  for (let index = 0; index < 240; index += 1) {
    const day = index % 23 === 0 ? null : `2026-0${1 + (index % 4)}-${String(1 + ((index * 7) % 5)).padStart(2, '0')}`;
    const received = new Date(Date.UTC(2026, 5, 1) + ((index * 7919) % 240) * 60_000 + (index % 3) * 1_000);
    inbox.ingest(
      citNotice({
        court: courts[index % courts.length] ?? null,
        dockets: [
          citDocket({
            caseNumber: `1:26-cv-${String(100 + (index % 30)).padStart(5, '0')}-MMB`,
            caseName: `${captions[index % captions.length]} v. United States`,
            caseId: String(1000 + index),
            deSeqNum: String(index),
            docketText: texts[(index * 3) % texts.length],
            dateFiled: day,
          }),
        ],
      }),
      // Every tenth received at the same moment as the one before: then seq alone decides.
      freshMeta({ receivedAt: index % 10 === 9 ? new Date(Date.UTC(2026, 5, 1)) : received }),
    );
  }
  db.prepare('UPDATE inbox_items SET is_read = 1 WHERE seq % 3 = 0').run();
  // The reference searches words in an index of its own: the same columns and tokenizer as migration 0006's.
  db.exec(`
    CREATE VIRTUAL TABLE reference_search USING fts5(
      case_number, case_name, docket_text, short_description, party_names,
      content = 'inbox_items', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO reference_search (reference_search) VALUES ('rebuild');
  `);
  return opened;
}

/** The list as a plain query over the items table would give it: every filter in SQL, then sorted. */
function reference(db: ReturnType<typeof openInbox>['db'], query: InboxQuery) {
  const conditions: string[] = [];
  const parameters: Record<string, string> = {};
  const words = query.text === undefined ? null : toSearchQuery(query.text);
  if (words !== null) {
    conditions.push('seq IN (SELECT rowid FROM reference_search WHERE reference_search MATCH @words)');
    parameters.words = words;
  }
  if (query.court !== undefined) {
    conditions.push('court = @court');
    parameters.court = query.court.trim().toLowerCase();
  }
  if (query.filedFrom !== undefined) {
    conditions.push('date_filed >= @filedFrom');
    parameters.filedFrom = query.filedFrom;
  }
  if (query.filedTo !== undefined) {
    conditions.push('date_filed <= @filedTo');
    parameters.filedTo = query.filedTo;
  }
  if (query.hasDeadline !== undefined) {
    conditions.push(`deadline_count ${query.hasDeadline ? '> 0' : '= 0'}`);
  }
  if (query.isUnread !== undefined) {
    conditions.push(`is_read = ${query.isUnread ? 0 : 1}`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const ids = db
    .prepare(`SELECT id FROM inbox_items ${where} ORDER BY date_filed DESC, received_at DESC, seq DESC`)
    .pluck()
    .all(parameters) as string[];
  const offset = query.offset ?? 0;
  return { ids: ids.slice(offset, offset + (query.limit ?? 100)), total: ids.length };
}

const shapes: InboxQuery[] = [
  { text: 'remand' },
  { text: 'order' },
  { text: 'zhej bear' },
  { text: '1:26-cv-00105' },
  { text: 'nothing-matches-this' },
  { court: 'cit' },
  { court: ' NYSD ' },
  { court: 'ca9' },
  { isUnread: true },
  { isUnread: false, hasDeadline: false },
  { hasDeadline: true },
  { text: 'order', court: 'cafc', isUnread: true },
  { text: 'remand', filedFrom: '2026-02-03' },
  { text: 'motion', filedTo: '2026-02-03' },
  { court: 'cit', filedFrom: '2026-02-02', filedTo: '2026-03-04' },
  { hasDeadline: true, filedFrom: '2026-04-05' },
  { text: 'order', filedFrom: '2026-01-02', filedTo: '2026-01-02' },
];

describe('the inbox search through its full-text index', () => {
  it('serves words, court, read and deadline filters, with filing dates, from the index alone', () => {
    for (const shape of shapes) {
      expect(searchPlan(shape), JSON.stringify(shape)).not.toBeNull();
    }
    expect(searchPlan({})).toBeNull();
    expect(searchPlan({ filedFrom: '2026-01-01' })).toBeNull();
    expect(searchPlan({ text: 'order', caseNumber: '1:26-cv-001' })).toBeNull();
    expect(searchPlan({ text: 'order', filedFrom: '2026-1-1' })).toBeNull();
  });

  it('gives the same items, order and total as a plain query, page by page, across days shared by many items', () => {
    const { db, inbox } = generatedInbox();
    let compared = 0;
    for (const shape of shapes) {
      for (const [offset, limit] of [
        [0, 100],
        [0, 7],
        [5, 7],
        [13, 11],
        [40, 3],
        [300, 5],
      ] as const) {
        const query = { ...shape, offset, limit };
        const expected = reference(db, query);
        const page = inbox.list(query);
        expect({ ids: page.items.map((item) => item.id), total: page.total }, JSON.stringify(query)).toEqual(expected);
        compared += expected.ids.length;
      }
    }
    // The set is built so that most shapes find items: a comparison of empty pages would prove nothing.
    expect(compared).toBeGreaterThan(1_000);
  });

  it('keeps the index in step when an item is marked read or its docket text modified', () => {
    const { db, inbox } = generatedInbox();
    const query = { text: 'remand', isUnread: true, limit: 500 };
    const before = inbox.list(query);
    const first = before.items[0];
    expect(first).toBeDefined();
    inbox.markRead(first?.id ?? '', true);
    expect(inbox.list(query).items.map((item) => item.id)).toEqual(before.items.slice(1).map((item) => item.id));
    db.prepare("UPDATE inbox_items SET docket_text = 'Docketing statement filed.' WHERE id = ?").run(
      before.items[1]?.id,
    );
    db.exec("INSERT INTO reference_search (reference_search) VALUES ('rebuild')");
    expect({ ids: inbox.list(query).items.map((item) => item.id), total: inbox.list(query).total }).toEqual(
      reference(db, query),
    );
  });

  it('numbers filing days in the order of their text', () => {
    const days = ['0001-01-01', '1999-12-31', '2026-01-31', '2026-02-01', '2026-02-31', '2026-03-01', '9999-12-31'];
    const numbers = days.map((day) => filedDay(day) ?? -1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(days.length);
    expect(numbers[0]).toBeGreaterThan(0);
    expect(filedDay('2026-13-01')).toBeNull();
    expect(filedDay('2026-1-01')).toBeNull();
  });
});
