import { useEffect, useRef, useState } from 'react';

/** How long typing may pause before a text field is saved. */
const saveDelayMilliseconds = 400;

/**
 * A text field's value kept here while the user types, saved once typing pauses; a change still waiting is saved
 * when the field goes away (the user moved to another step), so nothing typed is lost.
 */
export function useDebouncedText(
  initial: string,
  save: (value: string) => void,
): readonly [string, (value: string) => void] {
  const [value, setValue] = useState(initial);
  const pending = useRef<{ readonly value: string; readonly timer: ReturnType<typeof setTimeout> } | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(
    () => () => {
      if (!pending.current) {
        return;
      }
      clearTimeout(pending.current.timer);
      saveRef.current(pending.current.value);
      pending.current = null;
    },
    [],
  );

  const change = (next: string): void => {
    setValue(next);
    if (pending.current) {
      clearTimeout(pending.current.timer);
    }
    const timer = setTimeout(() => {
      pending.current = null;
      saveRef.current(next);
    }, saveDelayMilliseconds);
    pending.current = { value: next, timer };
  };
  return [value, change];
}
