import type { SaveState } from '../../state/filings-store';

const words: Readonly<Record<SaveState, string>> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

/** Says quietly whether the latest change is saved; a failure is also in the banner, with main's reason. */
export function SaveIndicator({ state }: { readonly state: SaveState }) {
  return (
    <span
      className={`save-indicator save-indicator--${state}`}
      data-testid="save-indicator"
      data-state={state}
      role="status"
    >
      {words[state]}
    </span>
  );
}
