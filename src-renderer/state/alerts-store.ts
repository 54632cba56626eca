import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ErrorCode } from '../../src-main/shared/errors';
import { BridgeError } from '../create-bridge';
import { messageForUser } from './message-for-user';

/** A problem shown in the banner: what did not happen, and what main said about it. */
export interface Alert {
  readonly id: number;
  readonly title: string;
  readonly message: string;
  /** The error's code when main gave one, so a refusal by the court can link to its Help topic. */
  readonly code: ErrorCode | null;
}

/** The banner's alerts and how to add or dismiss them. */
export interface AlertsState {
  readonly alerts: readonly Alert[];
  /** Shows a failed call in the banner; the same message twice (say, main not answering) shows once. */
  report(title: string, error: unknown): void;
  dismiss(id: number): void;
}

/** A store of alerts. */
export type AlertsStore = StoreApi<AlertsState>;

/** Creates the store behind the non-blocking error banner. */
export function createAlertsStore(): AlertsStore {
  let nextId = 1;
  return createStore<AlertsState>()((set, get) => ({
    alerts: [],
    report(title, error) {
      const message = messageForUser(error);
      if (get().alerts.some((alert) => alert.message === message)) {
        return;
      }
      const code = error instanceof BridgeError ? error.code : null;
      set({ alerts: [...get().alerts, { id: nextId++, title, message, code }] });
    },
    dismiss(id) {
      set({ alerts: get().alerts.filter((alert) => alert.id !== id) });
    },
  }));
}
