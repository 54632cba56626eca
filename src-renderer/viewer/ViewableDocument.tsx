import { useCallback, useState } from 'react';
import { usePreviewDocument } from '../preview/use-preview-document';
import { DocumentViewer } from './DocumentViewer';

/** What a document the user can open in the viewer needs: its id, its names, and how to read its bytes. */
export interface ViewableDocumentProps {
  readonly documentId: string;
  /** The document's name as the screen shows it. */
  readonly name: string;
  /** The name a saved copy gets. */
  readonly fileName: string;
  readonly isShownAtFirst: boolean;
  readonly readDocument: (id: string) => Promise<Uint8Array>;
}

/**
 * A "View the document" button that opens the document viewer in place, and closes it again. Nothing is read and
 * pdf.js is not loaded until the viewer is shown, so a list of documents costs nothing to show.
 */
export function ViewableDocument({ documentId, name, fileName, isShownAtFirst, readDocument }: ViewableDocumentProps) {
  const [isShown, setShown] = useState(isShownAtFirst);
  const openDocument = usePreviewDocument(documentId, readDocument);
  const readBytes = useCallback(() => readDocument(documentId), [readDocument, documentId]);
  return (
    <div className="viewable-document">
      <button
        type="button"
        className="button button--quiet button--small"
        data-testid="toggle-viewer"
        aria-expanded={isShown}
        onClick={() => setShown(!isShown)}
      >
        {isShown ? 'Hide the document' : 'View the document'}
      </button>
      {isShown && <DocumentViewer name={name} fileName={fileName} openDocument={openDocument} readBytes={readBytes} />}
    </div>
  );
}
