import { useId, type Ref } from 'react';
import type { FindState } from './use-find-in-document';

/** What the find bar shows and does: the words, the search's progress, which match is shown, and how to move. */
export interface FindBarProps {
  readonly ref?: Ref<HTMLInputElement>;
  readonly query: string;
  readonly found: FindState;
  readonly pageCount: number;
  readonly matchIndex: number | null;
  readonly onQueryChange: (query: string) => void;
  readonly onShowMatch: (direction: 1 | -1) => void;
}

/** "2 of 7 matches", "No matches", or how far the search has read, in words a screen reader announces. */
function describeFound(found: FindState, pageCount: number, matchIndex: number | null): string {
  if (found.query === '') {
    return '';
  }
  const count = found.matches.length;
  if (!found.isDone) {
    return `Searching… page ${found.pagesRead} of ${pageCount}, ${count === 1 ? '1 match' : `${count} matches`} so far`;
  }
  if (count === 0) {
    return `No matches for “${found.query}”. A page scanned as a picture has no text to find.`;
  }
  return `${matchIndex === null ? 1 : matchIndex + 1} of ${count === 1 ? '1 match' : `${count} matches`}`;
}

/** Find in the document: type the words, then Enter (or Next match) for the next, Shift+Enter for the one before. */
export function FindBar({ ref, query, found, pageCount, matchIndex, onQueryChange, onShowMatch }: FindBarProps) {
  const inputId = useId();
  const hasMatches = found.matches.length > 0;
  return (
    <div className="document-viewer__find" role="search">
      <label htmlFor={inputId}>Find in document</label>
      <input
        ref={ref}
        id={inputId}
        type="search"
        value={query}
        data-testid="viewer-find"
        aria-keyshortcuts="Control+F"
        className="document-viewer__find-input"
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onShowMatch(event.shiftKey ? -1 : 1);
          }
        }}
      />
      <button
        type="button"
        className="button button--small"
        data-testid="viewer-previous-match"
        disabled={!hasMatches}
        onClick={() => onShowMatch(-1)}
      >
        Previous match
      </button>
      <button
        type="button"
        className="button button--small"
        data-testid="viewer-next-match"
        disabled={!hasMatches}
        onClick={() => onShowMatch(1)}
      >
        Next match
      </button>
      <span className="document-viewer__find-count" data-testid="viewer-find-count" role="status">
        {describeFound(found, pageCount, matchIndex)}
      </span>
    </div>
  );
}
