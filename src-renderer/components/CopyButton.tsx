import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const feedbackMilliseconds = 2000;

const labels: Readonly<Record<CopyState, string>> = { idle: 'Copy', copied: 'Copied', failed: 'Not copied' };

/** What a Copy button needs: the value, what it is (for screen readers), and what to say when there is no clipboard. */
export interface CopyButtonProps {
  readonly value: string;
  readonly description: string;
  /** Said when copying fails; with `isHiddenWithoutClipboard`, a host without a clipboard shows no button at all. */
  readonly unavailableHint: string;
  readonly isHiddenWithoutClipboard?: boolean;
}

/** Copies a value to the clipboard and says briefly whether it worked; the app opens no links, so copying is how a value leaves it. */
export function CopyButton({ value, description, unavailableHint, isHiddenWithoutClipboard = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') {
      return;
    }
    const timer = window.setTimeout(() => setState('idle'), feedbackMilliseconds);
    return () => window.clearTimeout(timer);
  }, [state]);

  // Some hosts (plain http pages, locked-down windows) have no clipboard API at all.
  if (!navigator.clipboard && isHiddenWithoutClipboard) {
    return null;
  }

  const copy = (): void => {
    if (!navigator.clipboard) {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <>
      <button type="button" className="button button--quiet button--small" onClick={copy}>
        {labels[state]} <span className="visually-hidden">{description}</span>
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? unavailableHint : ''}
      </span>
    </>
  );
}
