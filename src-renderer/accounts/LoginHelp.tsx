import type { LoginHelpTopic } from '../../src-main/shared/accounts';
import { loginHelp } from '../../src-main/shared/court-help';
import { helpTopicForLogin } from '../help/help-topic-for';
import { HelpLink } from '../help/HelpLink';
import { describeTimeZone } from './describe-account';
import './LoginHelp.css';

/** What a refused login shows: what happened in plain words, the court's own words more quietly, then who can help. */
export interface LoginRefusalProps {
  readonly message: string;
  readonly courtMessage: string | null;
  readonly help: LoginHelpTopic;
}

/** A refused login, with the FAQ's advice for it and the office to call (its hours in that office's time zone). */
export function LoginRefusal({ message, courtMessage, help }: LoginRefusalProps) {
  const { title, advice, contact } = loginHelp[help];
  return (
    <div className="login-refusal" data-testid="login-refusal" role="alert">
      <p className="login-refusal__message">{message}</p>
      {courtMessage && <p className="login-refusal__court">The court said: “{courtMessage}”</p>}
      <section className="login-help" data-testid="login-help" aria-label={`Help: ${title}`}>
        <h3 className="login-help__title">{title}</h3>
        <p>{advice}</p>
        <dl className="login-help__contact">
          <dt>Contact</dt>
          <dd>{contact.name}</dd>
          <dt>Phone</dt>
          <dd>{contact.phone}</dd>
          <dt>Email</dt>
          <dd>{contact.email}</dd>
          <dt>Hours</dt>
          <dd>
            {contact.hours} {describeTimeZone(contact.timeZone)}
          </dd>
          {contact.website && (
            <>
              <dt>Website</dt>
              <dd>{contact.website}</dd>
            </>
          )}
        </dl>
        <HelpLink topicId={helpTopicForLogin(help)} />
      </section>
    </div>
  );
}
