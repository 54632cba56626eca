import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Account, KeychainStatus } from '../../src-main/shared/accounts';
import { LiveRegion } from '../shell/LiveRegion';
import { useAccounts, useCourt } from '../state/StoresProvider';
import { AccountForm } from './AccountForm';
import { AccountRow } from './AccountRow';
import { AccountsEmptyState } from './AccountsEmptyState';
import { askedAtLoginMessage, canStoreSecrets } from './describe-account';
import { LoginDialog, type LoginPurpose } from './LoginDialog';
import { RemoveAccountDialog } from './RemoveAccountDialog';
import { SessionBar } from './SessionBar';
import './AccountsScreen.css';
import { useInBackground } from '../state/background';

/** The dialog open over the screen, if any, and the account it is about. */
type OpenDialog =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly account: Account }
  | { readonly kind: 'login'; readonly purpose: LoginPurpose; readonly account: Account }
  | { readonly kind: 'remove'; readonly account: Account };

/** Where passwords go, said once for the whole screen: the keychain's name, or why they are asked at each login. */
function describeKeychain(keychain: KeychainStatus): string {
  return canStoreSecrets(keychain)
    ? `Passwords are saved in ${keychain.name}.`
    : (keychain.message ?? askedAtLoginMessage);
}

/** The Accounts screen: the court session, the saved PACER accounts, and dialogs to add, edit, test, log in with and remove them. */
export function AccountsScreen() {
  const status = useAccounts((state) => state.status);
  const accounts = useAccounts((state) => state.accounts);
  const keychain = useAccounts((state) => state.keychain);
  const session = useAccounts((state) => state.session);
  const sessionWarning = useAccounts((state) => state.sessionWarning);
  const announcement = useAccounts((state) => state.announcement);
  const connect = useAccounts((state) => state.connect);
  const load = useAccounts((state) => state.load);
  const save = useAccounts((state) => state.save);
  const remove = useAccounts((state) => state.remove);
  const test = useAccounts((state) => state.test);
  const login = useAccounts((state) => state.login);
  const logout = useAccounts((state) => state.logout);
  const courtName = useCourt((state) => state.status?.name ?? null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const logoutRef = useRef<HTMLButtonElement>(null);
  const inBackground = useInBackground();

  useEffect(() => connect(), [connect]);

  // The empty state's Add account gives way to the header's once there is an account. Focus left on the one that went
  // (the add dialog closed before the new account was listed) follows it, rather than fall to the page.
  // A layout effect, so focus has moved by the end of the commit that removed the empty state's button.
  const hadAccounts = useRef(accounts.length > 0);
  useLayoutEffect(() => {
    const hasAccounts = accounts.length > 0;
    if (hasAccounts && !hadAccounts.current && document.activeElement === document.body) {
      addButtonRef.current?.focus();
    }
    hadAccounts.current = hasAccounts;
  }, [accounts.length]);

  const close = (): void => setDialog(null);
  const loggedInAccountId = session?.state === 'logged-in' ? session.accountId : null;

  const confirmRemoval = async (account: Account): Promise<void> => {
    // The dialog closes once the row is gone, so focus lands on Add account rather than on a button that vanished.
    await remove(account.id);
    close();
  };

  const renderList = () => {
    if (status === 'loading') {
      return <p className="screen__status">Loading accounts…</p>;
    }
    if (status === 'failed' && accounts.length === 0) {
      return (
        <div className="screen__status">
          <p>Your PACER accounts cannot be shown right now.</p>
          <button type="button" className="button" onClick={() => inBackground('Loading the accounts', load())}>
            Try again
          </button>
        </div>
      );
    }
    if (accounts.length === 0) {
      return <AccountsEmptyState ref={addButtonRef} onAdd={() => setDialog({ kind: 'add' })} />;
    }
    return (
      <ul className="accounts-screen__list" aria-label="PACER accounts">
        {accounts.map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            keychain={keychain}
            isLoggedIn={account.id === loggedInAccountId}
            onLogin={() => setDialog({ kind: 'login', purpose: 'login', account })}
            onTest={() => setDialog({ kind: 'login', purpose: 'test', account })}
            onEdit={() => setDialog({ kind: 'edit', account })}
            onRemove={() => setDialog({ kind: 'remove', account })}
          />
        ))}
      </ul>
    );
  };

  const renderDialog = () => {
    if (dialog === null) {
      return null;
    }
    switch (dialog.kind) {
      case 'add':
        return (
          <AccountForm account={null} keychain={keychain} fallbackFocus={addButtonRef} onSave={save} onClose={close} />
        );
      case 'edit':
        return (
          <AccountForm
            key={dialog.account.id}
            account={dialog.account}
            keychain={keychain}
            fallbackFocus={addButtonRef}
            onSave={save}
            onClose={close}
          />
        );
      case 'login':
        return (
          <LoginDialog
            key={`${dialog.purpose}-${dialog.account.id}`}
            account={dialog.account}
            purpose={dialog.purpose}
            replacedSession={session?.state === 'logged-in' && session.accountId !== dialog.account.id ? session : null}
            fallbackFocus={dialog.purpose === 'login' ? logoutRef : addButtonRef}
            onSubmit={dialog.purpose === 'login' ? login : test}
            onLoggedIn={close}
            onClose={close}
          />
        );
      case 'remove':
        return (
          <RemoveAccountDialog
            account={dialog.account}
            keychain={keychain}
            fallbackFocus={addButtonRef}
            onConfirm={() => inBackground('Removing the account', confirmRemoval(dialog.account))}
            onClose={close}
          />
        );
    }
  };

  return (
    <section className="screen" data-testid="accounts-screen" aria-labelledby="accounts-heading">
      <div className="screen__toolbar">
        <div className="screen__heading">
          <h1 id="accounts-heading" className="screen__title">
            Accounts
          </h1>
          <p className="screen__summary">PACER accounts ECF Desk logs in to {courtName ?? 'the court'} with.</p>
          {keychain && (
            <p className="screen__summary" data-testid="keychain-status">
              {describeKeychain(keychain)}
            </p>
          )}
        </div>
        {accounts.length > 0 && (
          <button
            ref={addButtonRef}
            type="button"
            className="button button--primary accounts-screen__add"
            data-testid="add-account"
            onClick={() => setDialog({ kind: 'add' })}
          >
            Add account
          </button>
        )}
      </div>
      <SessionBar
        session={session}
        warning={sessionWarning}
        courtName={courtName}
        onLogout={() => inBackground('Logging out', logout())}
        logoutRef={logoutRef}
      />
      {renderList()}
      {renderDialog()}
      <LiveRegion message={announcement} />
    </section>
  );
}
