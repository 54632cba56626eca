import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SharedDraftsView } from '../../src-main/shared/firm-server';
import type { Bridge } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { reportingTo } from './attempt';
import { inBackgroundReportingTo } from './background';
import { createLatestRequest } from './latest-request';

/** The Filings screen's shared drafts (docs/firm-server.md#shared-drafts): the firm server's, and this desktop's copies. */
export interface SharedDraftsState {
  /** Null until first read. */
  readonly view: SharedDraftsView | null;
  /** The drafts with a request under way (a second press waits for the first). */
  readonly busy: readonly string[];
  /** Reads the list and again whenever a draft changes; returns the function that stops following. */
  connect(): () => void;
  load(): Promise<void>;
  /** Shares a draft of this desktop with its case team. */
  share(draftId: string): Promise<void>;
  /** Takes a shared draft onto this desktop (its latest version); whether it is here now. */
  open(id: string): Promise<boolean>;
  /** Resolves a conflict: the firm's version in its place, this desktop's kept as a draft of its own. */
  takeFirmVersion(draftId: string): Promise<void>;
}

/** A store of the shared drafts. */
export type SharedDraftsStore = StoreApi<SharedDraftsState>;

/** Creates the shared drafts' store. */
export function createSharedDraftsStore(bridge: Bridge, alerts: AlertsStore): SharedDraftsStore {
  const tryOrReport = reportingTo(alerts);
  const inBackground = inBackgroundReportingTo(alerts);
  const loads = createLatestRequest();
  return createStore<SharedDraftsState>()((set, get) => {
    /** Runs `call` for one draft unless one is under way for it, then reads the list again. */
    const forDraft = async (id: string, title: string, call: () => Promise<unknown>): Promise<boolean> => {
      if (get().busy.includes(id)) {
        return false;
      }
      set({ busy: [...get().busy, id] });
      try {
        return (await tryOrReport(title, call)).ok;
      } finally {
        set({ busy: get().busy.filter((each) => each !== id) });
        inBackground('Reading the shared drafts', get().load());
      }
    };
    return {
      view: null,
      busy: [],
      connect() {
        const stop = bridge.on('drafts.changed', () => inBackground('Reading the shared drafts', get().load()));
        inBackground('Reading the shared drafts', get().load());
        return stop;
      },
      async load() {
        const request = loads.begin();
        const view = await bridge.invoke('firmServer.sharedDrafts', {});
        if (request.isLatest()) {
          set({ view });
        }
      },
      async share(draftId) {
        await forDraft(draftId, 'The draft was not shared.', () => bridge.invoke('firmServer.shareDraft', { draftId }));
      },
      open: (id) =>
        forDraft(id, 'The shared draft was not opened.', () => bridge.invoke('firmServer.openSharedDraft', { id })),
      async takeFirmVersion(draftId) {
        await forDraft(draftId, "The firm's version was not taken.", () =>
          bridge.invoke('firmServer.takeFirmVersion', { draftId }),
        );
      },
    };
  });
}
