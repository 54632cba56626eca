import type { DocumentsSort } from '../state/sort-documents';

/** Which way each order runs, as `aria-sort` names it. */
const directions: Record<DocumentsSort, 'ascending' | 'descending'> = {
  added: 'descending',
  name: 'ascending',
  size: 'descending',
};
/** What each order does, in words for the tooltip. */
const explanations: Record<DocumentsSort, string> = {
  added: 'Sort newest first',
  name: 'Sort by name, A to Z',
  size: 'Sort largest first',
};

/** A column header that orders the list by its column when clicked. */
export function SortableHeader({
  label,
  sort,
  activeSort,
  onSort,
  isNumeric = false,
}: {
  readonly label: string;
  readonly sort: DocumentsSort;
  readonly activeSort: DocumentsSort;
  readonly onSort: (sort: DocumentsSort) => void;
  /** Numbers line up on the right, and so does their header. */
  readonly isNumeric?: boolean;
}) {
  const isActive = sort === activeSort;
  return (
    <th
      scope="col"
      className={isNumeric ? 'document-table__number' : undefined}
      aria-sort={isActive ? directions[sort] : undefined}
    >
      <button
        type="button"
        className={isActive ? 'sortable-header sortable-header--active' : 'sortable-header'}
        title={explanations[sort]}
        onClick={() => onSort(sort)}
      >
        {label}
        <span className="sortable-header__arrow" aria-hidden="true">
          {directions[sort] === 'ascending' ? '↑' : '↓'}
        </span>
      </button>
    </th>
  );
}
