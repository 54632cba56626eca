import type { DocumentRecord, Settings } from '../../src-main/shared/domain';

/** How the documents list is ordered (a user setting). */
export type DocumentsSort = Settings['documentsSort'];

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const compare: Record<DocumentsSort, (a: DocumentRecord, b: DocumentRecord) => number> = {
  added: (a, b) => Date.parse(b.addedAt) - Date.parse(a.addedAt),
  name: (a, b) => byName.compare(a.name, b.name),
  // Largest first: size is what the court's upload limits care about.
  size: (a, b) => b.bytes - a.bytes,
};

/** Returns the documents in the chosen order: newest first, by name (Exhibit 2 before Exhibit 10), or largest first. */
export function sortDocuments(documents: readonly DocumentRecord[], sort: DocumentsSort): DocumentRecord[] {
  return [...documents].sort(compare[sort]);
}
