import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const feedbackMilliseconds = 2000;

const labels: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Not copied' };
const announcements: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied to the clipboard.',
  failed: 'The clipboard is not available here. The full value is in the tooltip.',
};

/** Copies a value to the clipboard, where the host offers one; says briefly whether it worked. */
export function CopyButton({ value, description }: { readonly value: string; readonly description: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), feedbackMilliseconds);
    return () => window.clearTimeout(timer);
  }, [state]);

  // Some hosts (plain http pages, locked-down windows) have no clipboard API; a button that cannot work is not shown.
  if (!navigator.clipboard) return null;

  const copy = (): void => {
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <>
      <button type="button" className="button button--quiet button--small" onClick={copy}>
        {labels[state]}
        <span className="visually-hidden"> {description}</span>
      </button>
      <span className="visually-hidden" aria-live="polite">
        {announcements[state]}
      </span>
    </>
  );
}
