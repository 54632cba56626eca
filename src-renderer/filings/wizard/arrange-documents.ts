import type { DocumentType, DraftDocument } from '../../../src-main/shared/filing';
import { moveItem } from './move-item';

/**
 * CM/ECF takes the main document first and the attachments after it, and the court's rules check that the first is
 * typed as the main document. So the place and the type move together: the paralegal who puts a PDF at the top means
 * it to be the main document, and the one who chooses "Main document" as a type means it to go first. The document it
 * displaces becomes an exhibit, the commonest attachment, shown in its Type menu where it can be changed.
 */
function withMainFirst(documents: readonly DraftDocument[]): DraftDocument[] {
  return documents.map((document, index) => {
    if (index === 0) {
      return document.type === 'main' ? document : { ...document, type: 'main' };
    }
    return document.type === 'main' ? { ...document, type: 'exhibit' } : document;
  });
}

/** Moves a document to another place; one that arrives at the top becomes the main document, and the former one an exhibit. */
export function moveDocument(documents: readonly DraftDocument[], from: number, to: number): DraftDocument[] {
  const moved = moveItem(documents, from, to);
  // Reordering attachments among themselves leaves every type as the paralegal chose it.
  return moved[0] === documents[0] ? moved : withMainFirst(moved);
}

/**
 * Gives a document another type. "Main document" takes it to the top (the former main document becomes an exhibit);
 * any other type leaves it in its place, so a first document typed otherwise leaves the filing without a main document,
 * which the list says beside it and the review blocks.
 */
export function changeDocumentType(
  documents: readonly DraftDocument[],
  index: number,
  type: DocumentType,
): DraftDocument[] {
  if (type === 'main') {
    return withMainFirst(moveItem(documents, index, 0));
  }
  return documents.map((document, at) => (at === index ? { ...document, type } : document));
}
