import { useEffect, useState, type RefObject } from 'react';
import type { DocumentRecord } from '../../src-main/shared/domain';
import { Icon } from '../components/Icon';
import { describeCommandShortcut, isCommandShortcut } from '../shell/command-key';
import { useDocuments } from '../state/StoresProvider';
import './UndoToast.css';
import { useInBackground } from '../state/background';

const undoShortcutLabel = describeCommandShortcut('z');

/** Whether a key press is meant for a text field (where Ctrl+Z undoes typing, not the removal). */
function isTyping(event: KeyboardEvent): boolean {
  return (
    event.target instanceof HTMLElement &&
    (event.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName))
  );
}

/** How long undo is offered after a removal. */
const undoMilliseconds = 8000;

/** "Removed X. Undo" for a few seconds (or Ctrl+Z); the clock stops while the pointer or focus is on it, so nobody is rushed. */
export function UndoToast({
  removed,
  focusAfterward,
}: {
  readonly removed: DocumentRecord;
  readonly focusAfterward: RefObject<HTMLElement | null>;
}) {
  const undoRemove = useDocuments((state) => state.undoRemove);
  const inBackground = useInBackground();
  const dismissUndo = useDocuments((state) => state.dismissUndo);
  const [isHovered, setHovered] = useState(false);
  const [hasFocus, setHasFocus] = useState(false);
  const isHeld = isHovered || hasFocus;

  useEffect(() => {
    if (isHeld) {
      return;
    }
    const timer = window.setTimeout(() => dismissUndo(removed.id), undoMilliseconds);
    return () => window.clearTimeout(timer);
  }, [isHeld, dismissUndo, removed.id]);

  // The toast sits after the list, so keyboard users get a shortcut instead of tabbing past every row.
  useEffect(() => {
    const undoOnShortcut = (event: KeyboardEvent): void => {
      if (!isCommandShortcut(event, 'z') || isTyping(event)) {
        return;
      }
      event.preventDefault();
      inBackground('Undoing the removal', undoRemove());
    };
    window.addEventListener('keydown', undoOnShortcut);
    return () => window.removeEventListener('keydown', undoOnShortcut);
  }, [inBackground, undoRemove]);

  // The toast is about to go; focus inside it would otherwise fall back to the page's start.
  const leave = (): void => {
    if (hasFocus) {
      focusAfterward.current?.focus();
    }
  };

  return (
    <div
      className="undo-toast"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setHasFocus(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) {
          setHasFocus(false);
        }
      }}
    >
      <span className="undo-toast__text">Removed {removed.name}.</span>
      <button
        type="button"
        className="undo-toast__undo"
        data-testid="undo"
        aria-keyshortcuts="Control+Z Meta+Z"
        title={`Undo (${undoShortcutLabel})`}
        onClick={() => {
          leave();
          inBackground('Undoing the removal', undoRemove());
        }}
      >
        Undo
      </button>
      <button
        type="button"
        className="undo-toast__close"
        aria-label="Close"
        onClick={() => {
          leave();
          dismissUndo(removed.id);
        }}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
