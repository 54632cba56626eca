import type { Migration } from './migration';

/** Each document's preflight: where its check stands, and the report once it is done. */
export const migration0002: Migration = {
  version: 2,
  name: 'preflight',
  up(db) {
    // The states are not listed in a CHECK, as the problem codes are not: adding one must not need a table rebuild.
    // A report is stored exactly when the check is done, and it is always JSON the app wrote.
    db.exec(`
      ALTER TABLE documents ADD COLUMN preflight_state TEXT NOT NULL DEFAULT 'not-applicable' CHECK (length(preflight_state) > 0);
      ALTER TABLE documents ADD COLUMN preflight_report TEXT CHECK (
        ((preflight_state = 'done') = (preflight_report IS NOT NULL)) AND (preflight_report IS NULL OR json_valid(preflight_report))
      );
    `);
    // Readable PDFs added before preflight existed wait for their first check; the app runs it when it starts.
    db.exec(`UPDATE documents SET preflight_state = 'waiting' WHERE problem_code IS NULL`);
  },
};
