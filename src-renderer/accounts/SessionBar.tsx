import type { Ref } from 'react';
import type { SessionStatus } from '../../src-main/shared/accounts';
import { formatDateTime } from '../format/format-date-time';
import { kindLabels } from './describe-account';
import './SessionBar.css';

/** What the session bar needs: main's session, the warning it began with, and how to end it. */
export interface SessionBarProps {
  readonly session: SessionStatus | null;
  readonly warning: string | null;
  readonly courtName: string | null;
  readonly onLogout: () => void;
  /** The Log out button, which takes focus once a login has worked. */
  readonly logoutRef?: Ref<HTMLButtonElement>;
}

/** "since 3:04 PM", with the date as well when the session began on another day. */
function describeSince(since: string): string {
  const { date, time } = formatDateTime(since);
  if (!time) {
    return `since ${date}`;
  }
  return date === formatDateTime(new Date().toISOString()).date ? `since ${time}` : `since ${date}, ${time}`;
}

/** Whom the app is logged in to the court as, whether that account may file, and Log out. */
export function SessionBar({ session, warning, courtName, onLogout, logoutRef }: SessionBarProps) {
  if (session === null) {
    return (
      <section className="session-bar" data-testid="session-bar" data-state="unknown" aria-label="Court session">
        <p className="session-bar__summary">Checking whether you are logged in…</p>
      </section>
    );
  }
  if (session.state === 'logged-out') {
    return (
      <section className="session-bar" data-testid="session-bar" data-state="logged-out" aria-label="Court session">
        <p className="session-bar__summary">
          Not logged in{courtName ? ` to ${courtName}` : ''}. Choose <strong>Log in</strong> beside an account.
        </p>
      </section>
    );
  }
  const facts = [
    session.clientCode ? `client code ${session.clientCode}` : 'no client code',
    describeSince(session.since),
  ];
  return (
    <section className="session-bar" data-testid="session-bar" data-state="logged-in" aria-label="Court session">
      <span className="session-bar__dot" aria-hidden="true" />
      <div className="session-bar__text">
        <p className="session-bar__summary">
          <strong>
            Logged in as {session.loginId} ({kindLabels[session.kind]})
          </strong>{' '}
          · {facts.join(' · ')}
        </p>
        {!session.mayFile && (
          <p className="session-bar__limit" data-testid="session-cannot-file">
            This shared account can view but not file (FAQ 12).
          </p>
        )}
        {warning && (
          <p className="session-bar__warning" data-testid="session-warning">
            {warning}
          </p>
        )}
      </div>
      <button ref={logoutRef} type="button" className="button" onClick={onLogout}>
        Log out
      </button>
    </section>
  );
}
