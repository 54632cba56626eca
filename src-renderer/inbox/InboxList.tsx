import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useInbox } from '../state/StoresProvider';
import { groupByCase, listInOrder, type ListRow } from './group-by-case';
import { InboxRow } from './InboxRow';
import { VirtualList } from './VirtualList';
import './InboxList.css';
import { useInBackground } from '../state/background';

/** Two lines of text and their padding, in rem, so a row grows with the user's text size. */
const rowHeightRem = 3.75;
/** How far Page Up and Page Down move. */
const pageRows = 10;

/** The next notice row from a place, in a direction, skipping case headings; null when there is none. */
function findNotice(rows: readonly ListRow[], from: number, step: number): number | null {
  for (let index = from; index >= 0 && index < rows.length; index += step) {
    if (rows[index]?.kind === 'notice') {
      return index;
    }
  }
  return null;
}

/**
 * The notices, newest first (or under their cases), drawn a window at a time. The list is one tab stop: Up and Down
 * (and Home, End, Page Up, Page Down) move through it, Enter or a click opens the notice in the reader.
 */
export function InboxList({ isGrouped }: { readonly isGrouped: boolean }) {
  const items = useInbox((state) => state.items);
  const total = useInbox((state) => state.total);
  const selectedId = useInbox((state) => state.selectedId);
  const select = useInbox((state) => state.select);
  const ensureLoaded = useInbox((state) => state.ensureLoaded);
  const inBackground = useInBackground();
  const [activeRow, setActiveRow] = useState<number | null>(null);
  const idPrefix = useId();

  const rows = useMemo(() => (isGrouped ? groupByCase(items) : listInOrder(total)), [isGrouped, items, total]);
  const loadedCount = useMemo(() => items.reduce((count, item) => (item ? count + 1 : count), 0), [items]);

  // Grouping needs every notice of the result, so it loads them all (a page at a time).
  useEffect(() => {
    if (isGrouped) {
      ensureLoaded(0, total - 1);
    }
  }, [isGrouped, total, ensureLoaded]);

  // A new query or grouping moves the keyboard's place back to the top.
  useEffect(() => setActiveRow(null), [rows.length, isGrouped]);

  const onRangeChange = useCallback(
    (first: number, last: number) => {
      if (!isGrouped) {
        ensureLoaded(first, last);
      }
    },
    [isGrouped, ensureLoaded],
  );

  const itemAt = (row: ListRow | undefined) => (row?.kind === 'notice' ? items[row.index] : undefined);
  const open = (rowIndex: number): void => {
    setActiveRow(rowIndex);
    const item = itemAt(rows[rowIndex]);
    if (item) {
      inBackground('Opening the notice', select(item.id));
    }
  };

  const moveWithKeys = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = activeRow ?? findNotice(rows, 0, 1);
    if (current === null) {
      return;
    }
    const targets: Record<string, () => number | null> = {
      ArrowDown: () => (activeRow === null ? current : findNotice(rows, current + 1, 1)),
      ArrowUp: () => findNotice(rows, current - 1, -1),
      Home: () => findNotice(rows, 0, 1),
      End: () => findNotice(rows, rows.length - 1, -1),
      PageDown: () => findNotice(rows, Math.min(rows.length - 1, current + pageRows), -1),
      PageUp: () => findNotice(rows, Math.max(0, current - pageRows), 1),
    };
    if (event.key === 'Enter') {
      event.preventDefault();
      open(current);
      return;
    }
    const target = targets[event.key]?.();
    if (target === undefined) {
      return;
    }
    event.preventDefault();
    if (target !== null) {
      setActiveRow(target);
    }
  };

  const optionId = (rowIndex: number): string => `${idPrefix}-row-${rowIndex}`;
  const noticeCount = isGrouped ? rows.filter((row) => row.kind === 'notice').length : total;

  const renderRow = (rowIndex: number, top: number) => {
    const row = rows[rowIndex];
    const style = { top, height: `${rowHeightRem}rem` };
    if (!row) {
      return null;
    }
    if (row.kind === 'case') {
      return (
        <div key={`case-${row.caseNumber}`} role="presentation" className="inbox-list__case" style={style}>
          <span className="inbox-list__case-number">{row.caseNumber}</span>
          {row.caseName && <span className="inbox-list__case-name">{row.caseName}</span>}
          <span className="inbox-list__case-count">{row.count === 1 ? '1 notice' : `${row.count} notices`}</span>
        </div>
      );
    }
    const item = items[row.index];
    return (
      <InboxRow
        key={item?.id ?? `place-${row.index}`}
        item={item}
        optionId={optionId(rowIndex)}
        position={row.index + 1}
        setSize={total}
        isOpen={item !== undefined && item.id === selectedId}
        isActive={rowIndex === activeRow}
        style={style}
        onOpen={() => open(rowIndex)}
      />
    );
  };

  return (
    <div className="inbox-list">
      {isGrouped && loadedCount < total && (
        <p className="inbox-list__status" role="status">
          Grouping {loadedCount.toLocaleString()} of {total.toLocaleString()} notices…
        </p>
      )}
      <VirtualList
        className="inbox-list__scroller"
        role="listbox"
        aria-label={`Notices, ${noticeCount.toLocaleString()} in all`}
        aria-activedescendant={activeRow !== null ? optionId(activeRow) : undefined}
        tabIndex={0}
        data-testid="inbox-list"
        rowCount={rows.length}
        rowHeightRem={rowHeightRem}
        renderRow={renderRow}
        keepInView={activeRow}
        onRangeChange={onRangeChange}
        onKeyDown={moveWithKeys}
      />
    </div>
  );
}
