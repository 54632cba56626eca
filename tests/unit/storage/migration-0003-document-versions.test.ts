import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import { migration0001 } from '../../../src-main/core/storage/migrations/0001-documents';
import { migration0002 } from '../../../src-main/core/storage/migrations/0002-preflight';
import { migration0003 } from '../../../src-main/core/storage/migrations/0003-document-versions';

const sha = 'd'.repeat(64);
const report = JSON.stringify({ bytes: 1024, pages: 3, verdict: 'block', findings: [] });
const summary = JSON.stringify({
  fromName: 'Motion.pdf',
  fixedAt: '2025-03-03T10:00:00.000Z',
  removed: ['JavaScript'],
  notes: [],
  before: null,
  part: null,
});

describe('migration 0003: document versions', () => {
  let db: Database.Database;

  /** A database as version 2 of the app left it: a checked PDF, one waiting, a removed one, and a file that is not a PDF. */
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [migration0001, migration0002]);
    const insert = db.prepare(
      `INSERT INTO documents (id, name, bytes, sha256, pages, problem_code, problem_message, added_at, removed_at, preflight_state, preflight_report)
       VALUES (?, ?, 1024, '${sha}', ?, ?, ?, '2025-03-01T12:00:00.000Z', ?, ?, ?)`,
    );
    insert.run('motion', 'Motion.pdf', 3, null, null, null, 'done', report);
    insert.run('brief', 'Brief.pdf', 2, null, null, null, 'waiting', null);
    insert.run('old', 'Old draft.pdf', 1, null, null, '2025-03-02T09:00:00.000Z', 'waiting', null);
    insert.run('docx', 'Exhibit B.docx', null, 'document.not-pdf', 'Not a PDF.', null, 'not-applicable', null);
  });
  afterEach(() => {
    db.close();
  });

  it('is version 3, named document-versions, and the newest the app knows', () => {
    expect(migration0003.version).toBe(3);
    expect(migration0003.name).toBe('document-versions');
    expect(migrations[2]).toBe(migration0003);
  });

  it('applies to a version-2 database holding documents, keeps every row and value, and marks none of them as a version', () => {
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, [migration0001, migration0002, migration0003]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const after = db.prepare<[], Record<string, unknown>>('SELECT * FROM documents ORDER BY id').all();
    expect(
      after.map(
        ({ derived_from: _from, fix: _fix, fix_summary: _summary, superseded_at: _superseded, ...rest }) => rest,
      ),
    ).toEqual(before);
    expect(
      after.every(
        (row) =>
          row['derived_from'] === null &&
          row['fix'] === null &&
          row['fix_summary'] === null &&
          row['superseded_at'] === null,
      ),
    ).toBe(true);
  });

  it('stores a version with its original, its fix and a JSON summary together, or none of them', () => {
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO documents (id, name, bytes, sha256, pages, added_at, preflight_state, derived_from, fix, fix_summary)
       VALUES (?, 'Motion (clean copy).pdf', 900, '${sha}', 3, '2025-03-01T12:00:00.000Z', 'waiting', ?, ?, ?)`,
    );
    insert.run('copy', 'motion', 'clean-copy', summary);
    expect(db.prepare("SELECT derived_from, fix FROM documents WHERE id = 'copy'").get()).toEqual({
      derived_from: 'motion',
      fix: 'clean-copy',
    });
    expect(() => insert.run('no-summary', 'motion', 'clean-copy', null)).toThrow(/constraint/i);
    expect(() => insert.run('no-fix', 'motion', null, summary)).toThrow(/constraint/i);
    expect(() => insert.run('no-origin', null, 'clean-copy', summary)).toThrow(/constraint/i);
    expect(() => insert.run('bad-json', 'motion', 'clean-copy', 'not json {')).toThrow(/constraint/i);
    expect(() => insert.run('orphan', 'no-such-document', 'clean-copy', summary)).toThrow(/foreign key/i);
  });
});
