import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0009 } from '../../../src-main/core/storage/migrations/0009-outbox-needs-attention';

const insert = (db: Database.Database, id: string, state: string | null) =>
  db
    .prepare(
      `INSERT INTO drafts (id, data, package_id, package_step, outbox_state, outbox, submission, created_at, updated_at)
       VALUES (?, '{"a":1}', 'p1', 2, ?, ?, '{"commitPoint":null}', 't1', 't2')`,
    )
    .run(id, state, state === null ? null : '{}');

describe('migration 0009: the outbox can hold a filing that needs attention', () => {
  it('is version 9, named outbox-needs-attention', () => {
    expect(migration0009).toMatchObject({ version: 9, name: 'outbox-needs-attention' });
    expect(migrations[8]).toBe(migration0009);
  });

  it('keeps every draft of a version 8 database as it was, and then accepts needs-attention', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 8));
    insert(db, 'd1', 'failed');
    insert(db, 'd2', null);
    expect(() => insert(db, 'd3', 'needs-attention')).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM drafts ORDER BY id').all();
    migrate(db);
    expect(db.prepare('SELECT * FROM drafts ORDER BY id').all()).toEqual(before);
    insert(db, 'd3', 'needs-attention');
    expect(() => insert(db, 'd4', 'lost')).toThrow(/CHECK/);
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'drafts' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all(),
    ).toEqual([{ name: 'drafts_outbox_state' }, { name: 'drafts_package' }]);
  });
});
