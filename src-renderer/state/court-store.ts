import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtStatus } from '../../src-main/shared/domain';
import type { Bridge } from '../create-bridge';
import type { NoticesStore } from './notices-store';
import { runInBackground } from './background';

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
export function createCourtStore(bridge: Bridge, notices: NoticesStore): CourtStore {
  /** Counts every status received, so a slow answer cannot replace an event that came after it was asked. */
  let latestStatus = 0;

  return createStore<CourtState>()((set, get) => ({
    status: null,

    connect() {
      const stopChanges = bridge.on('court.statusChanged', (status) => {
        latestStatus += 1;
        set({ status });
      });
      runInBackground('Reading the court', get().load(), (title, error) => notices.getState().report(title, error));
      return stopChanges;
    },

    async load() {
      const request = ++latestStatus;
      try {
        const status = await bridge.invoke('court.status', {});
        if (request === latestStatus) set({ status });
      } catch (error) {
        notices.getState().report('ECF Desk could not tell which court it talks to.', error);
      }
    },
  }));
}
