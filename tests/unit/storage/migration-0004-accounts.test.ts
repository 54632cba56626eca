import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0001 } from '../../../src-main/core/storage/migrations/0001-documents';
import { migration0002 } from '../../../src-main/core/storage/migrations/0002-preflight';
import { migration0003 } from '../../../src-main/core/storage/migrations/0003-document-versions';
import { migration0004 } from '../../../src-main/core/storage/migrations/0004-accounts';

describe('migration 0004: accounts', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, [migration0001, migration0002, migration0003]);
    db.prepare(
      "INSERT INTO documents (id, name, bytes, sha256, pages, added_at, preflight_state) VALUES ('motion', 'Motion.pdf', 10, ?, 1, '2026-01-01T00:00:00.000Z', 'waiting')",
    ).run('a'.repeat(64));
  });
  afterEach(() => db.close());

  const insert = (values: Partial<Record<string, string | null>> = {}) =>
    db
      .prepare(
        'INSERT INTO accounts (id, court_profile, login_id, kind, default_client_code, mfa_mode, created_at, updated_at) VALUES (@id, @court_profile, @login_id, @kind, @default_client_code, @mfa_mode, @at, @at)',
      )
      .run({
        id: 'a1',
        court_profile: 'cit-training',
        login_id: 'jmorgan',
        kind: 'filer',
        default_client_code: null,
        mfa_mode: 'prompt',
        at: '2026-11-28T00:00:00.000Z',
        ...values,
      });

  it('is version 4, named accounts', () => {
    expect(migration0004).toMatchObject({ version: 4, name: 'accounts' });
    expect(migrations[3]).toBe(migration0004);
  });

  it('applies to a version-3 database and keeps its documents', () => {
    migrate(db, [migration0001, migration0002, migration0003, migration0004]);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT id FROM documents').all()).toEqual([{ id: 'motion' }]);
    insert();
    expect(db.prepare('SELECT login_id, kind, mfa_mode FROM accounts').all()).toEqual([
      { login_id: 'jmorgan', kind: 'filer', mfa_mode: 'prompt' },
    ]);
  });

  it('has no column that could hold a secret', () => {
    migrate(db, [migration0001, migration0002, migration0003, migration0004]);
    const columns = (db.prepare('PRAGMA table_info(accounts)').all() as { name: string }[]).map(
      (column) => column.name,
    );
    expect(columns).toEqual([
      'id',
      'court_profile',
      'login_id',
      'kind',
      'default_client_code',
      'mfa_mode',
      'created_at',
      'updated_at',
    ]);
  });

  it('refuses an unknown kind, an unknown MFA mode, a client code over 32 characters and a second account with the same login at the same court', () => {
    migrate(db, [migration0001, migration0002, migration0003, migration0004]);
    expect(() => insert({ kind: 'admin' })).toThrow(/CHECK/);
    expect(() => insert({ mfa_mode: 'sms' })).toThrow(/CHECK/);
    expect(() => insert({ default_client_code: 'x'.repeat(33) })).toThrow(/CHECK/);
    insert();
    expect(() => insert({ id: 'a2' })).toThrow(/UNIQUE/);
    expect(() => insert({ id: 'a3', court_profile: 'cit' })).not.toThrow();
  });
});
