import type Database from 'better-sqlite3';

/**
 * Whether anything still names a stored PDF: a document in the Documents list (any version), a notice in the
 * inbox, or a draft or filing record. The store is shared by all of them, so a PDF is deleted only when none does.
 */
export function isStoredPdfInUse(db: Database.Database, sha256: string): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = @sha256)
           OR EXISTS (SELECT 1 FROM inbox_items WHERE instr(documents, @sha256) > 0)
           OR EXISTS (SELECT 1 FROM drafts WHERE instr(data, @sha256) > 0 OR instr(coalesce(outbox, ''), @sha256) > 0 OR instr(coalesce(submission, ''), @sha256) > 0)
         AS in_use`,
    )
    .get({ sha256 }) as { in_use: number };
  return row.in_use === 1;
}
