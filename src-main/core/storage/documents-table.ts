import type Database from 'better-sqlite3';
import { documentRecord, type DocumentPreflight, type DocumentRecord } from '../../shared/domain';

/** The documents the user added, as rows in the database. */
export interface DocumentsTable {
  /** Adds a document; its id must be new. */
  insert(record: DocumentRecord): void;
  /** The documents in the list (not removed), newest first. */
  list(): DocumentRecord[];
  /** One document by id, removed or not, or null when there is none. */
  get(id: string): DocumentRecord | null;
  /** Takes a document off the list, keeping its row so it can be restored; false when there was nothing to remove. */
  markRemoved(id: string, at: Date): boolean;
  /** Puts a removed document back on the list; null when there is no such document. */
  restore(id: string): DocumentRecord | null;
  /** Records where a document's preflight stands (with its report once done); false when there is no such document. */
  setPreflight(id: string, preflight: DocumentPreflight): boolean;
  /** The ids of documents, removed or not, whose check was waiting or running: the ones a crash or a quit cut short. */
  listUnfinishedPreflights(): string[];
}

interface DocumentRow {
  id: string;
  name: string;
  bytes: number;
  sha256: string;
  pages: number | null;
  problem_code: string | null;
  problem_message: string | null;
  added_at: string;
  preflight_state: string;
  preflight_report: string | null;
}

const columns = 'id, name, bytes, sha256, pages, problem_code, problem_message, added_at, preflight_state, preflight_report';

/** The documents table of an open, migrated database. */
export function createDocumentsTable(db: Database.Database): DocumentsTable {
  const insertRow = db.prepare<[DocumentRow]>(
    `INSERT INTO documents (${columns})
     VALUES (@id, @name, @bytes, @sha256, @pages, @problem_code, @problem_message, @added_at, @preflight_state, @preflight_report)`,
  );
  // rowid breaks ties between documents added in the same instant, so the later one still comes first.
  const selectListed = db.prepare<[], DocumentRow>(
    `SELECT ${columns} FROM documents WHERE removed_at IS NULL ORDER BY added_at DESC, rowid DESC`,
  );
  const selectOne = db.prepare<[string], DocumentRow>(`SELECT ${columns} FROM documents WHERE id = ?`);
  const setRemoved = db.prepare<[string, string]>(
    'UPDATE documents SET removed_at = ? WHERE id = ? AND removed_at IS NULL',
  );
  const clearRemoved = db.prepare<[string]>('UPDATE documents SET removed_at = NULL WHERE id = ?');
  const updatePreflight = db.prepare<[{ id: string; preflight_state: string; preflight_report: string | null }]>(
    'UPDATE documents SET preflight_state = @preflight_state, preflight_report = @preflight_report WHERE id = @id',
  );
  // Oldest first, so after a restart the documents are checked again in the order they were added.
  const selectUnfinished = db.prepare<[], string>(
    "SELECT id FROM documents WHERE preflight_state IN ('waiting', 'running') ORDER BY added_at, rowid",
  ).pluck();

  const get = (id: string): DocumentRecord | null => {
    const row = selectOne.get(id);
    return row === undefined ? null : toRecord(row);
  };

  return {
    insert(record) {
      insertRow.run({
        id: record.id,
        name: record.name,
        bytes: record.bytes,
        sha256: record.sha256,
        pages: record.pages,
        problem_code: record.problem?.code ?? null,
        problem_message: record.problem?.message ?? null,
        added_at: record.addedAt,
        ...preflightColumns(record.preflight),
      });
    },
    list() {
      return selectListed.all().map(toRecord);
    },
    get,
    markRemoved(id, at) {
      return setRemoved.run(at.toISOString(), id).changes > 0;
    },
    restore(id) {
      clearRemoved.run(id);
      return get(id);
    },
    setPreflight(id, preflight) {
      return updatePreflight.run({ id, ...preflightColumns(preflight) }).changes > 0;
    },
    listUnfinishedPreflights() {
      return selectUnfinished.all();
    },
  };
}

/** A preflight state as its two columns: the state's name, and the report as JSON when there is one. */
function preflightColumns(preflight: DocumentPreflight): { preflight_state: string; preflight_report: string | null } {
  return { preflight_state: preflight.state, preflight_report: preflight.state === 'done' ? JSON.stringify(preflight.report) : null };
}

function toRecord(row: DocumentRow): DocumentRecord {
  // Parsed rather than cast: a row the schema no longer accepts should fail loudly here, not in a screen.
  return documentRecord.parse({
    id: row.id,
    name: row.name,
    bytes: row.bytes,
    sha256: row.sha256,
    pages: row.pages,
    addedAt: row.added_at,
    problem: row.problem_code === null ? null : { code: row.problem_code, message: row.problem_message },
    preflight: row.preflight_report === null ? { state: row.preflight_state } : { state: row.preflight_state, report: JSON.parse(row.preflight_report) as unknown },
  });
}
