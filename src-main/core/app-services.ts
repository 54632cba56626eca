import path from 'node:path';
import { settings as settingsSchema } from '../shared/domain';
import type { Handlers } from './api/handlers';
import { withCallLog } from './api/logged-handlers';
import { AppError } from './errors';
import { createDocumentsService } from './documents/documents-service';
import { createAccountsService } from './court/accounts-service';
import { createCourtConnection } from './court/court-connection';
import { urlTrustOf } from './court/court-profiles';
import { createCourtSession } from './court/court-session';
import { createFilingServices } from './filing/filing-services';
import { createInboxService } from './inbox/inbox-service';
import { createPolicy } from './policy/create-policy';
import type { PolicySource } from './policy/policy-source';
import type { UntrustedReaders } from './isolation/isolated-readers';
import type { CourtFetch } from './court/pacer-login';
import type { Clock, DesktopNotifier, EmitEvent, FileChooser, SettingsStore, TrainingCourtLauncher } from './ports';
import { systemClock } from './ports';
import { dataFileNames } from './storage/app-data-folder';
import { openDatabase } from './storage/database';
import { createDocumentStore, sha256Of } from './storage/document-store';
import { createAccountsTable } from './storage/accounts-table';
import { createAppLog, type AppLog, type LogLevel } from './storage/app-log';
import { createDocumentsTable } from './storage/documents-table';
import { isStoredPdfInUse } from './storage/pdf-references';
import { createCredentialVault } from './vault/credential-vault';
import type { SecretStore } from './vault/secret-store';
import { writeSupportBundle } from './support/support-bundle';
import { gateCourtFetch } from './security/gated-fetch';

/** What a host hands core: where data lives, and its implementations of the ports. */
export interface CoreServicesOptions {
  readonly dataFolder: string;
  readonly host: 'electron' | 'browser';
  readonly version: string;
  readonly settingsStore: SettingsStore;
  readonly fileChooser: FileChooser | null;
  /** Reads PDFs and emails: in child processes within time and memory limits in both hosts (they are hostile input). */
  readonly readers: UntrustedReaders;
  readonly emit: EmitEvent;
  readonly clock?: Clock;
  /** Starts the embedded training court; null where the host has none. */
  readonly trainingCourt?: TrainingCourtLauncher | null;
  /** The OS keychain (through @napi-rs/keyring in both hosts; tests may pass another). */
  readonly secretStore: SecretStore;
  /** How main reaches the court (Electron's net.fetch in the desktop app, Node's fetch in browser mode); core wraps it in the URL gate. */
  readonly fetch?: CourtFetch;
  /** How long the outbox waits before trying an unreachable court again (tests shorten it). */
  readonly outboxRetryDelayMs?: number;
  /** How often the training court's mailbox is read for NEFs (tests shorten it). */
  readonly noticePollMs?: number;
  /** The desktop's notifications for new notices (the desktop app); browser mode's page shows its own. */
  readonly notifier?: DesktopNotifier | null;
  /** Where machine policy is read; absent, this platform's places (registry, managed preferences, /etc/ecf-desk/policy.json). */
  readonly policySources?: readonly PolicySource[];
}

