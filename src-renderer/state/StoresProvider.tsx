import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AccountsState } from './accounts-store';
import type { AlertsState } from './alerts-store';
import type { AppInfoState } from './app-info-store';
import type { CourtState } from './court-store';
import type { DocumentsState } from './documents-store';
import type { FilingsState } from './filings-store';
import type { FirmDocketState } from './firm-docket-store';
import type { InboxState } from './inbox-store';
import type { SettingsState } from './settings-store';
import type { SharedDraftsState } from './shared-drafts-store';
import type { Stores } from './stores';

const StoresContext = createContext<Stores | null>(null);

/** Hands the stores to every component below, so no component needs to know which bridge they use. */
export function StoresProvider({ stores, children }: { readonly stores: Stores; readonly children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) {
    throw new Error('StoresProvider is missing above this component.');
  }
  return stores;
}

/** Reads from the Documents store; the component re-renders when the selected value changes. */
export function useDocuments<T>(select: (state: DocumentsState) => T): T {
  return useStore(useStores().documents, select);
}

/** Reads from the banner's alerts store. */
export function useAlerts<T>(select: (state: AlertsState) => T): T {
  return useStore(useStores().alerts, select);
}

/** Reads from the app facts store. */
export function useAppInfo<T>(select: (state: AppInfoState) => T): T {
  return useStore(useStores().appInfo, select);
}

/** Reads from the store of the court the app talks to. */
export function useCourt<T>(select: (state: CourtState) => T): T {
  return useStore(useStores().court, select);
}

/** Reads from the store of PACER accounts and the court session. */
export function useAccounts<T>(select: (state: AccountsState) => T): T {
  return useStore(useStores().accounts, select);
}

/** Reads from the store of drafts, the open filing and the outbox. */
export function useFilings<T>(select: (state: FilingsState) => T): T {
  return useStore(useStores().filings, select);
}

/** Reads from the store of court notices, their documents and the mailboxes they come from. */
export function useInbox<T>(select: (state: InboxState) => T): T {
  return useStore(useStores().inbox, select);
}

/** Reads from the store of the user's settings and the ones the machine's policy locks. */
export function useSettings<T>(select: (state: SettingsState) => T): T {
  return useStore(useStores().settings, select);
}

/** Reads from the store of the drafts shared through the firm server. */
export function useSharedDrafts<T>(select: (state: SharedDraftsState) => T): T {
  return useStore(useStores().sharedDrafts, select);
}

/** Reads from the store of the firm docket. */
export function useFirmDocket<T>(select: (state: FirmDocketState) => T): T {
  return useStore(useStores().firmDocket, select);
}
