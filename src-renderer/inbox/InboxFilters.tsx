import { useEffect, useState } from 'react';
import { noFilters, type InboxFilters as Filters } from '../state/inbox-store';
import { useInbox } from '../state/StoresProvider';

/** Typing waits this long before the list is asked again, so a word is one query rather than one per letter. */
export const searchDebounceMilliseconds = 200;

/** The typed filters, sent to the store a moment after the user stops typing. */
type TypedFilters = Pick<Filters, 'text' | 'court' | 'caseNumber'>;

/** What the filter bar needs besides the store: the grouping choice, which is a way of showing the list rather than a query. */
export interface InboxFiltersProps {
  readonly isGrouped: boolean;
  readonly onGroupedChange: (isGrouped: boolean) => void;
}

/** Instant search and the filters: court, case, filed between two dates, with a deadline, unread only; and Group by case. */
export function InboxFilters({ isGrouped, onGroupedChange }: InboxFiltersProps) {
  const filters = useInbox((state) => state.filters);
  const setFilters = useInbox((state) => state.setFilters);
  const [typed, setTyped] = useState<TypedFilters>({
    text: filters.text,
    court: filters.court,
    caseNumber: filters.caseNumber,
  });

  useEffect(() => {
    if (typed.text === filters.text && typed.court === filters.court && typed.caseNumber === filters.caseNumber) {
      return;
    }
    const timer = window.setTimeout(() => setFilters(typed), searchDebounceMilliseconds);
    return () => window.clearTimeout(timer);
  }, [typed, filters.text, filters.court, filters.caseNumber, setFilters]);

  const isFiltered = JSON.stringify({ ...filters, ...typed }) !== JSON.stringify(noFilters);
  const clear = (): void => {
    setTyped({ text: '', court: '', caseNumber: '' });
    setFilters(noFilters);
  };

  return (
    <div className="inbox-filters" role="search" aria-label="Search and filter notices">
      <label className="inbox-filters__search">
        <span className="visually-hidden">Search notices</span>
        <input
          type="search"
          className="field__input"
          data-testid="inbox-search"
          placeholder="Search case, caption, docket text, parties"
          value={typed.text}
          onChange={(event) => setTyped({ ...typed, text: event.target.value })}
        />
      </label>
      <label className="inbox-filters__field">
        Court
        <input
          type="text"
          className="field__input inbox-filters__short"
          data-testid="inbox-filter-court"
          value={typed.court}
          onChange={(event) => setTyped({ ...typed, court: event.target.value })}
        />
      </label>
      <label className="inbox-filters__field">
        Case
        <input
          type="text"
          className="field__input"
          data-testid="inbox-filter-case"
          value={typed.caseNumber}
          onChange={(event) => setTyped({ ...typed, caseNumber: event.target.value })}
        />
      </label>
      <label className="inbox-filters__field">
        Filed from
        <input
          type="date"
          className="field__input"
          data-testid="inbox-filter-from"
          value={filters.filedFrom}
          max={filters.filedTo || undefined}
          onChange={(event) => setFilters({ filedFrom: event.target.value })}
        />
      </label>
      <label className="inbox-filters__field">
        to
        <input
          type="date"
          className="field__input"
          data-testid="inbox-filter-to"
          value={filters.filedTo}
          min={filters.filedFrom || undefined}
          onChange={(event) => setFilters({ filedTo: event.target.value })}
        />
      </label>
      <label className="inbox-filters__check">
        <input
          type="checkbox"
          data-testid="inbox-filter-deadline"
          checked={filters.hasDeadline}
          onChange={(event) => setFilters({ hasDeadline: event.target.checked })}
        />
        Has a deadline
      </label>
      <label className="inbox-filters__check">
        <input
          type="checkbox"
          data-testid="inbox-filter-unread"
          checked={filters.isUnread}
          onChange={(event) => setFilters({ isUnread: event.target.checked })}
        />
        Unread only
      </label>
      <label className="inbox-filters__check">
        <input
          type="checkbox"
          data-testid="inbox-group-by-case"
          checked={isGrouped}
          onChange={(event) => onGroupedChange(event.target.checked)}
        />
        Group by case
      </label>
      {isFiltered && (
        <button type="button" className="button button--quiet button--small" onClick={clear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
