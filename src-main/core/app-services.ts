import path from 'node:path';
import { joinChannels, type Handlers } from './api/handlers';
import { appChannels } from './app-channels';
import { closableHandlers } from './api/closing-handlers';
import { withCallLog } from './api/logged-handlers';
import { createDocumentsService } from './documents/documents-service';
import { createAccountsService } from './court/accounts-service';
import { createCourtConnection } from './court/court-connection';
import { urlTrustOf } from './court/court-profiles';
import { createCourtSession } from './court/court-session';
import { createFilingServices } from './filing/filing-services';
import { createInboxService } from './inbox/inbox-service';
import { createPageMapChoice } from './court/page-map-choice';
import { createPolicy } from './policy/create-policy';
import type { PolicySource } from './policy/policy-source';
import type { UntrustedReaders } from './isolation/isolated-readers';
import type { CourtFetch } from './court/pacer-login';
import type { Clock, DesktopNotifier, EmitEvent, FileChooser, SettingsFile, TrainingCourtLauncher } from './ports';
import { systemClock } from './ports';
import { dataFileNames } from './storage/app-data-folder';
import { openDatabase } from './storage/database';
import { createDocumentStore, sha256Of, type DocumentStore } from './storage/document-store';
import { createAccountsTable } from './storage/accounts-table';
import { runInBackground } from './background';
import { createAppLog, type AppLog, type LogLevel } from './storage/app-log';
import { createDocumentsTable } from './storage/documents-table';
import { createDraftsTable } from './storage/drafts-table';
import { firmNamesOf } from './filing/firm-names';
import { isStoredPdfInUse } from './storage/pdf-references';
import { createCredentialVault } from './vault/credential-vault';
import type { SecretStore } from './vault/secret-store';
import { supportChannels } from './support/support-channels';
import { settingsChannels } from './storage/settings-channels';
import { inboxChannels } from './inbox/inbox-channels';
import { filingChannels } from './filing/filing-channels';
import { documentsChannels } from './documents/documents-channels';
import { sessionChannels } from './court/session-channels';
import { accountsChannels } from './court/accounts-channels';
import { courtChannels } from './court/court-channels';
import { gateCourtFetch } from './security/gated-fetch';
import { createFirmConnection } from './firm-connection/firm-connection';
import { startFirmSync } from './firm-connection/firm-sync';
import { firmChannels } from './firm-connection/firm-channels';
import { createSharedDrafts } from './firm-connection/shared-drafts-sync';
import { createSharedDraftsTable } from './storage/shared-drafts-table';
import { recordAccountOf } from './filing/record-account';
import { currentOsUser } from './filing/filing-journal';

