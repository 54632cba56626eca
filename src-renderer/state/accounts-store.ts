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
import type { AlertsStore } from './alerts-store';
import { inBackgroundReportingTo } from './background';
import { attempt, reportingTo, type Attempt } from './attempt';
import type { ListStatus } from './documents-store';
import { createLatestRequest } from './latest-request';
import { upsert } from './upsert';

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
export function createAccountsStore(bridge: Bridge, alerts: AlertsStore): AccountsStore {
  const tryOrReport = reportingTo(alerts);
  const inBackground = inBackgroundReportingTo(alerts);
  /** Only the answer to the latest list request counts, whatever order the answers come in. */
  const loads = createLatestRequest();
  /** Every session status received counts as newer, so a slow answer cannot replace a newer event or login. */
  const sessions = createLatestRequest();

  return createStore<AccountsState>()((set, get) => {
    const showSession = (session: SessionStatus, warning: string | null = null): void => {
      sessions.supersede();
      const keepsWarning = warning === null && isSameSession(get().session, session);
      set({ session, sessionWarning: keepsWarning ? get().sessionWarning : warning });
    };

    const loadSession = async (): Promise<void> => {
      const request = sessions.begin();
      await tryOrReport('ECF Desk could not tell whether you are logged in to the court.', async () => {
        const session = await bridge.invoke('session.status', {});
        if (request.isLatest()) {
          set({ session, sessionWarning: isSameSession(get().session, session) ? get().sessionWarning : null });
        }
      });
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
        inBackground('Reading the accounts', get().load());
        inBackground('Reading the session', loadSession());
        return stopChanges;
      },

      async load() {
        const request = loads.begin();
        const loaded = await tryOrReport(
          () => (request.isLatest() ? 'The list of PACER accounts could not be loaded.' : null),
          () => bridge.invoke('accounts.list', {}),
        );
        if (!request.isLatest()) {
          return;
        }
        if (loaded.ok) {
          set({ accounts: loaded.value.accounts, keychain: loaded.value.keychain, status: 'ready' });
        } else if (get().status === 'loading') {
          set({ status: 'failed' });
        }
      },

      save: (input) =>
        attempt(async () => {
          const saved = await bridge.invoke('accounts.save', input);
          set({ accounts: upsert(get().accounts, saved), announcement: `Saved the account ${saved.loginId}.` });
          return saved;
        }),

      async remove(id) {
        const removed = get().accounts.find((each) => each.id === id);
        if (!removed) {
          return false;
        }
        const outcome = await tryOrReport(`The account ${removed.loginId} was not removed.`, async () => {
          await bridge.invoke('accounts.remove', { id });
          set({
            accounts: get().accounts.filter((each) => each.id !== id),
            announcement: `Removed the account ${removed.loginId}.`,
          });
        });
        return outcome.ok;
      },

      test: (request) => attempt(() => bridge.invoke('accounts.test', request)),

      login: (request) =>
        attempt(async () => {
          const outcome = await bridge.invoke('session.login', request);
          if (outcome.outcome === 'logged-in') {
            showSession(outcome.session, outcome.warning);
            if (outcome.session.state === 'logged-in') {
              set({ announcement: `Logged in as ${outcome.session.loginId}.` });
            }
          }
          return outcome;
        }),

      async logout() {
        await tryOrReport('ECF Desk could not log out of the court.', async () => {
          showSession(await bridge.invoke('session.logout', {}));
          set({ announcement: 'Logged out of the court.' });
        });
      },
    };
  });
}
