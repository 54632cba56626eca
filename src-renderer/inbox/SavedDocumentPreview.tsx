import { useState } from 'react';
import type { Finding } from '../../src-main/shared/preflight';
import { PagePreview } from '../documents/PagePreview';
import { usePreviewDocument } from '../preview/use-preview-document';

/** The page preview outlines a finding's boxes; a saved notice document has none to outline, only its first page to show. */
const nothingOutlined: Finding = {
  code: 'page-size',
  severity: 'info',
  message: 'The first page of the saved document.',
};

/** Page 1 of a saved document, drawn only when asked, so opening a notice does not load pdf.js for every attachment. */
export function SavedDocumentPreview({
  documentId,
  isShownAtFirst,
  readDocument,
}: {
  readonly documentId: string;
  readonly isShownAtFirst: boolean;
  readonly readDocument: (id: string) => Promise<Uint8Array>;
}) {
  const [isShown, setShown] = useState(isShownAtFirst);
  const openDocument = usePreviewDocument(documentId, readDocument);
  return (
    <div className="notice-document__preview">
      <button
        type="button"
        className="button button--quiet button--small"
        aria-expanded={isShown}
        onClick={() => setShown(!isShown)}
      >
        {isShown ? 'Hide page 1' : 'Show page 1'}
      </button>
      {isShown && <PagePreview finding={nothingOutlined} page={1} openDocument={openDocument} />}
    </div>
  );
}
