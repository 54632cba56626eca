import { useId, useMemo, useState } from 'react';
import {
  actionOpeningEvents,
  citEventCatalog,
  describeFilingFee,
  faq21FeeAnswer,
  findDocketEvent,
} from '../../../src-main/shared/cit-event-catalog';
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
  const isNewAction = draft.newAction !== null && draft.case === null;
  // USCIT Rule 3(a): a new action can only begin with the events that open one.
  const groups = useMemo(
    () => searchDocketEvents(query, isNewAction ? actionOpeningEvents : citEventCatalog),
    [query, isNewAction],
  );
  const chosen = draft.eventId === null ? undefined : findDocketEvent(draft.eventId);
  const inputId = useId();
  const needs = chosen ? describeRequirements(chosen) : [];
  const fee = chosen ? describeFilingFee(chosen) : null;

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
      {fee !== null && (
        <div className="wizard-step__fee" data-testid="event-fee">
          <p>
            <strong>Filing fee.</strong> {fee}
          </p>
          <p className="wizard-step__muted">FAQ 21: “{faq21FeeAnswer}”</p>
        </div>
      )}
      {isNewAction && (
        <p className="wizard-step__muted" data-testid="opening-events-note">
          A new action begins with a summons. Actions under 28 U.S.C. 1581(a) and (b) begin with the summons alone; in
          1581(c) actions the complaint follows within 30 days; in all other actions the summons and the complaint are
          filed together (USCIT Rule 3(a)).
        </p>
      )}
      {!isNewAction && !isWithinClerkHours(new Date()) && (
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
