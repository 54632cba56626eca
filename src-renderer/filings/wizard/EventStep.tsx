import { useId, useMemo, useState } from 'react';
import { findDocketEvent } from '../../../src-main/shared/cit-event-catalog';
import { isWithinClerkHours } from '../../../src-main/shared/deadline-clock';
import { searchDocketEvents } from '../../../src-main/shared/event-search';
import type { Draft } from '../../../src-main/shared/filing';
import { useFilings } from '../../state/StoresProvider';
import { describeRequirements } from './describe-requirements';
import { useInBackground } from '../../state/background';

/** Step 2: search the court's docket events by a word or an alias, grouped as the CM/ECF menu groups them, and choose one. */
export function EventStep({ draft }: { readonly draft: Draft }) {
  const update = useFilings((state) => state.update);
  const inBackground = useInBackground();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => searchDocketEvents(query), [query]);
  const chosen = draft.eventId === null ? undefined : findDocketEvent(draft.eventId);
  const inputId = useId();
  const needs = chosen ? describeRequirements(chosen) : [];

  return (
    <div className="wizard-step">
      {chosen && (
        <div className="wizard-step__chosen" data-testid="chosen-event">
          <p>
            <span className="wizard-step__chosen-label">Chosen event:</span> <strong>{chosen.name}</strong>
          </p>
          {needs.length > 0 ? (
            <>
              <p>Besides the main document, this event needs:</p>
              <ul className="wizard-step__needs" data-testid="event-needs">
                {needs.map((need) => (
                  <li key={need}>{need}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="wizard-step__muted">This event needs only the main document.</p>
          )}
        </div>
      )}
      {!isWithinClerkHours(new Date()) && (
        <p className="wizard-step__note" data-testid="z-event-note">
          The Clerk&apos;s Office is closed (it is open 8:30 a.m. to 5:00 p.m. Eastern). If you cannot find the right
          event, file under Z-motion or Z-document: the filing date is kept, and the office dockets it under the right
          event later (FAQ 30).
        </p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Search docket events
        </label>
        <input
          id={inputId}
          className="field__input"
          type="search"
          data-testid="event-search"
          value={query}
          autoComplete="off"
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span id={`${inputId}-hint`} className="field__hint">
          A word or an abbreviation: “extension”, “intervene”, “Form 17”, “MJAR”.
        </span>
      </div>
      {groups.length === 0 ? (
        <p className="wizard-step__muted" role="status">
          No event matches “{query}”. Try another word, or a Z-event after hours (FAQ 30).
        </p>
      ) : (
        <div className="wizard-step__groups" aria-label="Docket events">
          {groups.map((group) => (
            <section key={group.category} className="wizard-step__group" aria-label={group.category}>
              <h4 className="wizard-step__group-title">{group.category}</h4>
              <ul className="wizard-step__results">
                {group.events.map(({ event, matchedAlias }) => (
                  <li key={event.id}>
                    <button
                      type="button"
                      className="wizard-step__result"
                      data-testid="event-result"
                      data-event-id={event.id}
                      aria-pressed={event.id === draft.eventId}
                      onClick={() => inBackground('Saving the filing', update({ eventId: event.id }))}
                    >
                      <strong>{event.name}</strong>
                      {matchedAlias !== null && <span className="wizard-step__muted">matched: {matchedAlias}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
