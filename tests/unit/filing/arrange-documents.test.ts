import { describe, expect, it } from 'vitest';
import { arrangeDocuments, documentsChange, type DocumentsChange } from '../../../src-main/shared/arrange-documents';
import type { DraftDocument } from '../../../src-main/shared/filing';

const motion: DraftDocument = { documentId: 'motion', type: 'main', description: '' };
const exhibitA: DraftDocument = { documentId: 'a', type: 'exhibit', description: 'Exhibit A' };
const order: DraftDocument = { documentId: 'order', type: 'proposed-order', description: '' };
const certificate: DraftDocument = {
  documentId: 'cos',
  type: 'certificate-of-service',
  description: 'Certificate of Service',
  generatedFrom: 'f'.repeat(64),
};
const listed = [motion, exhibitA, order];

const ids = (documents: readonly DraftDocument[]): string[] => documents.map((document) => document.documentId);
const types = (documents: readonly DraftDocument[]): string[] => documents.map((document) => document.type);

describe('one change to the documents of a filing, applied to the list as main holds it', () => {
  it('attaches PDFs at the end, the first into an empty filing as the main document, and none twice', () => {
    const first = arrangeDocuments([], { kind: 'attach', documentIds: ['motion', 'a', 'a'] });
    expect(first).toEqual([
      { documentId: 'motion', type: 'main', description: '' },
      { documentId: 'a', type: 'exhibit', description: '' },
    ]);
    // The certificate main attached meanwhile stays where it is.
    const later = arrangeDocuments([motion, certificate], { kind: 'attach', documentIds: ['disclosure', 'motion'] });
    expect(ids(later)).toEqual(['motion', 'cos', 'disclosure']);
    expect(later[2]?.type).toBe('exhibit');
    // Made before any PDF of the user's own was added, it does not take the main document's place.
    const afterCertificate = arrangeDocuments([certificate], { kind: 'attach', documentIds: ['motion', 'a'] });
    expect(ids(afterCertificate)).toEqual(['motion', 'cos', 'a']);
    expect(types(afterCertificate)).toEqual(['main', 'certificate-of-service', 'exhibit']);
    // One of the user's own, even typed otherwise, is theirs to arrange: a PDF added goes last.
    const retyped = [{ ...motion, type: 'exhibit' as const }];
    expect(arrangeDocuments(retyped, { kind: 'attach', documentIds: ['a'] })).toEqual([
      ...retyped,
      { documentId: 'a', type: 'exhibit', description: '' },
    ]);
  });

  it('moves a document; the one that reaches the top becomes the main document and the former one an exhibit', () => {
    expect(ids(arrangeDocuments(listed, { kind: 'move', documentId: 'order', to: 1 }))).toEqual([
      'motion',
      'order',
      'a',
    ]);
    expect(types(arrangeDocuments(listed, { kind: 'move', documentId: 'order', to: 1 }))).toEqual([
      'main',
      'proposed-order',
      'exhibit',
    ]);
    const topped = arrangeDocuments(listed, { kind: 'move', documentId: 'a', to: 0 });
    expect(ids(topped)).toEqual(['a', 'motion', 'order']);
    expect(types(topped)).toEqual(['main', 'exhibit', 'proposed-order']);
    // Past the end means last.
    expect(ids(arrangeDocuments(listed, { kind: 'move', documentId: 'motion', to: 99 }))).toEqual([
      'a',
      'order',
      'motion',
    ]);
  });

  it('types a document "Main document" by taking it to the top, any other type in its place', () => {
    const main = arrangeDocuments(listed, { kind: 'type', documentId: 'order', type: 'main' });
    expect(ids(main)).toEqual(['order', 'motion', 'a']);
    expect(types(main)).toEqual(['main', 'exhibit', 'exhibit']);
    const retyped = arrangeDocuments(listed, { kind: 'type', documentId: 'motion', type: 'exhibit' });
    expect(ids(retyped)).toEqual(ids(listed));
    expect(types(retyped)).toEqual(['exhibit', 'exhibit', 'proposed-order']);
  });

  it('removes a document and puts it back in its place with its type and description', () => {
    const removed = arrangeDocuments(listed, { kind: 'remove', documentId: 'a' });
    expect(ids(removed)).toEqual(['motion', 'order']);
    const restored = arrangeDocuments(removed, { kind: 'restore', document: exhibitA, index: 1 });
    expect(restored).toEqual(listed);
    // Restored twice (a double click) it is still there once.
    expect(arrangeDocuments(restored, { kind: 'restore', document: exhibitA, index: 1 })).toEqual(listed);
  });

  it('describes a document', () => {
    const described = arrangeDocuments(listed, {
      kind: 'describe',
      documentId: 'order',
      description: 'Proposed order',
    });
    expect(described[2]).toEqual({ ...order, description: 'Proposed order' });
    expect(described.slice(0, 2)).toEqual(listed.slice(0, 2));
  });

  it('undoes a fix: the first version becomes the original in its place, the other parts leave', () => {
    const split = [motion, { ...exhibitA, documentId: 'a-part-1' }, { ...exhibitA, documentId: 'a-part-2' }, order];
    const undone = arrangeDocuments(split, { kind: 'undo-fix', versionIds: ['a-part-1', 'a-part-2'], originalId: 'a' });
    expect(undone).toEqual(listed);
  });

  it('leaves the list as it is when the document changed is no longer in it', () => {
    for (const change of [
      { kind: 'remove', documentId: 'gone' },
      { kind: 'move', documentId: 'gone', to: 0 },
      { kind: 'type', documentId: 'gone', type: 'main' },
      { kind: 'describe', documentId: 'gone', description: 'x' },
      { kind: 'undo-fix', versionIds: ['gone'], originalId: 'back' },
    ] satisfies DocumentsChange[]) {
      expect(arrangeDocuments(listed, change)).toEqual(listed);
    }
  });

  it('takes only changes it knows, within bounds, from the renderer', () => {
    expect(documentsChange.safeParse({ kind: 'attach', documentIds: ['motion'] }).success).toBe(true);
    expect(documentsChange.safeParse({ kind: 'attach', documentIds: [] }).success).toBe(false);
    expect(documentsChange.safeParse({ kind: 'replace', documents: listed }).success).toBe(false);
    expect(documentsChange.safeParse({ kind: 'move', documentId: 'a', to: -1 }).success).toBe(false);
    expect(documentsChange.safeParse({ kind: 'remove', documentId: 'a', extra: true }).success).toBe(false);
    expect(
      documentsChange.safeParse({ kind: 'attach', documentIds: Array.from({ length: 101 }, (_, at) => `d${at}`) })
        .success,
    ).toBe(false);
  });
});
