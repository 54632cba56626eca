import { useEffect, useLayoutEffect, useState, type HTMLAttributes, type ReactNode } from 'react';

/** Rows drawn beyond the visible ones on each side, so a quick scroll does not show blank space. */
const overscanRows = 6;

/** The root font size in pixels, so a row height in rem follows the user's text size and zoom. */
function rootFontPixels(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

/** What the windowed list needs: how many rows, how tall each is, and how to draw one. */
export interface VirtualListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onScroll'> {
  readonly rowCount: number;
  /** Every row has this height, in rem. */
  readonly rowHeightRem: number;
  /** Draws the row at this place; `top` (in pixels) positions it in the list. */
  readonly renderRow: (index: number, top: number) => ReactNode;
  /** The row to keep in view (the keyboard's place), or null. */
  readonly keepInView: number | null;
  /** Told which rows are drawn, so the data behind them can be loaded. */
  readonly onRangeChange?: (first: number, last: number) => void;
}

/**
 * A list that draws only the rows in view (and a few either side), so 100,000 notices scroll as smoothly as 10.
 * Every row has one fixed height, so a row's place is its index times that height and nothing needs measuring.
 */
export function VirtualList({
  rowCount,
  rowHeightRem,
  renderRow,
  keepInView,
  onRangeChange,
  style,
  ...attributes
}: VirtualListProps) {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const rowHeight = rowHeightRem * rootFontPixels();

  useLayoutEffect(() => {
    if (!scroller) {
      return;
    }
    // A host that lays nothing out (a test, a hidden window) reports 0: assume the window's height until it does.
    const measure = (): void => setViewportHeight(scroller.clientHeight || window.innerHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  useLayoutEffect(() => {
    if (!scroller || keepInView === null) {
      return;
    }
    const top = keepInView * rowHeight;
    if (top < scroller.scrollTop) {
      scroller.scrollTop = top;
    } else if (top + rowHeight > scroller.scrollTop + viewportHeight) {
      scroller.scrollTop = top + rowHeight - viewportHeight;
    }
    setScrollTop(scroller.scrollTop);
  }, [scroller, keepInView, rowHeight, viewportHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscanRows);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscanRows);

  useEffect(() => {
    if (rowCount > 0) {
      onRangeChange?.(first, last);
    }
  }, [first, last, rowCount, onRangeChange]);

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index += 1) {
    rows.push(renderRow(index, index * rowHeight));
  }

  return (
    <div
      ref={setScroller}
      style={{ ...style, overflowY: 'auto', position: 'relative' }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      {...attributes}
    >
      <div style={{ position: 'relative', height: rowCount * rowHeight }}>{rows}</div>
    </div>
  );
}
