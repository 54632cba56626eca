import { useEffect, useRef, type RefObject } from 'react';

/** The Remove buttons this hook moves focus between carry this attribute. */
const removeButtonSelector = '[data-remove-button]';

/**
 * Keeps a keyboard user's place when a row is removed: focus goes to the Remove button now in the
 * removed row's place (or the last one), or to the fallback when the list is empty.
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
    const buttons = container.current?.querySelectorAll<HTMLElement>(removeButtonSelector);
    const target = rowCount > 0 ? buttons?.item(Math.min(index, rowCount - 1)) : null;
    (target ?? fallback.current)?.focus();
  }, [container, fallback, rowCount]);
  return (index) => {
    pendingIndex.current = index;
  };
}
