import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtStatus } from '../../src-main/shared/domain';
import type { Bridge } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { inBackgroundReportingTo } from './background';
import { reportingTo } from './attempt';
import { createLatestRequest } from './latest-request';

/** The court the app talks to, as main last described it. */
export interface CourtState {
  /** Null until main has answered. */
  readonly status: CourtStatus | null;
  /** Follows main's court events and asks for the status; returns the function that stops following. */
  connect(): () => void;
  /** Asks main for the court's status. */
  load(): Promise<void>;
}

/** A store of the court's status. */
export type CourtStore = StoreApi<CourtState>;

/** Creates the store behind the header's court badge. */
export function createCourtStore(bridge: Bridge, alerts: AlertsStore): CourtStore {
  const tryOrReport = reportingTo(alerts);
  const inBackground = inBackgroundReportingTo(alerts);
  /** Every status received counts as newer, so a slow answer cannot replace an event that came after it was asked. */
  const statuses = createLatestRequest();

  return createStore<CourtState>()((set, get) => ({
    status: null,

    connect() {
      const stopChanges = bridge.on('court.statusChanged', (status) => {
        statuses.supersede();
        set({ status });
      });
      inBackground('Reading the court', get().load());
      return stopChanges;
    },

    async load() {
      const request = statuses.begin();
      await tryOrReport('ECF Desk could not tell which court it talks to.', async () => {
        const status = await bridge.invoke('court.status', {});
        if (request.isLatest()) {
          set({ status });
        }
      });
    },
  }));
}
