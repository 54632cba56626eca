import { filingHelp } from '../../src-main/shared/court-help';
import { Icon } from '../components/Icon';
import { useOpenHelp } from './help-navigation';
import './HelpLink.css';

/** A link to a Help topic, shown beside an error from the court or its rules. */
export interface HelpLinkProps {
  /** The topic's id in `filingHelp`; null when no topic explains the error, and then nothing is shown. */
  readonly topicId: string | null;
}

/** "Help: <topic title> (FAQ n)": opens the Help screen at that topic, with focus on its heading. */
export function HelpLink({ topicId }: HelpLinkProps) {
  const openHelp = useOpenHelp();
  const topic = filingHelp.find((candidate) => candidate.id === topicId);
  if (!topic || !openHelp) {
    return null;
  }
  return (
    <button
      type="button"
      className="button button--quiet button--small help-link"
      data-testid="help-link"
      data-topic-id={topic.id}
      onClick={() => openHelp(topic.id)}
    >
      <Icon name="help" className="icon help-link__icon" />
      Help: {topic.title} <span className="help-link__faq">({topic.faq})</span>
    </button>
  );
}
