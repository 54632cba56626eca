import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describeError } from '../../shared/describe-error';

/** One table of the database: its name and how many rows it holds (null when it could not be counted). */
export interface TableCount {
  readonly name: string;
  readonly rows: number | null;
}

/** The database's size and the row count of each table; never a row's content. */
export type DatabaseSummary =
  | { readonly state: 'missing' }
  | { readonly state: 'unreadable'; readonly bytes: number; readonly reason: string }
  | {
      readonly state: 'read';
      readonly bytes: number;
      readonly writeAheadLogBytes: number;
      readonly tables: readonly TableCount[];
    };

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

/** A table's name as an SQL identifier, whatever it holds. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Opens the database read-only (the running app keeps its own connection) and counts the rows of every table
 * `sqlite_master` lists. Only counts are read: no row of any table leaves this function.
 */
export function summarizeDatabase(file: string): DatabaseSummary {
  const bytes = sizeOf(file);
  if (bytes === null) {
    return { state: 'missing' };
  }
  let database: Database.Database;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true, timeout: 2_000 });
  } catch (error) {
    return { state: 'unreadable', bytes, reason: describeError(error).message };
  }
  try {
    const names = database
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    const tables = names.map((name): TableCount => {
      try {
        const counted = database
          .prepare<[], { rows: number }>(`SELECT count(*) AS rows FROM ${quoteIdentifier(name)}`)
          .get();
        return { name, rows: counted?.rows ?? null };
      } catch {
        // A full-text table whose module this build lacks cannot be counted; its name still helps.
        return { name, rows: null };
      }
    });
    return { state: 'read', bytes, writeAheadLogBytes: sizeOf(`${file}-wal`) ?? 0, tables };
  } catch (error) {
    return { state: 'unreadable', bytes, reason: describeError(error).message };
  } finally {
    database.close();
  }
}
