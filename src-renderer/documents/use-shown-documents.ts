import { useMemo } from 'react';
import type { DocumentRecord } from '../../src-main/shared/domain';
import { useDocuments } from '../state/StoresProvider';

/** The documents as a screen shows them: a fix this window asked for shows at once, before main's list says so. */
export function useShownDocuments(): readonly DocumentRecord[] {
  const documents = useDocuments((state) => state.documents);
  const fixing = useDocuments((state) => state.fixing);
  return useMemo(
    () =>
      documents.map((document): DocumentRecord => {
        const asked = fixing[document.id];
        return document.fixing === null && asked !== undefined ? { ...document, fixing: { fix: asked } } : document;
      }),
    [documents, fixing],
  );
}
