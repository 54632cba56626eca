import type { Bridge } from '../create-bridge';
import { createAccountsStore, type AccountsStore } from './accounts-store';
import { createAppInfoStore, type AppInfoStore } from './app-info-store';
import { createCourtStore, type CourtStore } from './court-store';
import { createDocumentsStore, type DocumentsStore } from './documents-store';
import { createFilingsStore, type FilingsStore } from './filings-store';
import { createInboxStore, type InboxStore } from './inbox-store';
import { createNoticesStore, type NoticesStore } from './notices-store';
import { createSettingsStore, type SettingsStore } from './settings-store';

/** Every store the renderer uses, built over one bridge. */
export interface Stores {
  readonly notices: NoticesStore;
  readonly appInfo: AppInfoStore;
  readonly court: CourtStore;
  readonly documents: DocumentsStore;
  readonly accounts: AccountsStore;
  readonly filings: FilingsStore;
  readonly inbox: InboxStore;
  readonly settings: SettingsStore;
}

/** Builds the stores over a bridge: the app passes the real one, tests a fake. */
export function createStores(bridge: Bridge): Stores {
  const notices = createNoticesStore();
  const documents = createDocumentsStore(bridge, notices);
  const accounts = createAccountsStore(bridge, notices);
  return {
    notices,
    appInfo: createAppInfoStore(bridge, notices),
    court: createCourtStore(bridge, notices),
    documents,
    accounts,
    filings: createFilingsStore(bridge, notices, documents),
    inbox: createInboxStore(bridge, notices),
    settings: createSettingsStore(bridge, notices, accounts),
  };
}
