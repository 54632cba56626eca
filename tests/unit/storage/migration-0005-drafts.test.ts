import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0005 } from '../../../src-main/core/storage/migrations/0005-drafts';

describe('migration 0005: drafts', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, migrations.slice(0, 4));
    db.prepare("INSERT INTO accounts VALUES ('a1', 'cit-training', 'twalsh', 'filer', NULL, 'none', 't', 't')").run();
  });
  afterEach(() => db.close());

  const insert = (values: Record<string, string | number | null> = {}) =>
    db
      .prepare(
        'INSERT INTO drafts (id, data, package_id, package_step, outbox_state, outbox, submission, created_at, updated_at) VALUES (@id, @data, NULL, NULL, @outbox_state, @outbox, NULL, @at, @at)',
      )
      .run({
        id: 'd1',
        data: '{"eventId":null}',
        outbox_state: null,
        outbox: null,
        at: '2026-11-28T00:00:00.000Z',
        ...values,
      });

  it('is version 5, named drafts, fifth in the list', () => {
    expect(migration0005).toMatchObject({ version: 5, name: 'drafts' });
    expect(migrations[4]).toBe(migration0005);
  });

  it('applies to a version-4 database and keeps its accounts', () => {
    migrate(db, migrations.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT login_id FROM accounts').all()).toEqual([{ login_id: 'twalsh' }]);
    insert();
    expect(db.prepare('SELECT id FROM drafts').all()).toEqual([{ id: 'd1' }]);
  });

  it('refuses data that is not JSON, an unknown outbox state, and a state without its status', () => {
    migrate(db, migrations.slice(0, 5));
    expect(() => insert({ data: 'not json' })).toThrow(/CHECK/);
    expect(() => insert({ outbox_state: 'lost', outbox: '{}' })).toThrow(/CHECK/);
    expect(() => insert({ outbox_state: 'ready', outbox: null })).toThrow(/CHECK/);
    expect(() => insert({ outbox_state: 'ready', outbox: '{"state":"ready"}' })).not.toThrow();
  });
});
