import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0008 } from '../../../src-main/core/storage/migrations/0008-filing-record';

describe('migration 0008: who signs, and the filing record', () => {
  it('is version 8, named filing-record', () => {
    expect(migration0008).toMatchObject({ version: 8, name: 'filing-record' });
    expect(migrations[7]).toBe(migration0008);
  });

  it('gives accounts a version 7 database already holds an empty name and role', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 7));
    db.prepare(
      `INSERT INTO accounts (id, court_profile, login_id, kind, default_client_code, mfa_mode, created_at, updated_at)
       VALUES ('a1', 'cit-training', 'jmorgan', 'filer', NULL, 'none', 't', 't')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT name, role FROM accounts').get()).toEqual({ name: '', role: '' });
  });

  it('keeps the record append-only: an update or a delete is refused', () => {
    const db = new Database(':memory:');
    migrate(db);
    const hash = 'a'.repeat(64);
    db.prepare('INSERT INTO filing_journal (draft_id, entry, hash, previous_hash) VALUES (?, ?, ?, ?)').run(
      'd1',
      '{}',
      hash,
      hash,
    );
    expect(() => db.prepare("UPDATE filing_journal SET entry = '[]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM filing_journal').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM filing_journal').get()).toEqual({ n: 1 });
  });
});
