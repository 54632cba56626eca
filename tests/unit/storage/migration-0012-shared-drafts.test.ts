import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0012 } from '../../../src-main/core/storage/migrations/0012-shared-drafts';
import { createSharedDraftsTable, type SharedDraftRow } from '../../../src-main/core/storage/shared-drafts-table';

const row: SharedDraftRow = {
  draftId: 'd1',
  origin: 'https://ecf-desk.firm.example',
  version: null,
  agreedDigest: null,
  updatedBy: null,
  updatedAt: null,
  conflict: null,
  remoteOutbox: null,
};

describe('migration 0012: what each desktop knows of its shared drafts', () => {
  it('is version 12, named shared-drafts', () => {
    expect(migration0012).toMatchObject({ version: 12, name: 'shared-drafts' });
    expect(migrations[11]).toBe(migration0012);
  });

  it('keeps a version 11 database’s drafts, and then keeps one row a draft, bounded', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 11));
    db.prepare(
      `INSERT INTO drafts (id, data, package_id, package_step, outbox_state, outbox, submission, created_at, updated_at)
       VALUES ('d1', '{"a":1}', NULL, NULL, NULL, NULL, '{"commitPoint":null}', 't1', 't2')`,
    ).run();
    const before = db.prepare('SELECT * FROM drafts').all();
    migrate(db);
    expect(db.prepare('SELECT * FROM drafts').all()).toEqual(before);

    const table = createSharedDraftsTable(db);
    table.put(row);
    const agreed = { ...row, version: 2, agreedDigest: 'a'.repeat(64), updatedBy: 'mchen', updatedAt: 't3' };
    table.put(agreed);
    expect(table.find('d1')).toEqual(agreed);
    expect(table.list('https://ecf-desk.firm.example')).toEqual([agreed]);
    expect(table.list('https://other.firm.example')).toEqual([]);
    expect(() => table.put({ ...row, version: 0 })).toThrow(/CHECK/);
    expect(() => table.put({ ...row, agreedDigest: 'short' })).toThrow(/CHECK/);
    expect(() => table.put({ ...row, conflict: 'x'.repeat(4001) })).toThrow(/CHECK/);
    table.remove('d1');
    expect(table.all()).toEqual([]);
  });
});
