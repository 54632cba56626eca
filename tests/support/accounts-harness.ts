import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { Handlers } from '../../src-main/core/api/handlers';
import { createCoreServices, type CoreServices } from '../../src-main/core/app-services';
import type { PolicySource } from '../../src-main/core/policy/policy-source';
import type { CourtFetch } from '../../src-main/core/court/pacer-login';
import { createSettingsFile } from '../../src-main/core/storage/settings-file';
import type { DesktopNotifier, Preflighter } from '../../src-main/core/ports';
import type { SecretStore } from '../../src-main/core/vault/secret-store';
import type { EventName } from '../../src-main/shared/channel-names';
import type { Settings } from '../../src-main/shared/domain';
import { createInProcessReaders } from './in-process-readers';
import { createMemorySecretStore } from './memory-secret-store';
import { attorneyAtTheDesk } from './attorney-at-the-desk';
import { startTestCourt } from './training-court';
import type { TrainingCourtOptions } from '../../src-main/training-court/training-court';

/** Core services wired to a standalone training court, as the app wires them to its embedded one (accounts, filing). */
export interface AccountsHarness {
  readonly core: CoreServices;
  readonly handlers: Handlers;
  /** Quits core (as the app quits) and starts it again on the same data folder, court and keychain. */
  restart(): Promise<void>;
  readonly court: Awaited<ReturnType<typeof startTestCourt>>;
  readonly dataFolder: string;
  readonly store: SecretStore;
  /** Every event core emitted, in order. */
  readonly events: { name: EventName; payload: unknown }[];
  stop(): Promise<void>;
}

/** Starts a training court and the app's core against it, with the given keychain and settings. */
export async function startAccountsHarness(
  options: {
    store?: SecretStore;
    settings?: Partial<Settings>;
    fetch?: CourtFetch;
    preflighter?: Preflighter;
    court?: Partial<TrainingCourtOptions>;
    noticePollMs?: number;
    notifier?: DesktopNotifier;
    osUser?: string;
    /** Where machine policy is read (absent: none, so nothing is managed). */
    policySources?: readonly PolicySource[];
    /**
     * The signing attorney at the desk: confirms the docket text a court's final-text page shows as soon as a filing
     * waits for it (true unless a test watches that step itself; docs/court-pages.md#confirming-the-docket-text).
     */
    attorneyConfirmsDocketText?: boolean;
    /** A court other desktops use too (absent: one of its own, stopped with the harness). */
    sharedCourt?: Awaited<ReturnType<typeof startTestCourt>>;
    /** How often the desktop asks a firm server it connects to for changes (absent: the app's default). */
    firmSyncPollMs?: number;
  } = {},
): Promise<AccountsHarness> {
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-accounts-'));
  const court = options.sharedCourt ?? (await startTestCourt(options.court));
  const settingsFile = createSettingsFile(dataFolder);
  settingsFile.write({ ...settingsFile.read(), ...options.settings });
  const store = options.store ?? createMemorySecretStore();
  const events: { name: EventName; payload: unknown }[] = [];
  const attorney = attorneyAtTheDesk(() => core.handlers);
  const startCore = (): CoreServices =>
    createCoreServices({
      dataFolder,
      host: 'browser',
      version: '0.0.0',
      settingsFile,
      fileChooser: null,
      readers: createInProcessReaders(options.preflighter ? { preflighter: options.preflighter } : {}),
      emit: (name, payload) => {
        events.push({ name, payload });
        if (options.attorneyConfirmsDocketText ?? true) {
          attorney(name, payload);
        }
      },
      secretStore: store,
      trainingCourt: {
        start: async () => ({ url: court.url, maildirFolder: court.maildirFolder, close: async () => undefined }),
      },
      outboxRetryDelayMs: 20,
      ...(options.notifier ? { notifier: options.notifier } : {}),
      noticePollMs: options.noticePollMs ?? 100,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.osUser ? { osUser: options.osUser } : {}),
      policySources: options.policySources ?? [],
      ...(options.firmSyncPollMs === undefined ? {} : { firmSyncPollMs: options.firmSyncPollMs }),
    });
  const untilCourtReady = (core: CoreServices) =>
    vi.waitFor(async () => {
      if ((await core.handlers['court.status']({})).state !== 'ready') {
        throw new Error('court not ready');
      }
    });
  let core = startCore();
  await untilCourtReady(core);
  return {
    get core() {
      return core;
    },
    get handlers() {
      return core.handlers;
    },
    async restart() {
      await core.close();
      core = startCore();
      await untilCourtReady(core);
    },
    court,
    dataFolder,
    store,
    events,
    async stop() {
      await core.close();
      if (!options.sharedCourt) {
        await court.stop();
      }
      await rm(dataFolder, { recursive: true, force: true });
    },
  };
}
