import type { FocusEvent, MouseEvent } from 'react';
import type { DocumentRecord } from '../../src-main/shared/domain';
import type { PreflightProgress } from '../../src-main/shared/preflight';
import { Icon } from '../components/Icon';
import { formatBytes } from '../format/format-bytes';
import { formatDateTime } from '../format/format-date-time';
import { CopyButton } from '../components/CopyButton';
import { DocumentStatus } from './DocumentStatus';

/** How many characters of the SHA-256 the list shows: enough to tell files apart at a glance. */
const shortHashLength = 12;

/** What a row needs beyond its document: its check's progress, whether it is selected, and what its controls do. */
export interface DocumentRowProps {
  readonly document: DocumentRecord;
  /** The copy of the same file (the same SHA-256) added before this one; null when this is the first. */
  readonly earlierCopy: DocumentRecord | null;
  readonly progress: PreflightProgress | undefined;
  readonly isSelected: boolean;
  /** Whether Tab lands on this row (one row of the list at a time; arrow keys move between them). */
  readonly isTabStop: boolean;
  readonly onSelect: () => void;
  readonly onFocus: () => void;
  readonly onRemove: () => void;
  readonly onCheckAgain: () => void;
  readonly onCancelCheck: () => void;
}

/** Whether an event started on one of the row's own controls, which keep their meaning and do not select the row. */
function isOnControl(event: MouseEvent | FocusEvent): boolean {
  return event.target instanceof Element && event.target.closest('button') !== null;
}

/** One document in the list: its facts, its status and its Remove button; clicking it shows its findings. */
export function DocumentRow({
  document,
  earlierCopy,
  progress,
  isSelected,
  isTabStop,
  onSelect,
  onFocus,
  onRemove,
  onCheckAgain,
  onCancelCheck,
}: DocumentRowProps) {
  const added = formatDateTime(document.addedAt);
  const classes = [
    'document-row',
    document.problem ? 'document-row--problem' : '',
    isSelected ? 'document-row--selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      className={classes}
      data-testid="document-row"
      data-document-name={document.name}
      data-document-id={document.id}
      tabIndex={isTabStop ? 0 : -1}
      aria-selected={isSelected}
      onClick={(event) => {
        if (!isOnControl(event)) {
          onSelect();
        }
      }}
      onFocus={(event) => {
        if (!isOnControl(event)) {
          onFocus();
        }
      }}
    >
      <th scope="row" className="document-row__name">
        <span className="document-row__name-inner">
          <Icon name="document" className="icon document-row__file-icon" />
          <span>
            <span>{document.name}</span>
            {/* On narrow windows (or at high zoom) the hash column folds into the name. */}
            <span className="document-row__hash-inline" title={document.sha256}>
              SHA-256 {document.sha256.slice(0, shortHashLength)}…
            </span>
            {earlierCopy && (
              <span className="document-row__duplicate" data-testid="document-duplicate">
                Duplicate of {earlierCopy.name}, added earlier: the same file (same SHA-256).
              </span>
            )}
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
      <td
        className="document-row__number"
        data-testid="document-size"
        title={`${document.bytes.toLocaleString('en-US')} bytes`}
      >
        {formatBytes(document.bytes)}
      </td>
      <td className="document-row__hash-cell">
        <span className="document-row__hash" data-testid="document-sha256" title={document.sha256}>
          {document.sha256.slice(0, shortHashLength)}
        </span>
        <span className="document-row__hash-more" aria-hidden="true">
          …
        </span>
        <CopyButton
          value={document.sha256}
          description={`the SHA-256 of ${document.name}`}
          unavailableHint="The clipboard is not available here. The full value is in the tooltip."
          isHiddenWithoutClipboard
        />
      </td>
      <td className="document-row__added">
        <time dateTime={document.addedAt}>
          {added.date}
          <span className="document-row__time">{added.time}</span>
        </time>
      </td>
      <td className="document-row__status">
        <DocumentStatus
          document={document}
          progress={progress}
          onCheckAgain={onCheckAgain}
          onCancelCheck={onCancelCheck}
        />
      </td>
      <td className="document-row__actions">
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="remove"
          data-remove-button
          onClick={onRemove}
        >
          Remove<span className="visually-hidden"> {document.name}</span>
        </button>
      </td>
    </tr>
  );
}
