import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0001 } from '../../../src-main/core/storage/migrations/0001-documents';
import { migration0002 } from '../../../src-main/core/storage/migrations/0002-preflight';

const sha = 'c'.repeat(64);
const report = JSON.stringify({ bytes: 1024, pages: 3, verdict: 'pass', findings: [] });

describe('migration 0002: preflight', () => {
  let db: Database.Database;

  /** A database as version 1 of the app left it: a readable PDF, a removed one, and a file that is not a PDF. */
  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, [migration0001]);
    const insert = db.prepare(
      `INSERT INTO documents (id, name, bytes, sha256, pages, problem_code, problem_message, added_at, removed_at)
       VALUES (?, ?, 1024, '${sha}', ?, ?, ?, '2025-03-01T12:00:00.000Z', ?)`,
    );
    insert.run('brief', 'Brief.pdf', 3, null, null, null);
    insert.run('old', 'Old draft.pdf', 1, null, null, '2025-03-02T09:00:00.000Z');
    insert.run('docx', 'Exhibit B.docx', null, 'document.not-pdf', 'Not a PDF.', null);
  });
  afterEach(() => {
    db.close();
  });

  it('is version 2, named preflight, and comes right after the documents table', () => {
    expect(migration0002.version).toBe(2);
    expect(migration0002.name).toBe('preflight');
    expect(migrations[1]).toBe(migration0002);
  });

  it('applies to a version-1 database holding documents and keeps every row and value', () => {
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, [migration0001, migration0002]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const after = db.prepare<[], Record<string, unknown>>('SELECT * FROM documents ORDER BY id').all();
    expect(after.map(({ preflight_state: _state, preflight_report: _report, ...rest }) => rest)).toEqual(before);
  });

  it('queues every readable PDF already there for its first check, removed or not, and leaves the others not applicable', () => {
    migrate(db);
    const states = db
      .prepare<[], { id: string; preflight_state: string; preflight_report: string | null }>(
        'SELECT id, preflight_state, preflight_report FROM documents ORDER BY id',
      )
      .all();
    expect(states).toEqual([
      { id: 'brief', preflight_state: 'waiting', preflight_report: null },
      { id: 'docx', preflight_state: 'not-applicable', preflight_report: null },
      { id: 'old', preflight_state: 'waiting', preflight_report: null },
    ]);
  });

  it('stores a report exactly when the check is done, and only as JSON', () => {
    migrate(db);
    const update = db.prepare('UPDATE documents SET preflight_state = ?, preflight_report = ? WHERE id = ?');
    update.run('done', report, 'brief');
    expect(db.prepare("SELECT preflight_report FROM documents WHERE id = 'brief'").pluck().get()).toBe(report);
    expect(() => update.run('done', null, 'old')).toThrow(/constraint/i);
    expect(() => update.run('running', report, 'old')).toThrow(/constraint/i);
    expect(() => update.run('done', 'not json {', 'old')).toThrow(/constraint/i);
    expect(() => update.run('', null, 'old')).toThrow(/constraint/i);
  });
});
