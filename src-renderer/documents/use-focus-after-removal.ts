import { useEffect, useRef, type RefObject } from 'react';

/** The rows this hook moves focus to: each document row of the table's body. */
const rowSelector = 'tbody > tr';

/**
 * Keeps a keyboard user's place when a row is removed: focus goes to the row now in the removed row's place (or the
 * last row), or to the fallback (the screen's heading) when the list is empty. Never to another Remove button: a
 * second press of Enter or Space would remove the next document too. A row takes focus without doing anything, and
 * a screen reader reads it out; the live region has said what was removed and how to undo it.
 * Returns the function to call with the removed row's index before removing it (null to cancel).
 */
export function useFocusAfterRemoval(
  container: RefObject<HTMLElement | null>,
  fallback: RefObject<HTMLElement | null>,
  rowCount: number,
): (index: number | null) => void {
  const pendingIndex = useRef<number | null>(null);
  useEffect(() => {
    const index = pendingIndex.current;
    if (index === null) {
      return;
    }
    pendingIndex.current = null;
    const rows = container.current?.querySelectorAll<HTMLElement>(rowSelector);
    const target = rowCount > 0 ? rows?.item(Math.min(index, rowCount - 1)) : null;
    (target ?? fallback.current)?.focus();
  }, [container, fallback, rowCount]);
  return (index) => {
    pendingIndex.current = index;
  };
}
