import type Database from 'better-sqlite3';

/**
 * One step in the database's history. Versions count up from 1 with no gaps; a migration, once
 * released, is never edited: a change to the schema is a new migration.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Changes the schema; runs inside the transaction that also records the new version. */
  up(db: Database.Database): void;
}
