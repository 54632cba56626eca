import type { DocumentRecord } from '../../src-main/shared/domain';

/**
 * For each document whose file was added before (the same SHA-256), the copy added first, by the later copy's id.
 * The document store keeps the bytes once, but each addition is its own record, with its own name, check and fixes,
 * and may be attached to its own filing; so the list keeps every record and marks the later copies instead of
 * folding them into one, and removing one copy never takes another with it.
 */
export function findEarlierCopies(documents: readonly DocumentRecord[]): ReadonlyMap<string, DocumentRecord> {
  const oldestFirst = [...documents].sort((a, b) => Date.parse(a.addedAt) - Date.parse(b.addedAt));
  const firstBySha256 = new Map<string, DocumentRecord>();
  const earlier = new Map<string, DocumentRecord>();
  for (const document of oldestFirst) {
    const first = firstBySha256.get(document.sha256);
    if (first) {
      earlier.set(document.id, first);
    } else {
      firstBySha256.set(document.sha256, document);
    }
  }
  return earlier;
}
