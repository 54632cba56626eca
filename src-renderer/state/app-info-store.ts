import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '../../src-main/shared/domain';
import type { Bridge } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { reportingTo } from './attempt';

/** Facts about the running app, once main has told them. */
export interface AppInfoState {
  readonly info: AppInfo | null;
  load(): Promise<void>;
}

/** A store of app facts. */
export type AppInfoStore = StoreApi<AppInfoState>;

/** Creates the store behind the header's host badge. */
export function createAppInfoStore(bridge: Bridge, alerts: AlertsStore): AppInfoStore {
  const tryOrReport = reportingTo(alerts);
  return createStore<AppInfoState>()((set) => ({
    info: null,
    async load() {
      await tryOrReport('ECF Desk could not describe where it runs.', async () =>
        set({ info: await bridge.invoke('app.getInfo', {}) }),
      );
    },
  }));
}
