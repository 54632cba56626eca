import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ManagedSetting, PageMapInUse, Settings } from '../../src-main/shared/domain';
import type { FirmServerConnection, FirmServerStatus } from '../../src-main/shared/firm-server';
import type { Bridge } from '../create-bridge';
import type { AccountsStore } from './accounts-store';
import type { AlertsStore } from './alerts-store';
import { inBackgroundReportingTo } from './background';
import { attempt, reportingTo, type Attempt } from './attempt';
import type { ListStatus } from './documents-store';
import { createLatestRequest } from './latest-request';

/** A change to some of the settings, as `settings.update` takes it. */
export type SettingsChanges = Partial<Settings>;

/** The Settings screen's state and the actions that change it. */
export interface SettingsState {
  readonly status: ListStatus;
  /** The settings as main last answered, with any change still on its way shown already; null until main has answered. */
  readonly settings: Settings | null;
  /** The settings the machine's policy locks, with the values it sets and where it was read. */
  readonly managed: readonly ManagedSetting[];
  /** Which page map filing with the court in use goes by; null until main has answered. */
  readonly pageMap: PageMapInUse | null;
  /** The latest sentence for screen readers (read by a polite live region). */
  readonly announcement: string;
  /** The firm server connection as the server last answered; null until asked. */
  readonly firmServer: FirmServerStatus | null;
  /** Whether the firm server is being asked now (its answer may take a few seconds off the firm's network). */
  readonly isCheckingFirmServer: boolean;

  /** Loads the settings and follows the court's events (a court switch or a new policy may change them); returns the function that stops following. */
  connect(): () => void;
  /** Reads the settings and the managed list again. */
  load(): Promise<void>;
  /**
   * Saves a change, showing it at once; if main refuses, the old values come back and the banner says why.
   * A change to a setting the policy locks is not sent at all.
   */
  update(changes: SettingsChanges): Promise<void>;
  /** The support bundle's bytes (gzip'd JSON, redacted in main); rejects with the bridge's error. */
  exportSupportBundle(): Promise<Uint8Array>;
  /** Asks the firm server who the kept token stands for. */
  checkFirmServer(): Promise<void>;
  /** Connects; answers the failure's words for the form to show in place (nothing is saved then). */
  connectFirmServer(connection: FirmServerConnection): Promise<Attempt<FirmServerStatus>>;
  /** Forgets the token (and the address, unless policy sets it). */
  disconnectFirmServer(): Promise<void>;
  /** The address of the user's calendar on the firm server; answers the failure's words to show in place. */
  firmCalendarLink(): Promise<Attempt<{ url: string }>>;
}

/** A store of the Settings screen's state. */
export type SettingsStore = StoreApi<SettingsState>;

/** How the banner and the live region name each setting. */
const settingNames: Record<keyof Settings, string> = {
  documentsSort: 'the sort order',
  courtProfile: 'the court setting',
  allowCredentialStorage: 'the password setting',
  mailboxes: 'the mailboxes',
  trainingIntroDismissed: 'your choice to hide the training court introduction',
  pageMap: 'the court page map',
  firmServerUrl: 'the firm server',
};

/** "the court setting", or "your settings" when a change touches more than one. */
function nameChanges(keys: readonly (keyof Settings)[]): string {
  const [only] = keys;
  return keys.length === 1 && only ? settingNames[only] : 'your settings';
}

/** The keys a change touches, in the order it lists them. */
function keysOf(changes: SettingsChanges): (keyof Settings)[] {
  return (Object.keys(changes) as (keyof Settings)[]).filter((key) => changes[key] !== undefined);
}

/** Whether the policy locks a setting. */
export function isManaged(managed: readonly ManagedSetting[], key: keyof Settings): boolean {
  return managed.some((setting) => setting.key === key);
}

