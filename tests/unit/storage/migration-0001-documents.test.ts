import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration0001 } from '../../../src-main/core/storage/migrations/0001-documents';

const sha = 'a'.repeat(64);

/** A row that satisfies every constraint; each test breaks one thing. */
const goodRow = {
  id: 'doc-1',
  name: 'Complaint.pdf',
  bytes: 1024,
  sha256: sha,
  pages: 3,
  problem_code: null,
  problem_message: null,
  added_at: '2025-03-01T12:00:00.000Z',
  removed_at: null,
};

describe('migration 0001: documents', () => {
  let db: Database.Database;
  const insert = (row: Record<string, unknown>): void => {
    db.prepare(
      `INSERT INTO documents (id, name, bytes, sha256, pages, problem_code, problem_message, added_at, removed_at)
       VALUES (@id, @name, @bytes, @sha256, @pages, @problem_code, @problem_message, @added_at, @removed_at)`,
    ).run(row);
  };

  beforeEach(() => {
    db = new Database(':memory:');
    migration0001.up(db);
  });
  afterEach(() => {
    db.close();
  });

  it('is version 1, named documents', () => {
    expect(migration0001.version).toBe(1);
    expect(migration0001.name).toBe('documents');
  });

  it('creates the documents table with its columns and an index on added_at', () => {
    const columns = db
      .prepare<[], { name: string; notnull: number }>('SELECT name, "notnull" FROM pragma_table_info(\'documents\')')
      .all();
    expect(columns.map((column) => column.name)).toEqual([
      'id',
      'name',
      'bytes',
      'sha256',
      'pages',
      'problem_code',
      'problem_message',
      'added_at',
      'removed_at',
    ]);
    const indexed = db.prepare<[], { name: string }>("SELECT name FROM pragma_index_info('documents_added_at')").all();
    expect(indexed.map((column) => column.name)).toEqual(['added_at']);
  });

  it('accepts a readable document and an unusable one with its problem', () => {
    insert(goodRow);
    insert({ ...goodRow, id: 'doc-2', pages: null, problem_code: 'document.not-pdf', problem_message: 'Not a PDF.' });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
  });

  it.each([
    ['a negative size', { bytes: -1 }],
    ['a size that is not a whole number', { bytes: 1.5 }],
    ['zero pages', { pages: 0 }],
    ['neither pages nor a problem', { pages: null }],
    ['both pages and a problem', { problem_code: 'document.empty', problem_message: 'Empty.' }],
    ['a problem code without a message', { pages: null, problem_code: 'document.empty' }],
    ['a fingerprint that is too short', { sha256: 'a'.repeat(63) }],
    ['a fingerprint with capitals', { sha256: 'A'.repeat(64) }],
    ['a fingerprint with a path in it', { sha256: `../${'a'.repeat(61)}` }],
    ['no name', { name: null }],
    ['no added time', { added_at: null }],
    ['an empty id', { id: '' }],
  ])('rejects a row with %s', (_label, change) => {
    expect(() => insert({ ...goodRow, ...change })).toThrow(/constraint|cannot store/i);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
  });

  it('rejects a second document with the same id', () => {
    insert(goodRow);
    expect(() => insert(goodRow)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
