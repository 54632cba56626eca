import type { Bridge } from '../create-bridge';
import { createAccountsStore, type AccountsStore } from './accounts-store';
import { createAppInfoStore, type AppInfoStore } from './app-info-store';
import { createCourtStore, type CourtStore } from './court-store';
import { createDocumentsStore, type DocumentsStore } from './documents-store';
import { createNoticesStore, type NoticesStore } from './notices-store';

/** Every store the renderer uses, built over one bridge. */
export interface Stores {
  readonly notices: NoticesStore;
  readonly appInfo: AppInfoStore;
  readonly court: CourtStore;
  readonly documents: DocumentsStore;
  readonly accounts: AccountsStore;
}

/** Builds the stores over a bridge: the app passes the real one, tests a fake. */
export function createStores(bridge: Bridge): Stores {
  const notices = createNoticesStore();
  return {
    notices,
    appInfo: createAppInfoStore(bridge, notices),
    court: createCourtStore(bridge, notices),
    documents: createDocumentsStore(bridge, notices),
    accounts: createAccountsStore(bridge, notices),
  };
}
