import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/storage/database';
import { migrations } from '../../../src-main/core/storage/migrations';
import { useTempFolder } from './temp-folder';

describe('openDatabase', () => {
  const temp = useTempFolder();

  it('creates the missing folder and a migrated database in it', () => {
    const file = path.join(temp.path, 'not', 'yet', 'there', 'ecf-desk.sqlite');
    const db = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      db.close();
    }
  });

  it('uses WAL, full sync, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(temp.path, 'ecf-desk.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 is FULL: a commit reaches the disk before the app reports it saved.
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('opens an existing database again without migrating twice', () => {
    const file = path.join(temp.path, 'ecf-desk.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      db.close();
    }
  });
});
