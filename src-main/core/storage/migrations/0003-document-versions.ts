import type { Migration } from './migration';

/**
 * Versions made by one-click fixes: each new version names the document it was made from, the fix and a summary
 * (what it left out, what it could not fix, the original's verdict); the original is kept, marked as superseded,
 * so the fix can be undone.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'document-versions',
  up(db) {
    // The fix names are not listed in a CHECK, as the states are not: adding a fix must not need a table rebuild.
    // A version made by a fix has all three of origin, fix and summary; a document the user added has none of them.
    db.exec(`
      ALTER TABLE documents ADD COLUMN derived_from TEXT REFERENCES documents (id);
      ALTER TABLE documents ADD COLUMN fix TEXT CHECK (fix IS NULL OR length(fix) > 0);
      ALTER TABLE documents ADD COLUMN fix_summary TEXT CHECK (
        ((derived_from IS NULL) = (fix IS NULL)) AND ((fix IS NULL) = (fix_summary IS NULL)) AND (fix_summary IS NULL OR json_valid(fix_summary))
      );
      ALTER TABLE documents ADD COLUMN superseded_at TEXT;
      CREATE INDEX documents_derived_from ON documents (derived_from);
    `);
  },
};
