import type { Account, KeychainStatus } from '../../src-main/shared/accounts';
import { describeMfaMode, describePassword, kindLabels } from './describe-account';

/** What a row needs: the account, the keychain (for its name), whether it holds the session, and its actions. */
export interface AccountRowProps {
  readonly account: Account;
  readonly keychain: KeychainStatus | null;
  readonly isLoggedIn: boolean;
  readonly onLogin: () => void;
  readonly onTest: () => void;
  readonly onEdit: () => void;
  readonly onRemove: () => void;
}

/** One saved account (its buttons name it, so a screen reader's list of buttons tells the rows apart): its username, kind, how its code and password are found (never the password), and what can be done with it. */
export function AccountRow({ account, keychain, isLoggedIn, onLogin, onTest, onEdit, onRemove }: AccountRowProps) {
  const facts = [
    describeMfaMode(account.mfaMode, keychain),
    account.defaultClientCode ? `Client code ${account.defaultClientCode}` : 'No default client code',
    describePassword(account, keychain),
  ];
  return (
    <li className="account-row" data-testid="account-row" data-login-id={account.loginId}>
      <div className="account-row__identity">
        <h3 className="account-row__login-id">{account.loginId}</h3>
        <span className="account-row__kind">{kindLabels[account.kind]}</span>
        {isLoggedIn && <span className="account-row__badge">Logged in</span>}
      </div>
      <ul className="account-row__facts">
        {facts.map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
      <div className="account-row__actions">
        {!isLoggedIn && (
          <button
            type="button"
            className="button button--primary button--small"
            aria-label={`Log in as ${account.loginId}`}
            onClick={onLogin}
          >
            Log in
          </button>
        )}
        <button type="button" className="button button--small" aria-label={`Test ${account.loginId}`} onClick={onTest}>
          Test
        </button>
        <button type="button" className="button button--small" aria-label={`Edit ${account.loginId}`} onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={`Remove ${account.loginId}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
