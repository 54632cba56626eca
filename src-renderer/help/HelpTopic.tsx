import type { FilingHelpTopic } from '../../src-main/shared/court-help';
import { ContactCard } from './ContactCard';

/** One help topic and the clock its contact's hours are shown on. */
export interface HelpTopicProps {
  readonly topic: FilingHelpTopic;
  readonly now: Date;
  readonly localTimeZone: string;
}

/** The id of a topic's heading, so the topic list can move focus to it. */
export function headingIdOf(topicId: string): string {
  return `help-topic-${topicId}`;
}

/** A topic: its heading with the FAQ number, the court's message word for word, the advice, then whom to contact. */
export function HelpTopic({ topic, now, localTimeZone }: HelpTopicProps) {
  const headingId = headingIdOf(topic.id);
  return (
    <article className="help-topic" data-testid="help-topic" data-topic-id={topic.id} aria-labelledby={headingId}>
      {/* Focusable from script only, so opening a topic from the list or another screen lands the reader on it. */}
      <h2 id={headingId} className="help-topic__title" tabIndex={-1}>
        {topic.title} <span className="help-topic__faq">{topic.faq}</span>
      </h2>
      {topic.courtMessage && (
        <figure className="help-topic__message">
          <figcaption className="help-topic__message-label">The court’s message</figcaption>
          <blockquote className="help-topic__quote" data-testid="help-court-message">
            {topic.courtMessage}
          </blockquote>
        </figure>
      )}
      {topic.paragraphs.map((paragraph) => (
        <p key={paragraph} className="help-topic__text">
          {paragraph}
        </p>
      ))}
      {topic.contact && <ContactCard contact={topic.contact} now={now} localTimeZone={localTimeZone} />}
      {topic.alsoContact && <ContactCard contact={topic.alsoContact} now={now} localTimeZone={localTimeZone} />}
    </article>
  );
}
