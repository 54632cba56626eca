import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FirmDocket, FirmDocketQuery } from '../../src-main/shared/firm-server';
import type { Bridge } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { reportingTo } from './attempt';
import { createLatestRequest } from './latest-request';

/** The firm docket's state (docs/firm-server.md#the-firm-docket): whether a firm server is connected, the filter, the lines. */
export interface FirmDocketState {
  /** Whether the desktop is connected to a firm server (the rail shows the docket then); null until asked. */
  readonly isConnected: boolean | null;
  readonly filter: FirmDocketQuery;
  readonly status: 'idle' | 'loading' | 'loaded' | 'failed';
  readonly docket: FirmDocket | null;
  /** Asks main whether a firm server is connected. */
  checkConnection(): Promise<void>;
  /** Reads the docket with the filter as it is. */
  load(): Promise<void>;
  /** Changes the filter (a field left empty filters nothing) and reads the docket again. */
  setFilter(change: Partial<Record<keyof FirmDocketQuery, string>>): Promise<void>;
}

/** A store of the firm docket. */
export type FirmDocketStore = StoreApi<FirmDocketState>;

/** Creates the firm docket's store. */
export function createFirmDocketStore(bridge: Bridge, alerts: AlertsStore): FirmDocketStore {
  const tryOrReport = reportingTo(alerts);
  const loads = createLatestRequest();
  return createStore<FirmDocketState>()((set, get) => ({
    isConnected: null,
    filter: {},
    status: 'idle',
    docket: null,
    async checkConnection() {
      const status = await bridge.invoke('firmServer.status', {});
      set({ isConnected: status.state === 'connected' });
    },
    async load() {
      const request = loads.begin();
      set({ status: 'loading' });
      const read = await tryOrReport(
        () => (request.isLatest() ? "The firm's docket could not be read." : null),
        () => bridge.invoke('firmServer.docket', get().filter),
      );
      if (request.isLatest()) {
        set(read.ok ? { status: 'loaded', docket: read.value } : { status: 'failed' });
      }
    },
    async setFilter(change) {
      const next: Record<string, string | undefined> = { ...get().filter };
      for (const [key, value] of Object.entries(change)) {
        next[key] = value?.trim() ? value.trim() : undefined;
      }
      set({ filter: next as FirmDocketQuery });
      await get().load();
    },
  }));
}
