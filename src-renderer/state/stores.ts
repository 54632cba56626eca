import type { Bridge } from '../create-bridge';
import { createAccountsStore, type AccountsStore } from './accounts-store';
import { createAlertsStore, type AlertsStore } from './alerts-store';
import { createAppInfoStore, type AppInfoStore } from './app-info-store';
import { createCourtStore, type CourtStore } from './court-store';
import { createDocumentsStore, type DocumentsStore } from './documents-store';
import { createFilingsStore, type FilingsStore } from './filings-store';
import { createFirmDocketStore, type FirmDocketStore } from './firm-docket-store';
import { createInboxStore, type InboxStore } from './inbox-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createSharedDraftsStore, type SharedDraftsStore } from './shared-drafts-store';

/** Every store the renderer uses, built over one bridge. */
export interface Stores {
  readonly alerts: AlertsStore;
  readonly appInfo: AppInfoStore;
  readonly court: CourtStore;
  readonly documents: DocumentsStore;
  readonly accounts: AccountsStore;
  readonly filings: FilingsStore;
  readonly inbox: InboxStore;
  readonly settings: SettingsStore;
  readonly sharedDrafts: SharedDraftsStore;
  readonly firmDocket: FirmDocketStore;
}

/** Builds the stores over a bridge: the app passes the real one, tests a fake. */
export function createStores(bridge: Bridge): Stores {
  const alerts = createAlertsStore();
  const documents = createDocumentsStore(bridge, alerts);
  const accounts = createAccountsStore(bridge, alerts);
  return {
    alerts,
    appInfo: createAppInfoStore(bridge, alerts),
    court: createCourtStore(bridge, alerts),
    documents,
    accounts,
    filings: createFilingsStore(bridge, alerts, documents),
    inbox: createInboxStore(bridge, alerts),
    settings: createSettingsStore(bridge, alerts, accounts),
    sharedDrafts: createSharedDraftsStore(bridge, alerts),
    firmDocket: createFirmDocketStore(bridge, alerts),
  };
}
