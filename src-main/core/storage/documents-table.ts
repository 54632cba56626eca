import type Database from 'better-sqlite3';
import {
  fixOrigin,
  storedDocument,
  type DocumentPreflight,
  type FixOrigin,
  type StoredDocument,
} from '../../shared/domain';

/** The documents the user added and the versions fixes made of them, as rows in the database. */
export interface DocumentsTable {
  /** Adds a document; its id must be new. */
  insert(record: StoredDocument): void;
  /** The documents in the list (neither removed nor replaced by a fix), newest first, the parts of a split in order. */
  list(): StoredDocument[];
  /** One document by id, removed, replaced or not, or null when there is none. */
  get(id: string): StoredDocument | null;
  /** Whether a document is in the list: neither removed nor replaced by a fix. */
  isListed(id: string): boolean;
  /** Takes a document off the list, keeping its row so it can be restored; false when there was nothing to remove. */
  markRemoved(id: string, at: Date): boolean;
  /** Puts a removed document back on the list; null when there is no such document. */
  restore(id: string): StoredDocument | null;
  /**
   * In one transaction, adds the versions a fix made of a listed document and takes the original off the list,
   * keeping its row and bytes for undo; false (and nothing changed) when the original is no longer listed.
   */
  replaceWithVersions(originalId: string, versions: readonly StoredDocument[], at: Date): boolean;
  /**
   * In one transaction, takes every listed version made from `originalId` (and from those, for a version fixed again)
   * off the list and puts the original back; null when there is no such document.
   */
  undoVersions(originalId: string, at: Date): StoredDocument | null;
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
  derived_from: string | null;
  fix: string | null;
  fix_summary: string | null;
}

const columns =
  'id, name, bytes, sha256, pages, problem_code, problem_message, added_at, preflight_state, preflight_report, derived_from, fix, fix_summary';

/** A fix's origin apart from the two facts that have columns of their own. */
type FixSummary = Omit<FixOrigin, 'fromId' | 'fix'>;

/** The documents table of an open, migrated database. */
export function createDocumentsTable(db: Database.Database): DocumentsTable {
  const insertRow = db.prepare<[DocumentRow]>(
    `INSERT INTO documents (${columns})
     VALUES (@id, @name, @bytes, @sha256, @pages, @problem_code, @problem_message, @added_at, @preflight_state, @preflight_report, @derived_from, @fix, @fix_summary)`,
  );
  // A version keeps its original's added time, so it takes the original's place in the list; the parts of a split
  // share it and come in order. rowid breaks the other ties between documents added in the same instant, later first.
  const selectListed = db.prepare<[], DocumentRow>(
    `SELECT ${columns} FROM documents WHERE removed_at IS NULL AND superseded_at IS NULL
     ORDER BY added_at DESC, coalesce(json_extract(fix_summary, '$.part.number'), 0), rowid DESC`,
  );
  const selectIsListed = db
    .prepare<[string], number>(
      'SELECT count(*) FROM documents WHERE id = ? AND removed_at IS NULL AND superseded_at IS NULL',
    )
    .pluck();
  const setSuperseded = db.prepare<[string, string]>(
    'UPDATE documents SET superseded_at = ? WHERE id = ? AND removed_at IS NULL AND superseded_at IS NULL',
  );
  const clearSuperseded = db.prepare<[string]>('UPDATE documents SET superseded_at = NULL WHERE id = ?');
  const removeDescendants = db.prepare<[{ original: string; at: string }]>(
    `WITH RECURSIVE descendants (id) AS (
       SELECT id FROM documents WHERE derived_from = @original
       UNION SELECT documents.id FROM documents JOIN descendants ON documents.derived_from = descendants.id
     )
     UPDATE documents SET removed_at = @at WHERE id IN (SELECT id FROM descendants) AND removed_at IS NULL`,
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
  const selectUnfinished = db
    .prepare<[], string>(
      "SELECT id FROM documents WHERE preflight_state IN ('waiting', 'running') ORDER BY added_at, rowid",
    )
    .pluck();

  const get = (id: string): StoredDocument | null => {
    const row = selectOne.get(id);
    return row === undefined ? null : toRecord(row);
  };

  const insert = (record: StoredDocument): void => {
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
      ...originColumns(record.fixedFrom),
    });
  };

  const replaceWithVersions = db.transaction(
    (originalId: string, versions: readonly StoredDocument[], at: Date): boolean => {
      if (setSuperseded.run(at.toISOString(), originalId).changes === 0) {
        return false;
      }
      for (const version of versions) {
        insert(version);
      }
      return true;
    },
  );

  const undoVersions = db.transaction((originalId: string, at: Date): StoredDocument | null => {
    removeDescendants.run({ original: originalId, at: at.toISOString() });
    clearSuperseded.run(originalId);
    return get(originalId);
  });

  return {
    insert,
    list() {
      return selectListed.all().map(toRecord);
    },
    get,
    isListed: (id) => selectIsListed.get(id) === 1,
    replaceWithVersions: (originalId, versions, at) => replaceWithVersions.immediate(originalId, versions, at),
    undoVersions: (originalId, at) => undoVersions.immediate(originalId, at),
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
  return {
    preflight_state: preflight.state,
    preflight_report: preflight.state === 'done' ? JSON.stringify(preflight.report) : null,
  };
}

/** A version's origin as its three columns; all null for a document the user added. */
function originColumns(origin: FixOrigin | null): {
  derived_from: string | null;
  fix: string | null;
  fix_summary: string | null;
} {
  if (origin === null) {
    return { derived_from: null, fix: null, fix_summary: null };
  }
  const { fromId, fix, ...summary } = origin;
  return { derived_from: fromId, fix, fix_summary: JSON.stringify(summary satisfies FixSummary) };
}

function toOrigin(row: DocumentRow): FixOrigin | null {
  if (row.derived_from === null || row.fix_summary === null) {
    return null;
  }
  return fixOrigin.parse({ ...(JSON.parse(row.fix_summary) as object), fromId: row.derived_from, fix: row.fix });
}

function toRecord(row: DocumentRow): StoredDocument {
  // Parsed rather than cast: a row the schema no longer accepts should fail loudly here, not in a screen.
  return storedDocument.parse({
    id: row.id,
    name: row.name,
    bytes: row.bytes,
    sha256: row.sha256,
    pages: row.pages,
    addedAt: row.added_at,
    problem: row.problem_code === null ? null : { code: row.problem_code, message: row.problem_message },
    preflight:
      row.preflight_report === null
        ? { state: row.preflight_state }
        : { state: row.preflight_state, report: JSON.parse(row.preflight_report) as unknown },
    fixedFrom: toOrigin(row),
  });
}
