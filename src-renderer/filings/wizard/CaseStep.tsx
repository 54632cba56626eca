import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../../src-main/shared/errors';
import type { CourtCase, Draft } from '../../../src-main/shared/filing';
import { RadioChoice } from '../../components/RadioChoice';
import { helpTopicForError } from '../../help/help-topic-for';
import { HelpLink } from '../../help/HelpLink';
import { caseSearchNeedsLoginMessage } from '../../state/filings-store';
import { useFilings } from '../../state/StoresProvider';
import { useInBackground } from '../../state/background';
import { NewActionFields, namesOfNewAction, newActionChanges } from './NewActionFields';
import { DueDateField } from './DueDateField';

/** How long typing may pause before the court is asked. */
const searchDelayMilliseconds = 500;

/** Where a search stands: nothing asked yet, asking, the cases found, or why there are none. */
type Search =
  | { readonly state: 'idle' }
  | { readonly state: 'searching'; readonly query: string }
  | { readonly state: 'found'; readonly query: string; readonly cases: readonly CourtCase[] }
  | { readonly state: 'failed'; readonly message: string; readonly code: ErrorCode | null };

/**
 * Step 1: find the case by its number in any of the forms lawyers write it, or by words of its caption, and choose
 * it; or start a new action, which has no case until the court opens one (USCIT Rule 3(a)).
 */
export function CaseStep({ draft, onOpenAccounts }: { readonly draft: Draft; readonly onOpenAccounts: () => void }) {
  const update = useFilings((state) => state.update);
  const inBackground = useInBackground();
  const isNewAction = draft.newAction !== null;
  const groupName = useId();

  const chooseNewAction = (): void => {
    const { plaintiff, defendant } = namesOfNewAction(draft);
    inBackground('Saving the filing', update(newActionChanges(draft, plaintiff, defendant)));
  };
  const chooseExistingCase = (): void =>
    inBackground('Saving the filing', update({ newAction: null, parties: [], filerPartyIds: [] }));

  return (
    <div className="wizard-step">
      <fieldset className="choices" data-testid="case-mode">
        <legend className="choices__legend">Where is this filed?</legend>
        <RadioChoice
          name={groupName}
          checked={!isNewAction}
          onChange={chooseExistingCase}
          label="In an existing case"
          hint="Find it by its number or its caption."
        />
        <RadioChoice
          name={groupName}
          data-testid="start-new-action"
          checked={isNewAction}
          onChange={chooseNewAction}
          label="Start a new action"
          hint="File the summons that opens a new case; the court gives it its number."
        />
      </fieldset>
      {isNewAction && draft.case === null ? (
        <NewActionFields draft={draft} />
      ) : (
        <ExistingCase draft={draft} onOpenAccounts={onOpenAccounts} />
      )}
      <DueDateField draft={draft} />
    </div>
  );
}

/** Finding and choosing a case the court already has. */
function ExistingCase({ draft, onOpenAccounts }: { readonly draft: Draft; readonly onOpenAccounts: () => void }) {
  const findCases = useFilings((state) => state.findCases);
  const chooseCase = useFilings((state) => state.chooseCase);
  const inBackground = useInBackground();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const latest = useRef(0);
  // The search typing schedules: pressing Enter searches at once instead, so the same words are not searched twice and
  // the results do not blink back to "Searching…" under the pointer just after a case was chosen.
  const pendingSearch = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hintId = useId();

  const run = async (text: string): Promise<void> => {
    const trimmed = text.trim();
    if (!trimmed) {
      return;
    }
    const request = ++latest.current;
    setSearch({ state: 'searching', query: trimmed });
    const answer = await findCases(trimmed);
    if (request !== latest.current) {
      return;
    }
    setSearch(
      answer.ok
        ? { state: 'found', query: trimmed, cases: answer.value }
        : { state: 'failed', message: answer.message, code: answer.code },
    );
  };

  useEffect(() => {
    if (query.trim().length < 3) {
      return;
    }
    const timer = setTimeout(() => inBackground('Searching for the case', run(query)), searchDelayMilliseconds);
    pendingSearch.current = timer;
    return () => clearTimeout(timer);
    // Only typing starts a search; `run` is remade each render.
  }, [query]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    clearTimeout(pendingSearch.current);
    inBackground('Searching for the case', run(query));
  };

  return (
    <>
      {draft.case && (
        <p className="wizard-step__chosen" data-testid="chosen-case">
          <span className="wizard-step__chosen-label">Chosen case:</span> <strong>{draft.case.caseNumber}</strong>{' '}
          {draft.case.caption}
          {draft.parties.length > 0 && (
            <span className="wizard-step__muted">
              {' '}
              · {draft.parties.length === 1 ? '1 party' : `${draft.parties.length} parties`}
            </span>
          )}
        </p>
      )}
      <form className="wizard-step__search" role="search" onSubmit={submit}>
        <div className="field wizard-step__search-field">
          <label className="field__label" htmlFor={`${hintId}-input`}>
            Find the case
          </label>
          <input
            id={`${hintId}-input`}
            className="field__input"
            type="search"
            data-testid="case-search"
            value={query}
            aria-describedby={hintId}
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
          />
          <span id={hintId} className="field__hint">
            A case number such as 1:26-cv-00123, 26-00123 or Court No. 26-00123, or words of the caption.
          </span>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <CaseResults
        search={search}
        chosenId={draft.case?.caseId ?? null}
        onChoose={(courtCase) => inBackground('Choosing the case', chooseCase(courtCase))}
        onOpenAccounts={onOpenAccounts}
      />
    </>
  );
}

/** What the search found, or why nothing: a missing session leads to the Accounts screen. */
function CaseResults({
  search,
  chosenId,
  onChoose,
  onOpenAccounts,
}: {
  readonly search: Search;
  readonly chosenId: number | null;
  readonly onChoose: (courtCase: CourtCase) => void;
  readonly onOpenAccounts: () => void;
}) {
  switch (search.state) {
    case 'idle':
      return null;
    case 'searching':
      return (
        <p className="wizard-step__muted" role="status">
          Searching the court&apos;s cases for “{search.query}”…
        </p>
      );
    case 'failed':
      return (
        <div className="wizard-step__problem" role="alert" data-testid="case-search-problem">
          <p>{search.message}</p>
          {search.message === caseSearchNeedsLoginMessage && (
            <button type="button" className="button button--small" onClick={onOpenAccounts}>
              Go to Accounts
            </button>
          )}
          <HelpLink topicId={search.code === null ? null : helpTopicForError(search.code, search.message)} />
        </div>
      );
    case 'found':
      if (search.cases.length === 0) {
        return (
          <p className="wizard-step__muted" role="status">
            No case matches “{search.query}”. Check the number, or try words of the caption.
          </p>
        );
      }
      return (
        <ul className="wizard-step__results" aria-label="Cases found">
          {search.cases.map((courtCase) => (
            <li key={courtCase.caseId}>
              <button
                type="button"
                className="wizard-step__result"
                data-testid="case-result"
                data-case-id={courtCase.caseId}
                aria-pressed={courtCase.caseId === chosenId}
                onClick={() => onChoose(courtCase)}
              >
                <strong>{courtCase.caseNumber}</strong>
                <span>{courtCase.caption}</span>
              </button>
            </li>
          ))}
        </ul>
      );
  }
}
