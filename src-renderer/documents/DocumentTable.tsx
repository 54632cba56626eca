import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { DocumentRecord } from '../../src-main/shared/domain';
import type { PreflightProgress } from '../../src-main/shared/preflight';
import type { DocumentsSort } from '../state/sort-documents';
import { DocumentRow } from './DocumentRow';
import { SortableHeader } from './SortableHeader';
import './DocumentTable.css';

/** What the table shows and what its rows do. */
export interface DocumentTableProps {
  readonly documents: readonly DocumentRecord[];
  /** For each later copy of a file already in the list, the copy added first (by the later copy's id). */
  readonly earlierCopies: ReadonlyMap<string, DocumentRecord>;
  readonly sort: DocumentsSort;
  readonly checkProgress: Readonly<Record<string, PreflightProgress>>;
  readonly selectedId: string | null;
  readonly onSort: (sort: DocumentsSort) => void;
  readonly onSelect: (document: DocumentRecord) => void;
  readonly onRemove: (document: DocumentRecord, index: number) => void;
  readonly onCheckAgain: (document: DocumentRecord) => void;
  readonly onCancelCheck: (document: DocumentRecord) => void;
  readonly containerRef: RefObject<HTMLDivElement | null>;
}

/** The row a key moves focus to, from the row at `index` of `count`; null for keys that do not move. */
function targetRow(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The documents as a table, in the order given, with sortable Name, Size and Added columns. One row at a time is
 * in the Tab order; arrow keys, Home and End move between rows, and Enter or Space shows a row's findings.
 */
export function DocumentTable({
  documents,
  earlierCopies,
  sort,
  checkProgress,
  selectedId,
  onSort,
  onSelect,
  onRemove,
  onCheckAgain,
  onCancelCheck,
  containerRef,
}: DocumentTableProps) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const ids = documents.map((document) => document.id);
  const tabStopId = [focusedId, selectedId].find((id) => id !== null && ids.includes(id)) ?? ids[0];

  const handleKey = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    // Keys pressed on a row's own buttons keep their usual meaning.
    if (!(event.target instanceof HTMLTableRowElement)) {
      return;
    }
    const rows = [...event.currentTarget.querySelectorAll<HTMLTableRowElement>(':scope > tr')];
    const index = rows.indexOf(event.target);
    const document = documents[index];
    if (!document) {
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(document);
      return;
    }
    const next = targetRow(event.key, index, rows.length);
    if (next === null) {
      return;
    }
    event.preventDefault();
    rows[next]?.focus();
  };

  return (
    <div className="document-table" ref={containerRef}>
      <table className="document-table__table">
        <caption className="visually-hidden">
          Every document added to ECF Desk, for any filing; a duplicate is marked. Select a row to see what preflight
          found.
        </caption>
        <thead>
          <tr>
            <SortableHeader label="Name" sort="name" activeSort={sort} onSort={onSort} />
            <th scope="col" className="document-table__number">
              Pages
            </th>
            <SortableHeader label="Size" sort="size" activeSort={sort} onSort={onSort} isNumeric />
            <th scope="col" className="document-table__hash">
              SHA-256
            </th>
            <SortableHeader label="Added" sort="added" activeSort={sort} onSort={onSort} />
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={handleKey}>
          {documents.map((document, index) => (
            <DocumentRow
              key={document.id}
              document={document}
              earlierCopy={earlierCopies.get(document.id) ?? null}
              progress={checkProgress[document.id]}
              isSelected={document.id === selectedId}
              isTabStop={document.id === tabStopId}
              onSelect={() => onSelect(document)}
              onFocus={() => setFocusedId(document.id)}
              onRemove={() => onRemove(document, index)}
              onCheckAgain={() => onCheckAgain(document)}
              onCancelCheck={() => onCancelCheck(document)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
