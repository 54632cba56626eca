import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../../src-main/shared/domain';
import { openDatabase } from '../../../src-main/core/storage/database';
import { createDocumentsTable, type DocumentsTable } from '../../../src-main/core/storage/documents-table';
import { useTempFolder } from './temp-folder';

const record = (id: string, addedAt: string, changes: Partial<StoredDocument> = {}): StoredDocument => ({
  id,
  name: `${id}.pdf`,
  bytes: 2048,
  sha256: 'b'.repeat(64),
  pages: 4,
  addedAt,
  problem: null,
  preflight: { state: 'waiting' },
  fixedFrom: null,
  ...changes,
});

describe('createDocumentsTable', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let table: DocumentsTable;

  beforeEach(() => {
    db = openDatabase(path.join(temp.path, 'ecf-desk.sqlite'));
    table = createDocumentsTable(db);
  });
  afterEach(() => {
    db.close();
  });

  it('returns an inserted document exactly as it was given', () => {
    const readable = record('brief', '2025-03-01T10:00:00.000Z');
    const unusable = record('scan', '2025-03-01T11:00:00.000Z', {
      pages: null,
      problem: {
        code: 'document.unreadable',
        message: 'This PDF is damaged. Save it again from the program that made it.',
      },
      preflight: { state: 'not-applicable' },
    });
    table.insert(readable);
    table.insert(unusable);
    expect(table.get('brief')).toEqual(readable);
    expect(table.get('scan')).toEqual(unusable);
  });

  it('lists the newest document first', () => {
    table.insert(record('middle', '2025-03-02T00:00:00.000Z'));
    table.insert(record('oldest', '2025-03-01T00:00:00.000Z'));
    table.insert(record('newest', '2025-03-03T00:00:00.000Z'));
    expect(table.list().map((document) => document.id)).toEqual(['newest', 'middle', 'oldest']);
  });

  it('lists the later of two documents added in the same instant first', () => {
    table.insert(record('first', '2025-03-01T00:00:00.000Z'));
    table.insert(record('second', '2025-03-01T00:00:00.000Z'));
    expect(table.list().map((document) => document.id)).toEqual(['second', 'first']);
  });

  it('hides a removed document from the list but still finds it by id', () => {
    table.insert(record('kept', '2025-03-01T00:00:00.000Z'));
    table.insert(record('removed', '2025-03-02T00:00:00.000Z'));
    expect(table.markRemoved('removed', new Date('2025-03-05T00:00:00.000Z'))).toBe(true);
    expect(table.list().map((document) => document.id)).toEqual(['kept']);
    expect(table.get('removed')?.id).toBe('removed');
    expect(db.prepare('SELECT removed_at FROM documents WHERE id = ?').pluck().get('removed')).toBe(
      '2025-03-05T00:00:00.000Z',
    );
  });

  it('says nothing was removed for an unknown or already removed document', () => {
    table.insert(record('once', '2025-03-01T00:00:00.000Z'));
    expect(table.markRemoved('unknown', new Date())).toBe(false);
    expect(table.markRemoved('once', new Date())).toBe(true);
    expect(table.markRemoved('once', new Date())).toBe(false);
  });

  it('puts a restored document back on the list in its original place', () => {
    table.insert(record('older', '2025-03-01T00:00:00.000Z'));
    table.insert(record('newer', '2025-03-02T00:00:00.000Z'));
    table.markRemoved('older', new Date());
    expect(table.restore('older')).toEqual(record('older', '2025-03-01T00:00:00.000Z'));
    expect(table.list().map((document) => document.id)).toEqual(['newer', 'older']);
  });

  it('returns null when asked for or to restore a document it never had', () => {
    expect(table.get('ghost')).toBeNull();
    expect(table.restore('ghost')).toBeNull();
  });

  it('refuses a second document with an id already used', () => {
    table.insert(record('twice', '2025-03-01T00:00:00.000Z'));
    expect(() => table.insert(record('twice', '2025-03-02T00:00:00.000Z'))).toThrow();
    expect(table.list()).toHaveLength(1);
  });
});
