import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  Account,
  AccountInput,
  KeychainStatus,
  LoginOutcome,
  LoginRequest,
  SessionStatus,
} from '../../src-main/shared/accounts';
import type { Bridge } from '../create-bridge';
import { describeError } from './describe-error';
import type { ListStatus } from './documents-store';
import type { NoticesStore } from './notices-store';
import { runInBackground } from './background';

/**
 * What an action started from a dialog came to: its value, or main's message for the dialog to show in place.
 * The banner sits behind an open dialog, so a failure there would go unseen until the dialog closed.
 */
export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The Accounts screen's state and the actions that change it. Secrets pass through the actions' arguments and are never kept here. */
export interface AccountsState {
  readonly status: ListStatus;
  readonly accounts: readonly Account[];
  /** Null until main has answered. */
  readonly keychain: KeychainStatus | null;
  /** The court session held in main; null until main has answered. */
  readonly session: SessionStatus | null;
  /** What the court warned about when the current session began ("Required client code not entered."), until it ends. */
  readonly sessionWarning: string | null;
  /** The latest sentence for screen readers (read by a polite live region). */
  readonly announcement: string;

  /** Loads the accounts and the session and follows main's session events; returns the function that stops following. */
  connect(): () => void;
  /** Reads the accounts and the keychain's state again. */
  load(): Promise<void>;
  /** Adds or edits an account; a password or authenticator secret in the input goes to main's keychain and is not kept here. */
  save(input: AccountInput): Promise<Attempt<Account>>;
  /** Removes an account and its keychain items; resolves whether it was removed. */
  remove(id: string): Promise<boolean>;
  /** Logs in and straight out again, to show the account works; the session does not change. */
  test(request: LoginRequest): Promise<Attempt<LoginOutcome>>;
  /** Logs in to the court; a login that worked becomes the session at once. */
  login(request: LoginRequest): Promise<Attempt<LoginOutcome>>;
  /** Ends the court session. */
  logout(): Promise<void>;
}

/** A store of the Accounts screen's state. */
export type AccountsStore = StoreApi<AccountsState>;

/** Replaces an account with the same id, or adds it at the end. */
function upsert(accounts: readonly Account[], saved: Account): Account[] {
  return accounts.some((each) => each.id === saved.id)
    ? accounts.map((each) => (each.id === saved.id ? saved : each))
    : [...accounts, saved];
}

/** Whether two statuses describe the same session (so its warning still applies). */
function isSameSession(before: SessionStatus | null, after: SessionStatus): boolean {
  return (
    before?.state === 'logged-in' &&
    after.state === 'logged-in' &&
    before.accountId === after.accountId &&
    before.since === after.since
  );
}

/** Creates the Accounts screen's store over a bridge; tests pass a fake bridge, the app the real one. */
export function createAccountsStore(bridge: Bridge, notices: NoticesStore): AccountsStore {
  const report = (title: string, error: unknown): void => notices.getState().report(title, error);
  /** Only the answer to the latest list request counts, whatever order the answers come in. */
  let latestLoad = 0;
  /** Counts every session status received, so a slow answer cannot replace a newer event or login. */
  let latestSession = 0;

  return createStore<AccountsState>()((set, get) => {
    const showSession = (session: SessionStatus, warning: string | null = null): void => {
      latestSession += 1;
      const keepsWarning = warning === null && isSameSession(get().session, session);
      set({ session, sessionWarning: keepsWarning ? get().sessionWarning : warning });
    };

    const loadSession = async (): Promise<void> => {
      const request = ++latestSession;
      try {
        const session = await bridge.invoke('session.status', {});
        if (request === latestSession)
          set({ session, sessionWarning: isSameSession(get().session, session) ? get().sessionWarning : null });
      } catch (error) {
        report('ECF Desk could not tell whether you are logged in to the court.', error);
      }
    };

    return {
      status: 'loading',
      accounts: [],
      keychain: null,
      session: null,
      sessionWarning: null,
      announcement: '',

      connect() {
        const stopChanges = bridge.on('session.changed', (session) => showSession(session));
        runInBackground('Loading the accounts', get().load(), report);
        runInBackground('Reading the court session', loadSession(), report);
        return stopChanges;
      },

      async load() {
        const request = ++latestLoad;
        try {
          const { accounts, keychain } = await bridge.invoke('accounts.list', {});
          if (request === latestLoad) set({ accounts, keychain, status: 'ready' });
        } catch (error) {
          if (request !== latestLoad) return;
          report('The list of PACER accounts could not be loaded.', error);
          if (get().status === 'loading') set({ status: 'failed' });
        }
      },

      async save(input) {
        try {
          const saved = await bridge.invoke('accounts.save', input);
          set({ accounts: upsert(get().accounts, saved), announcement: `Saved the account ${saved.loginId}.` });
          return { ok: true, value: saved };
        } catch (error) {
          return { ok: false, message: describeError(error) };
        }
      },

      async remove(id) {
        const removed = get().accounts.find((each) => each.id === id);
        if (!removed) return false;
        try {
          await bridge.invoke('accounts.remove', { id });
          set({
            accounts: get().accounts.filter((each) => each.id !== id),
            announcement: `Removed the account ${removed.loginId}.`,
          });
          return true;
        } catch (error) {
          report(`The account ${removed.loginId} was not removed.`, error);
          return false;
        }
      },

      async test(request) {
        try {
          return { ok: true, value: await bridge.invoke('accounts.test', request) };
        } catch (error) {
          return { ok: false, message: describeError(error) };
        }
      },

      async login(request) {
        try {
          const outcome = await bridge.invoke('session.login', request);
          if (outcome.outcome === 'logged-in') {
            showSession(outcome.session, outcome.warning);
            if (outcome.session.state === 'logged-in')
              set({ announcement: `Logged in as ${outcome.session.loginId}.` });
          }
          return { ok: true, value: outcome };
        } catch (error) {
          return { ok: false, message: describeError(error) };
        }
      },

      async logout() {
        try {
          showSession(await bridge.invoke('session.logout', {}));
          set({ announcement: 'Logged out of the court.' });
        } catch (error) {
          report('ECF Desk could not log out of the court.', error);
        }
      },
    };
  });
}
