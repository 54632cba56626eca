import type { SessionStatus } from '../../../src-main/shared/accounts';

/** Whether the court session can sign a filing: a filer's login (FAQ 12: a shared view-only account may not file). */
export function canSign(session: SessionStatus | null): boolean {
  return session?.state === 'logged-in' && session.mayFile;
}

/** Who would sign: the PACER login of the session, or why nobody can yet, with the way to the Accounts screen. */
export function SessionLine({
  session,
  onOpenAccounts,
}: {
  readonly session: SessionStatus | null;
  readonly onOpenAccounts: () => void;
}) {
  if (session?.state === 'logged-in' && session.mayFile) {
    return (
      <p className="session-line session-line--filer" data-testid="filing-session">
        Logged in as <strong>{session.loginId}</strong>, a filer: this login signs the filing.
      </p>
    );
  }
  const reason =
    session?.state === 'logged-in'
      ? `Logged in as ${session.loginId}, a view-only account, which may not file (FAQ 12). Log in with the filing attorney's own PACER account.`
      : 'Not logged in to the court. The filing attorney logs in with their own PACER account, which signs the filing (FAQ 35).';
  return (
    <div className="session-line session-line--missing" data-testid="filing-session">
      <p>{reason}</p>
      <button type="button" className="button button--small" onClick={onOpenAccounts}>
        Go to Accounts
      </button>
    </div>
  );
}
