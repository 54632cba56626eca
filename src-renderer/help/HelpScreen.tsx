import { useEffect, useId, useRef, useState } from 'react';
import { citHelpDesk, filingHelp } from '../../src-main/shared/court-help';
import { findTopics } from './find-topics';
import { headingIdOf, HelpTopic } from './HelpTopic';
import { systemTimeZone } from './office-hours';
import './HelpScreen.css';

/** Which topic to open on arrival, so another screen can send the reader straight to, say, 'internal-server-error'. */
export interface HelpScreenProps {
  readonly initialTopic?: string;
}

/** "13 topics", or "2 of 13 topics match “internal server”", said after each change of the search. */
function describeMatches(shown: number, total: number, query: string): string {
  if (query.trim() === '') {
    return `${total} topics`;
  }
  return `${shown} of ${total} topics match “${query.trim()}”`;
}

/** The Help screen: the court's FAQ answers for filing, searchable, each with whom to contact and when. */
export function HelpScreen({ initialTopic }: HelpScreenProps) {
  const [query, setQuery] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  // The hours on the reader's clock depend on today's daylight saving, which does not change while the screen is open.
  const [now] = useState(() => new Date());
  const [localTimeZone] = useState(systemTimeZone);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const topicsId = useId();
  const topics = findTopics(filingHelp, query);

  // Another screen may open a topic while this one is showing: clear the search so the topic is there to land on.
  useEffect(() => {
    if (initialTopic === undefined) {
      return;
    }
    setQuery('');
    setFocusTarget(initialTopic);
  }, [initialTopic]);

  const clearSearch = (): void => {
    // The button goes away with the message, so focus returns to the search box rather than to the page.
    setQuery('');
    searchRef.current?.focus();
  };

  useEffect(() => {
    if (focusTarget === null) {
      return;
    }
    const heading = document.getElementById(headingIdOf(focusTarget));
    // jsdom and some hosts have no scrollIntoView; focus alone still brings the heading into view.
    heading?.scrollIntoView?.({ block: 'start' });
    heading?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  return (
    <section className="screen" data-testid="help-screen" aria-labelledby="help-heading">
      <div className="screen__toolbar">
        <div className="screen__heading">
          <h1 id="help-heading" className="screen__title">
            Help
          </h1>
          <p className="screen__summary">
            The court’s answers to common filing questions and error messages, in plain words, with whom to contact.
          </p>
        </div>
      </div>
      <div className="help-screen__search">
        <label className="help-screen__search-label" htmlFor={searchId}>
          Search help
        </label>
        <input
          ref={searchRef}
          id={searchId}
          className="help-screen__search-input"
          type="search"
          data-testid="help-search"
          value={query}
          placeholder="For example: internal server error, 50 MB, deadline"
          aria-controls={topicsId}
          aria-describedby={`${searchId}-count`}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p id={`${searchId}-count`} className="help-screen__count" role="status">
          {describeMatches(topics.length, filingHelp.length, query)}
        </p>
      </div>
      <div className="help-screen__body">
        {topics.length > 0 && (
          <nav className="help-screen__contents" aria-label="Help topics">
            <ul className="help-screen__contents-list">
              {topics.map((topic) => (
                <li key={topic.id}>
                  <button type="button" className="help-screen__contents-item" onClick={() => setFocusTarget(topic.id)}>
                    <span>{topic.title}</span>
                    <span className="help-screen__contents-faq">{topic.faq}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div id={topicsId} className="help-screen__topics">
          {topics.length === 0 ? (
            <div className="screen__status" data-testid="help-no-match">
              <p>
                No topic matches “{query.trim()}”. Try fewer or other words, or ask the {citHelpDesk.name} at{' '}
                {citHelpDesk.phone}.
              </p>
              <button type="button" className="button" onClick={clearSearch}>
                Clear the search
              </button>
            </div>
          ) : (
            topics.map((topic) => <HelpTopic key={topic.id} topic={topic} now={now} localTimeZone={localTimeZone} />)
          )}
        </div>
      </div>
    </section>
  );
}
