import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import './Dialog.css';

const focusableSelector =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** What a modal dialog needs: its title, what takes focus first, and what closing it does. */
export interface DialogProps {
  readonly title: string;
  /** `alertdialog` for a question that needs an answer (a confirmation). */
  readonly role?: 'dialog' | 'alertdialog';
  readonly testId: string;
  /** The id of the text that says what the dialog asks (an alert dialog's question). */
  readonly descriptionId?: string;
  /** The element to focus on opening; the dialog's first control when absent. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes on closing when the control that opened the dialog is gone. */
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  /** Called on Escape; the owner decides whether to close. */
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/**
 * A modal dialog: focus moves in on opening, Tab stays inside, Escape closes, and focus goes back to the
 * control that opened it. Clicking outside does nothing, so half-typed details are never lost by a stray click.
 */
export function Dialog({
  title,
  role = 'dialog',
  testId,
  descriptionId,
  initialFocus,
  fallbackFocus,
  onClose,
  children,
}: DialogProps) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  // A layout effect: focus is in place when the commit that opens or closes the dialog ends, before anyone (a test, a
  // keystroke) looks, rather than once passive effects are flushed later.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      initialFocus?.current ?? panelRef.current?.querySelector<HTMLElement>(focusableSelector) ?? panelRef.current;
    first?.focus();
    return () => {
      const target = opener?.isConnected ? opener : fallbackFocus.current;
      target?.focus();
    };
    // Focus moves in once, on opening; later renders must not pull it back.
  }, []);

  const keepFocusInside = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') {
      return;
    }
    const focusable = Array.from(panelRef.current?.querySelectorAll<HTMLElement>(focusableSelector) ?? []);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) {
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panelRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={panelRef}
        className="dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={keepFocusInside}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
