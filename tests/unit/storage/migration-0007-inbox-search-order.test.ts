import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filedDay } from '../../../src-main/core/inbox/store/search-plan';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0007 } from '../../../src-main/core/storage/migrations/0007-inbox-search-order';

describe('migration 0007: the inbox search in the list order', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
  });
  afterEach(() => db.close());

  const insertItem = (values: Record<string, string | number | null> = {}) =>
    db
      .prepare(
        `INSERT INTO inbox_items (id, entry_key, court, kind, subject, case_number, case_name, docket_text, short_description, date_filed, party_names, received_at, source, documents, document_urls, deadlines, recipients)
         VALUES (@id, @id, @court, 'nef', 's', '1:26-cv-00123', 'Acme Steel Corp. v. United States', @docket_text, 'Motion', @date_filed, 'Jane Doe', 't', 'file', '[]', '{}', @deadlines, '[]')`,
      )
      .run({
        id: 'i1',
        court: 'cit',
        docket_text: 'MOTION for Extension of Time',
        date_filed: '2026-03-02',
        deadlines: '[]',
        ...values,
      });
  const search = (match: string) =>
    db.prepare('SELECT rowid FROM inbox_search WHERE inbox_search MATCH ? ORDER BY rowid').pluck().all(match);
  const keyOf = (id: string) => db.prepare('SELECT search_key FROM inbox_items WHERE id = ?').pluck().get(id);

  it('is version 7, named inbox-search-order', () => {
    expect(migration0007).toMatchObject({ version: 7, name: 'inbox-search-order' });
    expect(migrations[6]).toBe(migration0007);
  });

  it('indexes the items a version-6 database already holds, under their search keys', () => {
    insertItem();
    insertItem({ id: 'i2', court: null, date_filed: null, docket_text: 'ORDER granting stay' });
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(search('extension')).toEqual([keyOf('i1')]);
    expect(search('stay')).toEqual([keyOf('i2')]);
    expect(keyOf('i2')).toBe(2);
    expect(keyOf('i1')).toBe((filedDay('2026-03-02') ?? 0) * 2 ** 31 + 1);
    expect(search('facets : "k636974"')).toEqual([keyOf('i1')]);
    db.exec("INSERT INTO inbox_search (inbox_search) VALUES ('integrity-check')");
  });

  it('numbers a filing date in SQL as the search plan does, and every other text as day 0', () => {
    migrate(db);
    const days = ['0001-01-01', '2026-02-31', '2026-12-01', '9999-12-31', '2026-13-01', '2026-1-01', 'soon'];
    days.forEach((day, index) => insertItem({ id: `d${index}`, date_filed: day }));
    const stored = db.prepare('SELECT filed_day FROM inbox_items ORDER BY seq').pluck().all();
    expect(stored).toEqual(days.map((day) => filedDay(day) ?? 0));
  });

  it('keeps words and filters in step when an item is added, marked read, given a deadline, modified and removed', () => {
    migrate(db);
    insertItem();
    const key = keyOf('i1');
    expect(search('extension AND facets : "isunread" AND facets : "nodeadline"')).toEqual([key]);
    db.prepare("UPDATE inbox_items SET is_read = 1 WHERE id = 'i1'").run();
    expect(search('facets : "isunread"')).toEqual([]);
    expect(search('extension AND facets : "isread"')).toEqual([key]);
    db.prepare(
      `UPDATE inbox_items SET docket_text = 'ORDER granting stay', deadlines = '[{"date":"2026-12-15","label":"Response due"}]' WHERE id = 'i1'`,
    ).run();
    expect(search('extension')).toEqual([]);
    expect(search('stay AND facets : "hasdeadline"')).toEqual([key]);
    db.exec("INSERT INTO inbox_search (inbox_search) VALUES ('integrity-check')");
    db.prepare("DELETE FROM inbox_items WHERE id = 'i1'").run();
    expect(search('stay')).toEqual([]);
    expect(search('facets : "isread"')).toEqual([]);
    db.exec("INSERT INTO inbox_search (inbox_search) VALUES ('integrity-check')");
  });

  it('finds no filter token through the words: the facets are searched only by name', () => {
    migrate(db);
    insertItem({ docket_text: 'isread hasdeadline k636974' });
    insertItem({ id: 'i2', docket_text: 'Docketing statement filed.' });
    expect(search('{case_number case_name docket_text short_description party_names} : ("isunread"*)')).toEqual([]);
    expect(search('facets : "isread"')).toEqual([]);
    expect(search('facets : "k636974"')).toHaveLength(2);
  });
});
