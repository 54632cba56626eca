import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const feedbackMilliseconds = 2000;

const labels: Readonly<Record<CopyState, string>> = { idle: 'Copy', copied: 'Copied', failed: 'Not copied' };

/** What a screen reader hears after a press; the text stays selectable, so a failed copy can still be done by hand. */
const announcements: Readonly<Record<CopyState, string>> = {
  idle: '',
  copied: 'Copied to the clipboard.',
  failed: 'The clipboard is not available. Select the text and copy it yourself.',
};

/** A Copy button for a phone number, email or address; the app opens no links, so copying is how a value leaves it. */
export function CopyTextButton({ value, description }: { readonly value: string; readonly description: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), feedbackMilliseconds);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = (): void => {
    // Some hosts (plain http pages, locked-down windows) have no clipboard API at all.
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
        {labels[state]}{' '}
        <span className="visually-hidden">{description}</span>
      </button>
      <span className="visually-hidden" aria-live="polite">
        {announcements[state]}
      </span>
    </>
  );
}
