import type { RefObject } from 'react';
import type { DocumentRecord } from '../../src-main/shared/domain';
import type { DocumentsSort } from '../state/sort-documents';
import { DocumentRow } from './DocumentRow';
import { SortableHeader } from './SortableHeader';
import './DocumentTable.css';

/** The documents as a table, in the order given, with sortable Name, Size and Added columns. */
export function DocumentTable({
  documents,
  sort,
  onSort,
  onRemove,
  containerRef,
}: {
  readonly documents: readonly DocumentRecord[];
  readonly sort: DocumentsSort;
  readonly onSort: (sort: DocumentsSort) => void;
  readonly onRemove: (document: DocumentRecord, index: number) => void;
  readonly containerRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div className="document-table" ref={containerRef}>
      <table className="document-table__table">
        <caption className="visually-hidden">Documents for this filing</caption>
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
        <tbody>
          {documents.map((document, index) => (
            <DocumentRow key={document.id} document={document} onRemove={() => onRemove(document, index)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
