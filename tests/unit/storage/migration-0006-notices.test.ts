import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0006 } from '../../../src-main/core/storage/migrations/0006-notices';

describe('migration 0006: notices', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, migrations.slice(0, 5));
    db.prepare("INSERT INTO drafts (id, data, created_at, updated_at) VALUES ('d1', '{}', 't', 't')").run();
  });
  afterEach(() => db.close());

  const insertItem = (values: Record<string, string | number | null> = {}) =>
    db
      .prepare(
        `INSERT INTO inbox_items (id, entry_key, court, kind, subject, case_number, case_name, docket_text, short_description, party_names, received_at, source, documents, document_urls, deadlines, recipients)
         VALUES (@id, @entry_key, 'cit', @kind, 's', '1:26-cv-00123', 'Acme Steel Corp. v. United States', @docket_text, 'Motion', 'Jane Doe', 't', 'file', @documents, '{}', @deadlines, '[]')`,
      )
      .run({
        id: 'i1',
        entry_key: 'cit|case:17|seq:5',
        kind: 'nef',
        docket_text: 'MOTION for Extension of Time',
        documents: '[]',
        deadlines: '[]',
        ...values,
      });
  const search = (match: string) =>
    db.prepare('SELECT rowid FROM inbox_search WHERE inbox_search MATCH ?').all(match).length;

  it('is version 6, named notices, sixth in the list', () => {
    expect(migration0006).toMatchObject({ version: 6, name: 'notices' });
    expect(migrations[5]).toBe(migration0006);
  });

  it('applies to a version-5 database and keeps its drafts', () => {
    migrate(db, migrations.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT id FROM drafts').all()).toEqual([{ id: 'd1' }]);
  });

  it('keeps one row a docket entry, and one row a message', () => {
    migrate(db, migrations.slice(0, 6));
    insertItem();
    expect(() => insertItem({ id: 'i2' })).toThrow(/UNIQUE/);
    const message = db.prepare(
      "INSERT INTO notice_messages (raw_sha256, message_id, source, received_at, kind, reason, outcome, item_ids) VALUES (?, ?, 'file', 't', 'nef', NULL, 'new', '[]')",
    );
    message.run('a'.repeat(64), '<m1@cit>');
    expect(() => message.run('a'.repeat(64), '<m2@cit>')).toThrow(/UNIQUE/);
    expect(() => message.run('b'.repeat(64), '<m1@cit>')).toThrow(/UNIQUE/);
    expect(() => message.run('c'.repeat(64), null)).not.toThrow();
    expect(() => message.run('d'.repeat(64), null)).not.toThrow();
  });

  it('refuses JSON columns that are not JSON and an unknown kind', () => {
    migrate(db, migrations.slice(0, 6));
    expect(() => insertItem({ documents: 'not json' })).toThrow(/CHECK/);
    expect(() => insertItem({ kind: 'memo' })).toThrow(/CHECK/);
  });

  it('keeps the full-text index in step when an entry is added, its docket text modified, and removed', () => {
    migrate(db, migrations.slice(0, 6));
    insertItem();
    expect(search('extension')).toBe(1);
    expect(search('case_name:acme')).toBe(1);
    db.prepare("UPDATE inbox_items SET docket_text = 'ORDER granting stay' WHERE id = 'i1'").run();
    expect(search('extension')).toBe(0);
    expect(search('stay')).toBe(1);
    db.prepare("UPDATE inbox_items SET is_read = 1 WHERE id = 'i1'").run();
    expect(search('stay')).toBe(1);
    db.prepare("DELETE FROM inbox_items WHERE id = 'i1'").run();
    expect(search('stay')).toBe(0);
    db.exec("INSERT INTO inbox_search (inbox_search) VALUES ('integrity-check')");
  });

  it('counts the deadlines an item holds, for the "has a deadline" filter', () => {
    migrate(db, migrations.slice(0, 6));
    insertItem({ deadlines: '[{"date":"2026-12-15","label":"Response due"}]' });
    expect(db.prepare('SELECT deadline_count FROM inbox_items').get()).toEqual({ deadline_count: 1 });
  });
});