/** Core, built once per launch: the handler for every channel, and a way to shut down cleanly. */
export interface CoreServices {
  readonly handlers: Handlers;
  /** The app's log, at the level machine policy sets (the desktop shell logs updates through it). */
  readonly log: AppLog;
  /** Machine policy's values once read (the desktop shell sets up updates from `updateMode` and `updateUrl`). */
  policyReady(): Promise<Readonly<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** Builds every core service for one host; both hosts call this and nothing else. */
export function createCoreServices(options: CoreServicesOptions): CoreServices {
  const clock = options.clock ?? systemClock;
  const database = openDatabase(path.join(options.dataFolder, dataFileNames.database));
  const documentStore = createDocumentStore(path.join(options.dataFolder, dataFileNames.documents));
  const documents = createDocumentsService({
    table: createDocumentsTable(database),
    store: documentStore,
    pdfReader: options.readers.pdfReader,
    preflighter: options.readers.preflighter,
    fixer: options.readers.fixer,
    fileChooser: options.fileChooser,
    clock,
    emit: options.emit,
  });
  const { settingsStore: storedSettings } = options;
  // The log asks machine policy for its level at every line, so a changed `logLevel` applies at once.
  let logLevel = (): LogLevel => 'info';
  const log = createAppLog(path.join(options.dataFolder, dataFileNames.logs), clock, () => logLevel());
  // Machine policy beats the user's settings everywhere core reads them; a change is picked up without a restart.
  const policy = createPolicy({
    platform: process.platform,
    log: (line) => log(line, 'warn'),
    ...(options.policySources ? { sources: options.policySources } : {}),
    onChange: () => {
      void court.use(settingsStore.read().courtProfile).then(() => options.emit('court.statusChanged', court.status()));
      void inbox.applyRetention();
    },
  });
  logLevel = () => policy.effective().values.logLevel;
  const settingsStore: SettingsStore = {
    read: () => policy.applyTo(storedSettings.read()),
    write: (next) => storedSettings.write(policy.settingsToSave(next, storedSettings.read())),
  };
  const court = createCourtConnection({
    launcher: options.trainingCourt ?? null,
    onChange: (status) => options.emit('court.statusChanged', status),
  });
  const accounts = createAccountsService({
    table: createAccountsTable(database),
    store: options.secretStore,
    vault: createCredentialVault(options.secretStore),
    clock,
    isStorageAllowed: () => settingsStore.read().allowCredentialStorage,
    currentProfile: () => settingsStore.read().courtProfile,
    log,
  });
  // All court traffic goes through the URL gate, here and only here: a refused address never reaches the network.
  const urlTrust = () => urlTrustOf(court.status());
  const courtFetch: CourtFetch = gateCourtFetch(options.fetch ?? ((url, init) => fetch(url, init)), urlTrust);
  // The outbox's and the inbox's court requests end when core closes, so close need not wait out a slow court; each
  // records what a request cut short means (a final submit is checked against the docket at the next start).
  const closing = new AbortController();
  const workFetch: CourtFetch = (url, init) =>
    courtFetch(url, { ...init, signal: AbortSignal.any([init.signal, closing.signal]) });
  const session = createCourtSession({
    accounts,
    court: () => court.status(),
    fetch: courtFetch,
    clock,
    onChange: (status) => {
      options.emit('session.changed', status);
      // Filings queued while nobody was logged in go as soon as a filer is.
      if (status.state === 'logged-in') filing.kick();
    },
  });
  const filing = createFilingServices({
    database,
    documents,
    session,
    court: () => court.status(),
    fetch: workFetch,
    clock,
    emit: options.emit,
    log,
    readDraftPackage: options.readers.readDraftPackage,
    readFilingPage: options.readers.readFilingPage,
    ...(options.outboxRetryDelayMs === undefined ? {} : { retryDelayMs: options.outboxRetryDelayMs }),
  });
  const inbox = createInboxService({
    database,
    parser: options.readers.noticeParser,
    convertMsg: options.readers.convertMsg,
    readCourtPage: options.readers.readCourtPage,
    countPdfPages: options.readers.countPdfPages,
    fetch: workFetch,
    clock,
    secrets: options.secretStore,
    mailboxes: () => settingsStore.read().mailboxes,
    saveMailboxes: (mailboxes) => settingsStore.write({ ...settingsStore.read(), mailboxes: [...mailboxes] }),
    trainingMaildir: () => court.noticeFolder(),
    urlTrust,
    sessionToken: () => session.token(),
    keepPdf: async (bytes) => {
      const sha256 = await sha256Of(bytes);
      await documentStore.put(bytes, sha256);
      return sha256;
    },
    readPdf: (sha256) => documentStore.read(sha256),
    dropPdf: async (sha256) => {
      if (!isStoredPdfInUse(database, sha256)) await documentStore.remove(sha256);
    },
    retentionDays: () => policy.effective().values.noticeRetentionDays,
    onEntry: (caseId, deSeqNum) => filing.outbox.markFiled(caseId, deSeqNum, clock.now()),
    onChange: (id) => options.emit('inbox.changed', { id }),
    notifier: options.notifier ?? null,
    log,
    ...(options.noticePollMs === undefined ? {} : { pollMs: options.noticePollMs }),
  });
  // The court comes up in the background: the app's own screens do not wait for it.
  const policyRead = policy.refresh().then(() => policy.watch());
  void policyRead.then(() => court.use(settingsStore.read().courtProfile));
  void policyRead.then(() => inbox.applyRetention());
  // A check cut short by a quit or a crash starts again now, so no document is left saying it is being checked.
  documents.resumeInterruptedPreflights();

  const handlers: Handlers = {
    'app.getInfo': async () => ({
      name: 'ECF Desk',
      version: options.version,
      host: options.host,
      dataFolder: options.dataFolder,
    }),
    'court.status': async () => court.status(),
    'accounts.list': () => accounts.list(),
    'accounts.save': (input) => accounts.save(input),
    'accounts.remove': async ({ id }) => {
      await session.forgetAccount(id);
      await accounts.remove(id);
      return null;
    },
    'accounts.test': (request) => session.test(request),
    'session.status': async () => session.status(),
    'session.login': (request) => session.login(request),
    'session.verify': () => session.verify(),
    'session.logout': async () => {
      await session.logout();
      return session.status();
    },
    'documents.list': async () => documents.list(),
    'documents.content': ({ id }) => documents.content(id),
    'documents.add': ({ jobId, name, bytes }) => documents.add(jobId, name, bytes),
    'documents.choose': () => documents.choose(),
    'documents.remove': async ({ id }) => {
      documents.remove(id);
      return null;
    },
    'documents.restore': async ({ id }) => documents.restore(id),
    'documents.preflight': async ({ id }) => documents.preflight(id),
    'documents.cancelPreflight': async ({ id }) => documents.cancelPreflight(id),
    'documents.fix': ({ id, fix, dropAnnotations }) => documents.fix(id, fix, dropAnnotations ?? 'none'),
    'documents.cancelFix': async ({ id }) => documents.cancelFix(id),
    'documents.undoFix': async ({ id }) => documents.undoFix(id),
    ...filing.handlers,
    'inbox.list': async (query) => inbox.list(query),
    'inbox.get': async ({ id }) => inbox.get(id),
    'inbox.markRead': async ({ id, isRead }) => inbox.markRead(id, isRead),
    'inbox.importFile': ({ name, bytes }) => inbox.importFile(name, bytes),
    'inbox.fetchDocument': ({ id, number }) => inbox.fetchDocument(id, number),
    'inbox.buyDocument': ({ id, number, acceptsFeeCents }) => inbox.buyDocument(id, number, acceptsFeeCents),
    'inbox.exportDeadlines': async () => inbox.exportDeadlines() as Uint8Array<ArrayBuffer>,
    'inbox.documentContent': async ({ id, number }) =>
      (await inbox.documentContent(id, number)) as Uint8Array<ArrayBuffer>,
    'mailboxes.list': () => inbox.mailboxes(),
    'mailboxes.save': (input) => inbox.saveMailbox(input),
    'mailboxes.remove': async ({ id }) => {
      await inbox.removeMailbox(id);
      return null;
    },
    'mailboxes.sync': ({ id }) => inbox.syncMailbox(id),
    'settings.managed': async () => [...policy.effective().managed],
    'settings.get': async () => settingsStore.read(),
    'settings.update': async (changes) => {
      const previous = settingsStore.read();
      // A key sent as undefined (possible over IPC, not over JSON) changes nothing; it must not erase the setting.
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const next = settingsSchema.parse({ ...previous, ...given });
      settingsStore.write(next);
      if (next.courtProfile !== previous.courtProfile) void court.use(next.courtProfile);
      return next;
    },
    'support.exportBundle': async () =>
      writeSupportBundle({
        dataFolder: options.dataFolder,
        version: options.version,
        host: options.host,
        settings: settingsStore.read(),
        managed: policy.effective().managed,
        courtStatus: court.status(),
        now: clock.now(),
      }),
  };

  // Calls under way when core closes are awaited; calls after that are refused, so none writes to a closed database.
  let isClosing = false;
  const callsUnderWay = new Set<Promise<unknown>>();
  const guarded = Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      (args: unknown): Promise<unknown> => {
        if (isClosing) return Promise.reject(new AppError('internal', 'ECF Desk is closing.'));
        const call = (handler as (args: unknown) => Promise<unknown>)(args);
        const settled: Promise<unknown> = call.then(
          () => callsUnderWay.delete(settled),
          () => callsUnderWay.delete(settled),
        );
        callsUnderWay.add(settled);
        return call;
      },
    ]),
  ) as unknown as Handlers;

  return {
    handlers: withCallLog(guarded, log),
    log,
    policyReady: async () => {
      await policyRead;
      return policy.effective().values;
    },
    /**
     * Resolves only once nothing will touch the data folder again: new calls are refused, timers stopped, the outbox's
     * and the inbox's court requests cut short, and every pass, check and call under way has ended before the log and
     * the database close. Checks resume at the next start.
     */
    async close() {
      isClosing = true;
      closing.abort();
      await policy.close();
      await Promise.all([inbox.close(), filing.close(), documents.close(), ...callsUnderWay]);
      // PACER sessions end at the court when the app quits, as the user would expect of a logout.
      await session.logout();
      await court.close();
      log.close();
      database.close();
    },
  };
}