/** Creates the Settings screen's store; a change to password storage reads the accounts again, since what is saved for them depends on it. */
export function createSettingsStore(bridge: Bridge, alerts: AlertsStore, accounts: AccountsStore): SettingsStore {
  const tryOrReport = reportingTo(alerts);
  const inBackground = inBackgroundReportingTo(alerts);
  /** Only the answer to the latest read counts, whatever order the answers come in. */
  const loads = createLatestRequest();
  /** Only the answer to the latest change sent replaces the settings shown. */
  const updates = createLatestRequest();
  /** Changes sent and not yet answered: a read that answers meanwhile would show the old values for a moment. */
  let pendingUpdates = 0;

  return createStore<SettingsState>()((set, get) => ({
    status: 'loading',
    settings: null,
    managed: [],
    pageMap: null,
    announcement: '',
    firmServer: null,
    isCheckingFirmServer: false,

    connect() {
      const stopCourt = bridge.on('court.statusChanged', () => inBackground('Reading the settings', get().load()));
      inBackground('Reading the settings', get().load());
      return stopCourt;
    },

    async load() {
      const request = loads.begin();
      // Both or neither: a setting shown without its policy could look changeable when it is not.
      const read = await tryOrReport(
        () => (request.isLatest() ? 'Your settings could not be read.' : null),
        () =>
          Promise.all([
            bridge.invoke('settings.get', {}),
            bridge.invoke('settings.managed', {}),
            bridge.invoke('settings.pageMap', {}),
          ]),
      );
      if (!request.isLatest()) {
        return;
      }
      if (read.ok) {
        const [settings, managed, pageMap] = read.value;
        set(
          pendingUpdates > 0 ? { managed, pageMap, status: 'ready' } : { settings, managed, pageMap, status: 'ready' },
        );
      } else if (get().status === 'loading') {
        set({ status: 'failed' });
      }
    },

    exportSupportBundle: () => bridge.invoke('support.exportBundle', {}),

    async checkFirmServer() {
      set({ isCheckingFirmServer: true });
      const checked = await tryOrReport('ECF Desk could not check the firm server connection.', () =>
        bridge.invoke('firmServer.status', {}),
      );
      set(checked.ok ? { firmServer: checked.value, isCheckingFirmServer: false } : { isCheckingFirmServer: false });
    },

    async connectFirmServer(connection) {
      set({ isCheckingFirmServer: true });
      const connected = await attempt(() => bridge.invoke('firmServer.connect', connection));
      set({ isCheckingFirmServer: false });
      if (connected.ok) {
        set({
          firmServer: connected.value,
          announcement: `Connected to the firm server as ${connected.value.user?.name ?? 'you'}.`,
        });
        // The address is saved in the settings once the server has accepted the token.
        await get().load();
      }
      return connected;
    },

    async disconnectFirmServer() {
      const disconnected = await tryOrReport('ECF Desk could not disconnect from the firm server.', () =>
        bridge.invoke('firmServer.disconnect', {}),
      );
      if (disconnected.ok) {
        set({ firmServer: disconnected.value, announcement: 'Disconnected from the firm server.' });
        await get().load();
      }
    },

    firmCalendarLink: () => attempt(() => bridge.invoke('firmServer.calendarLink', {})),

    async update(changes) {
      const before = get().settings;
      const keys = keysOf(changes).filter((key) => !isManaged(get().managed, key));
      if (before === null || keys.length === 0) {
        return;
      }
      const sent: SettingsChanges = Object.fromEntries(keys.map((key) => [key, changes[key]]));
      const shown: Settings = { ...before, ...sent };
      const change = updates.begin();
      pendingUpdates += 1;
      set({ settings: shown });
      const saved = await tryOrReport(`ECF Desk did not change ${nameChanges(keys)}.`, () =>
        bridge.invoke('settings.update', sent),
      );
      pendingUpdates -= 1;
      if (!saved.ok) {
        // Put back only what this change showed and nothing since has replaced, so a later change is not undone with it.
        const current = get().settings;
        if (current === null) {
          return;
        }
        const restored = Object.fromEntries(
          keys.filter((key) => current[key] === shown[key]).map((key) => [key, before[key]]),
        );
        set({ settings: { ...current, ...restored } });
        return;
      }
      if (change.isLatest()) {
        set({ settings: saved.value });
      }
      set({ announcement: `Saved ${nameChanges(keys)}.` });
      if (keys.includes('allowCredentialStorage')) {
        inBackground('Reading the accounts', accounts.getState().load());
      }
      // Which page map filing goes by depends on the map loaded (a court switch is read again on the court's event).
      if (keys.includes('pageMap')) {
        inBackground('Reading the settings', get().load());
      }
    },
  }));
}