/** What a host hands core: where data lives, and its implementations of the ports. */
export interface CoreServicesOptions {
  readonly dataFolder: string;
  readonly host: 'electron' | 'browser';
  readonly version: string;
  readonly settingsFile: SettingsFile;
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
  /** How often a desktop connected to a firm server asks it for changes besides being told (default 60 s). */
  readonly firmSyncPollMs?: number;
  /** The desktop's notifications for new notices (the desktop app); browser mode's page shows its own. */
  readonly notifier?: DesktopNotifier | null;
  /** Where machine policy is read; absent, this platform's places (registry, managed preferences, /etc/ecf-desk/policy.json). */
  readonly policySources?: readonly PolicySource[];
  /** Where PDFs are kept; absent, `documents/` in the data folder (tests pass one whose disk fills up). */
  readonly documentStore?: DocumentStore;
  /** How long the inbox waits before saving again a free look the disk refused (tests shorten it). */
  readonly freeLookSaveRetryMs?: number;
  /** Who the filing record names as the computer's user; absent, the OS user running the app (tests name one). */
  readonly osUser?: string;
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
  const documentStore =
    options.documentStore ?? createDocumentStore(path.join(options.dataFolder, dataFileNames.documents));
  const draftsForFirmNames = createDraftsTable(database);
  const documents = createDocumentsService({
    table: createDocumentsTable(database),
    store: documentStore,
    readDocument: options.readers.readDocument,
    preflighter: options.readers.preflighter,
    fixer: options.readers.fixer,
    fileChooser: options.fileChooser,
    clock,
    emit: options.emit,
    // The firms the drafts' signers name: a PDF whose properties name only the firm is not worth a warning.
    firmNames: () => firmNamesOf(draftsForFirmNames.list()),
  });
  const { settingsFile: storedSettings } = options;
  // The log asks machine policy for its level at every line, so a changed `logLevel` applies at once.
  let logLevel = (): LogLevel => 'info';
  const log = createAppLog(path.join(options.dataFolder, dataFileNames.logs), clock, () => logLevel());
  // Machine policy beats the user's settings everywhere core reads them; a change is picked up without a restart.
  const policy = createPolicy({
    platform: process.platform,
    log: (line) => log(line, 'warn'),
    ...(options.policySources ? { sources: options.policySources } : {}),
    onChange: () => {
      runInBackground(
        'Switching the court after a policy change',
        court.use(settings.read().courtProfile).then(() => options.emit('court.statusChanged', court.status())),
        log,
      );
      runInBackground('Applying notice retention after a policy change', inbox.applyRetention(), log);
    },
  });
  logLevel = () => policy.effective().values.logLevel;
  // The settings as core uses them: machine policy's values over the user's file; what policy sets is never saved to it.
  const settings: SettingsFile = {
    read: () => policy.applyTo(storedSettings.read()),
    write: (next) => storedSettings.write(policy.settingsToSave(next, storedSettings.read())),
  };
  const court = createCourtConnection({
    launcher: options.trainingCourt ?? null,
    onChange: (status) => options.emit('court.statusChanged', status),
  });
  const accountsTable = createAccountsTable(database);
  const accounts = createAccountsService({
    table: accountsTable,
    store: options.secretStore,
    vault: createCredentialVault(options.secretStore),
    clock,
    isStorageAllowed: () => settings.read().allowCredentialStorage,
    currentProfile: () => settings.read().courtProfile,
    log,
  });
  // All court traffic goes through the URL gate, here and only here: a refused address never reaches the network.
  const urlTrust = () => urlTrustOf(court.status());
  const hostFetch: CourtFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const courtFetch: CourtFetch = gateCourtFetch(hostFetch, urlTrust);
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
      if (status.state === 'logged-in') {
        filing.kick();
      }
    },
  });
  // The page map filing goes by: the file machine policy names, else one the user loaded, else the one shipped.
  const pageMaps = createPageMapChoice({
    loaded: () => settings.read().pageMap ?? null,
    managedFile: () => {
      const managed = policy.effective().managed.find((setting) => setting.key === 'pageMapFile');
      const file = policy.effective().values.pageMapFile;
      return managed && file !== '' ? { path: file, source: managed.source } : null;
    },
  });
  const filing = createFilingServices({
    pageMap: (court) => pageMaps.forCourt(court),
    database,
    documents,
    session,
    accounts,
    court: () => court.status(),
    fetch: workFetch,
    clock,
    emit: options.emit,
    log,
    readDraftPackage: options.readers.readDraftPackage,
    readFilingPage: options.readers.readFilingPage,
    account: () => recordAccountOf(session.status(), (id) => accountsTable.find(id)?.name ?? null),
    osUser: options.osUser ?? currentOsUser(),
    ...(options.outboxRetryDelayMs === undefined ? {} : { retryDelayMs: options.outboxRetryDelayMs }),
    // A shared draft is filed from one desktop only: the firm server records whose outbox it is in first.
    beforeSubmit: (draft) => sharedDrafts.claimForFiling(draft),
    onDraftsChanged: (id) => sharedDrafts.draftChanged(id),
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
    mailboxes: () => settings.read().mailboxes,
    saveMailboxes: (mailboxes) => settings.write({ ...settings.read(), mailboxes: [...mailboxes] }),
    trainingMaildir: () => court.noticeFolder(),
    urlTrust,
    sessionToken: () => session.token(),
    keepPdf: async (bytes) => {
      const sha256 = await sha256Of(bytes);
      await documentStore.put(bytes, sha256);
      return sha256;
    },
    readPdf: (sha256) => documentStore.read(sha256),
    hasPdf: (sha256) => documentStore.has(sha256),
    firmDocument: (origin, sha256) => firm.fetchDocument(origin, sha256),
    dropPdf: async (sha256) => {
      if (!isStoredPdfInUse(database, sha256)) {
        await documentStore.remove(sha256);
      }
    },
    retentionDays: () => policy.effective().values.noticeRetentionDays,
    onEntry: (caseId, deSeqNum) => filing.outbox.markFiled(caseId, deSeqNum, clock.now()),
    onCourtCopies: (entry) => filing.checkCourtCopies(entry),
    onChange: (id) => options.emit('inbox.changed', { id }),
    notifier: options.notifier ?? null,
    log,
    ...(options.noticePollMs === undefined ? {} : { pollMs: options.noticePollMs }),
    ...(options.freeLookSaveRetryMs === undefined ? {} : { saveRetryMs: options.freeLookSaveRetryMs }),
  });
  // The firm server: its own gate (its one origin, its own routes) around the same host fetch.
  const firm = createFirmConnection({
    fetch: hostFetch,
    secrets: options.secretStore,
    address: () => ({
      url: settings.read().firmServerUrl ?? null,
      managedBy: policy.effective().managed.find((setting) => setting.key === 'firmServerUrl')?.source ?? null,
    }),
    saveAddress: (url) => settings.write({ ...settings.read(), firmServerUrl: url }),
    log,
  });
  // Connected, the desktop follows the firm server: its notices for the user's cases come into the inbox.
  const firmSync = startFirmSync({
    connection: firm,
    inbox,
    log,
    ...(options.firmSyncPollMs === undefined ? {} : { pollMs: options.firmSyncPollMs }),
  });
  // Shared drafts (docs/firm-server.md#shared-drafts): a change made here goes to the firm server, offline as soon as it
  // can be reached; a newer version there replaces a copy here that has no change waiting.
  const sharedDrafts = createSharedDrafts({
    connection: firm,
    table: createSharedDraftsTable(database),
    drafts: {
      find: (id) => filing.drafts.lookup(id),
      keep: (draft, detail) => void filing.drafts.adopt(draft, detail),
    },
    documents,
    clock,
    onChange: (id) => options.emit('drafts.changed', { id }),
    log,
    ...(options.firmSyncPollMs === undefined ? {} : { pollMs: options.firmSyncPollMs }),
  });
  // The court comes up in the background: the app's own screens do not wait for it.
  const policyRead = policy.refresh().then(() => policy.watch());
  runInBackground(
    'Starting the court',
    policyRead.then(() => court.use(settings.read().courtProfile)),
    log,
  );
  runInBackground(
    'Applying notice retention at start',
    policyRead.then(() => inbox.applyRetention()),
    log,
  );
  // A check cut short by a quit or a crash starts again now, so no document is left saying it is being checked.
  documents.resumeInterruptedPreflights();

  const handlers = joinChannels(
    appChannels(options),
    courtChannels({ status: () => court.status(), findCases: filing.findCases, caseParties: filing.caseParties }),
    accountsChannels(accounts, session),
    sessionChannels(session),
    documentsChannels(documents),
    filingChannels(filing),
    inboxChannels(inbox),
    firmChannels(firm, sharedDrafts, () => {
      firmSync.refresh();
      sharedDrafts.refresh();
    }),
    settingsChannels({
      settings,
      managed: () => policy.effective().managed,
      pageMapInUse: () => pageMaps.describe(settings.read().courtProfile),
      onCourtProfileChanged: (profileId) => runInBackground('Switching the court', court.use(profileId), log),
    }),
    supportChannels(() => ({
      dataFolder: options.dataFolder,
      version: options.version,
      host: options.host,
      settings: settings.read(),
      managed: policy.effective().managed,
      courtStatus: court.status(),
      now: clock.now(),
    })),
  );

  // Calls under way when core closes are awaited; calls after that are refused, so none writes to a closed database.
  const calls = closableHandlers(handlers);

  return {
    handlers: withCallLog(calls.handlers, log),
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
      const callsEnded = calls.close();
      closing.abort();
      await policy.close();
      await Promise.all([
        firmSync.close(),
        sharedDrafts.close(),
        inbox.close(),
        filing.close(),
        documents.close(),
        callsEnded,
      ]);
      // PACER sessions end at the court when the app quits, as the user would expect of a logout.
      await session.logout();
      await court.close();
      log.close();
      database.close();
    },
  };
}
