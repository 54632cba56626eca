import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src-main/core/storage/migrations';
import type { Migration } from '../../../src-main/core/storage/migrations/migration';

const userVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;
const tableNames = (db: Database.Database): string[] =>
  db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();

const createA: Migration = { version: 1, name: 'a', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') };
const createB: Migration = { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (x INTEGER)') };

describe('migrate', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => {
    db.close();
  });

  it('brings an empty database to the newest version the app knows', () => {
    migrate(db);
    expect(userVersion(db)).toBe(migrations.length);
    expect(tableNames(db)).toContain('documents');
  });

  it('knows its migrations in order, numbered from 1 without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('does nothing the second time', () => {
    let runs = 0;
    const counted: Migration = {
      ...createA,
      up: (target) => {
        runs += 1;
        createA.up(target);
      },
    };
    migrate(db, [counted]);
    migrate(db, [counted]);
    expect(runs).toBe(1);
    expect(userVersion(db)).toBe(1);
  });

  it('runs only the migrations newer than the database', () => {
    migrate(db, [createA]);
    migrate(db, [createA, createB]);
    expect(tableNames(db)).toEqual(['a', 'b']);
    expect(userVersion(db)).toBe(2);
  });

  it('refuses a database written by a newer version of the app and leaves it untouched', () => {
    db.pragma('user_version = 5');
    expect(() => migrate(db, [createA, createB])).toThrow(/newer version of ECF Desk/);
    expect(() => migrate(db, [createA, createB])).toThrow(expect.objectContaining({ code: 'storage.newer-version' }));
    expect(userVersion(db)).toBe(5);
    expect(tableNames(db)).toEqual([]);
  });

  it('rolls back a failing migration and leaves user_version at the last good step', () => {
    const failing: Migration = {
      version: 2,
      name: 'half-done',
      up: (target) => {
        target.exec('CREATE TABLE b (x INTEGER)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [createA, failing])).toThrow('disk on fire');
    expect(userVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['a']);
  });

  it.each([
    ['a list that does not start at 1', [createB]],
    ['a gap in the numbers', [createA, { ...createB, version: 3 }]],
    ['a repeated number', [createA, { ...createB, version: 1 }]],
  ])('refuses %s before touching the database', (_label, list) => {
    expect(() => migrate(db, list)).toThrow(/count up from 1/);
    expect(userVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });
});
