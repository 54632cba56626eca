import { z } from 'zod';
import { documentType, draftDocument, type DraftDocument } from './filing';

const documentId = z.string().min(1).max(100);

/**
 * One change to a filing's list of documents, as the wizard asks for it. Main applies it to the list as it is when the
 * change arrives, not to the wizard's copy: a certificate of service main attached meanwhile, or a PDF added from
 * another window, stays in the filing whatever the wizard had on screen when it asked.
 */
export const documentsChange = z.discriminatedUnion('kind', [
  /**
   * PDFs go last, in this order, as exhibits; into a filing with none of the user's own yet (empty, or only a certificate
   * ECF Desk made) the first goes first, as the main document.
   */
  z.object({ kind: z.literal('attach'), documentIds: z.array(documentId).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('remove'), documentId }).strict(),
  /** Undo of a removal: the document goes back to its place, with its type and description. */
  z.object({ kind: z.literal('restore'), document: draftDocument, index: z.number().int().min(0).max(100) }).strict(),
  z.object({ kind: z.literal('move'), documentId, to: z.number().int().min(0).max(100) }).strict(),
  z.object({ kind: z.literal('type'), documentId, type: documentType }).strict(),
  z.object({ kind: z.literal('describe'), documentId, description: draftDocument.shape.description }).strict(),
  /**
   * A fix undone: the filing had moved from the original to the fix's versions (a split to every part), so the first
   * version in the list becomes the original again, keeping its place, type and description, and the others leave.
   */
  z
    .object({ kind: z.literal('undo-fix'), versionIds: z.array(documentId).min(1).max(100), originalId: documentId })
    .strict(),
]);
/** A change to a filing's list of documents. */
export type DocumentsChange = z.infer<typeof documentsChange>;

/** Moves one item of a list to another position, keeping the rest in order. */
function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  if (item === undefined) {
    return moved;
  }
  moved.splice(Math.max(0, Math.min(to, moved.length)), 0, item);
  return moved;
}

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
function moveDocument(documents: readonly DraftDocument[], from: number, to: number): DraftDocument[] {
  const moved = moveItem(documents, from, to);
  // Reordering attachments among themselves leaves every type as the paralegal chose it.
  return moved[0] === documents[0] ? moved : withMainFirst(moved);
}

/**
 * Gives a document another type. "Main document" takes it to the top (the former main document becomes an exhibit);
 * any other type leaves it in its place, so a first document typed otherwise leaves the filing without a main document,
 * which the list says beside it and the review blocks.
 */
function changeType(documents: readonly DraftDocument[], index: number, type: DraftDocument['type']): DraftDocument[] {
  if (type === 'main') {
    return withMainFirst(moveItem(documents, index, 0));
  }
  return documents.map((document, at) => (at === index ? { ...document, type } : document));
}

/** The first listed version becomes the original again; the other versions leave (see `documentsChange`). */
function undoFix(documents: readonly DraftDocument[], versionIds: readonly string[], originalId: string) {
  const versions = new Set(versionIds);
  let isOriginalBack = false;
  return documents.flatMap((document): DraftDocument[] => {
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

/**
 * The list once `change` is applied. A change about a document no longer in the list (removed meanwhile) leaves the
 * list as it is, and a PDF already in the filing is not attached twice.
 */
export function arrangeDocuments(documents: readonly DraftDocument[], change: DocumentsChange): DraftDocument[] {
  const at = 'documentId' in change ? documents.findIndex((each) => each.documentId === change.documentId) : -1;
  switch (change.kind) {
    case 'attach': {
      const listed = new Set(documents.map((document) => document.documentId));
      // Only documents main made (a certificate of service) so far: the first PDF of the user's own is the main document,
      // and goes first, where CM/ECF takes it.
      const isFirstOwn = documents.every((document) => document.generatedFrom !== undefined);
      const added = [...new Set(change.documentIds)]
        .filter((id) => !listed.has(id))
        .map((id, index): DraftDocument => ({
          documentId: id,
          type: isFirstOwn && index === 0 ? 'main' : 'exhibit',
          description: '',
        }));
      return isFirstOwn ? [...added.slice(0, 1), ...documents, ...added.slice(1)] : [...documents, ...added];
    }
    case 'restore': {
      const others = documents.filter((each) => each.documentId !== change.document.documentId);
      return [...others.slice(0, change.index), change.document, ...others.slice(change.index)];
    }
    case 'undo-fix':
      return undoFix(documents, change.versionIds, change.originalId);
    case 'remove':
      return at < 0 ? [...documents] : documents.filter((_, index) => index !== at);
    case 'move':
      return at < 0 ? [...documents] : moveDocument(documents, at, change.to);
    case 'type':
      return at < 0 ? [...documents] : changeType(documents, at, change.type);
    case 'describe':
      return documents.map((document, index) =>
        index === at ? { ...document, description: change.description } : document,
      );
  }
}
