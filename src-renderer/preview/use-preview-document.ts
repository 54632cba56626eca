import { useCallback, useEffect, useRef } from 'react';
import type { PreviewDocument } from './pdf-document';

/** One document opened for preview, kept while its findings are on screen. */
interface OpenedDocument {
  readonly id: string;
  readonly opening: Promise<PreviewDocument>;
}

/**
 * Gives the findings panel one way to open the selected document for preview: the first preview reads its bytes
 * and opens it, the others share it, and it is closed as soon as another document is chosen or the panel goes.
 * pdf.js is loaded only then, so a window that never shows a page never loads it.
 */
export function usePreviewDocument(
  documentId: string,
  readContent: (id: string) => Promise<Uint8Array>,
): () => Promise<PreviewDocument> {
  const opened = useRef<OpenedDocument | null>(null);

  useEffect(
    () => () => {
      const held = opened.current;
      opened.current = null;
      held?.opening.then((document) => document.close()).catch(() => undefined);
    },
    [documentId],
  );

  return useCallback(() => {
    if (opened.current?.id === documentId) {
      return opened.current.opening;
    }
    const opening = (async () => {
      const bytes = await readContent(documentId);
      const { openPreviewDocument } = await import('./pdf-document');
      return openPreviewDocument(bytes);
    })();
    const entry: OpenedDocument = { id: documentId, opening };
    opened.current = entry;
    // A failed opening is not kept, so "Try again" reads the document afresh.
    opening.catch(() => {
      if (opened.current === entry) {
        opened.current = null;
      }
    });
    return opening;
  }, [documentId, readContent]);
}
