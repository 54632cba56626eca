import type { DocumentRecord } from '../../src-main/shared/domain';
import { Icon } from '../components/Icon';
import { formatBytes } from '../format/format-bytes';
import { formatDateTime } from '../format/format-date-time';
import { CopyButton } from './CopyButton';
import { DocumentStatus } from './DocumentStatus';

/** How many characters of the SHA-256 the list shows: enough to tell files apart at a glance. */
const shortHashLength = 12;

/** One document in the list: its facts, its status and its Remove button. */
export function DocumentRow({ document, onRemove }: { readonly document: DocumentRecord; readonly onRemove: () => void }) {
  const added = formatDateTime(document.addedAt);
  return (
    <tr className={document.problem ? 'document-row document-row--problem' : 'document-row'} data-testid="document-row" data-document-name={document.name}>
      <th scope="row" className="document-row__name">
        <span className="document-row__name-inner">
          <Icon name="document" className="icon document-row__file-icon" />
          <span>
            <span>{document.name}</span>
            {/* On narrow windows (or at high zoom) the hash column folds into the name. */}
            <span className="document-row__hash-inline" title={document.sha256}>
              SHA-256 {document.sha256.slice(0, shortHashLength)}…
            </span>
          </span>
        </span>
      </th>
      <td className="document-row__number" data-testid="document-pages">
        {document.pages ?? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">not counted</span>
          </>
        )}
      </td>
      <td className="document-row__number" data-testid="document-size" title={`${document.bytes.toLocaleString('en-US')} bytes`}>
        {formatBytes(document.bytes)}
      </td>
      <td className="document-row__hash-cell">
        <span className="document-row__hash" data-testid="document-sha256" title={document.sha256}>
          {document.sha256.slice(0, shortHashLength)}
        </span>
        <span className="document-row__hash-more" aria-hidden="true">
          …
        </span>
        <CopyButton value={document.sha256} description={`the SHA-256 of ${document.name}`} />
      </td>
      <td className="document-row__added">
        <time dateTime={document.addedAt}>
          {added.date}
          <span className="document-row__time">{added.time}</span>
        </time>
      </td>
      <td className="document-row__status">
        <DocumentStatus problem={document.problem} />
      </td>
      <td className="document-row__actions">
        <button type="button" className="button button--quiet button--small" data-testid="remove" data-remove-button onClick={onRemove}>
          Remove<span className="visually-hidden"> {document.name}</span>
        </button>
      </td>
    </tr>
  );
}
