import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { DraftDocument } from '../../../src-main/shared/filing';

/**
 * A filing's documents once a fix is undone: main moved the filing to the fix's versions (a split to every part), so
 * the first of them becomes the original again, keeping its place, type and description, and the other parts leave.
 * `records` are the documents as listed before the undo, when the versions still were.
 */
export function followUndoneFix(
  documents: readonly DraftDocument[],
  records: readonly DocumentRecord[],
  originalId: string,
): DraftDocument[] {
  const versions = new Set(
    records.filter((record) => record.fixedFrom?.fromId === originalId).map((record) => record.id),
  );
  let isOriginalBack = false;
  return documents.flatMap((document) => {
    if (!versions.has(document.documentId)) {
      return [document];
    }
    if (isOriginalBack) {
      return [];
    }
    isOriginalBack = true;
    return [{ ...document, documentId: originalId }];
  });
}
