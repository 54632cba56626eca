import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CourtStatus, ManagedSetting, Settings } from '../../shared/domain';
import { dataFileNames } from '../storage/app-data-folder';
import { summarizeDatabase, type DatabaseSummary } from './database-summary';
import { summarizeFolder, type FolderSummary } from './folder-summary';
import { readLogTail } from './read-log-tail';
import { redactForSupport } from './redact';
import { describeRuntime, type RuntimeFacts } from './runtime-facts';

/** How many of the log's last lines a bundle carries. */
export const supportLogLines = 2_000;

/** What stands in for a string setting that names a person or a server (a mailbox's host, user and folder). */
const setMark = '<set>';

/** What the bundle says it leaves out, so the person reading it need not wonder. */
const neverIncluded = [
  'the database file, or any row of it (only its size and each table’s row count)',
  'documents (only how many there are and their total size)',
  'settings.json as saved (the settings below have mailbox hosts, users and folders replaced)',
  'the keychain: PACER passwords, TOTP secrets, session tokens and mailbox passwords never leave it',
] as const;

/** What the support bundle is made from: facts core already has, and the data folder it reads sizes and the log from. */
export interface SupportBundleInput {
  readonly dataFolder: string;
  readonly version: string;
  readonly host: 'electron' | 'browser';
  /** The computer and runtimes; read from this process when absent (tests pass fixed ones). */
  readonly platform?: RuntimeFacts;
  readonly settings: Settings;
  readonly managed: readonly ManagedSetting[];
  readonly courtStatus: CourtStatus;
  readonly now: Date;
}

/** A mailbox as the bundle shows it: how it connects, not where or as whom. */
interface BundledMailbox {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user: string;
  readonly auth: Settings['mailboxes'][number]['auth'];
  readonly folder: string;
  readonly marksRead: boolean;
}

/** The settings as the bundle shows them: one entry for every key of `Settings`, none copied blindly. */
type BundledSettings = {
  readonly [Key in keyof Settings]-?: Key extends 'mailboxes' ? readonly BundledMailbox[] : Settings[Key];
};

/** The bundle's JSON, before it is compressed. */
export interface SupportBundle {
  readonly format: 'ecf-desk-support-bundle';
  readonly formatVersion: 1;
  readonly createdAt: string;
  readonly app: {
    readonly name: 'ECF Desk';
    readonly version: string;
    readonly host: 'electron' | 'browser';
    readonly dataFolder: string;
  };
  readonly system: Omit<RuntimeFacts, 'homeFolder'>;
  readonly settings: BundledSettings;
  /** What machine policy decides, with its values: they are the firm's own. */
  readonly policy: { readonly managed: readonly ManagedSetting[] };
  readonly court: {
    readonly profileId: CourtStatus['profileId'];
    readonly name: string;
    readonly kind: CourtStatus['kind'];
    readonly isExperimental: boolean;
    readonly state: CourtStatus['state'];
    readonly ecfHost: string | null;
    readonly loginServiceHost: string | null;
    readonly message: string | null;
  };
  readonly log: {
    readonly file: string;
    readonly exists: boolean;
    readonly totalBytes: number;
    readonly isShortened: boolean;
    readonly lines: readonly string[];
  };
  readonly database: DatabaseSummary;
  readonly documents: FolderSummary;
  readonly redaction: string;
  readonly neverIncluded: readonly string[];
}

/** A string that names a server or a person becomes `<set>`; an empty one stays empty, which is worth knowing. */
function markIfSet(value: string): string {
  return value === '' ? '' : setMark;
}

/** An address's host and port, or null; a value that does not read as an address says so without repeating it. */
function hostOf(address: string | null): string | null {
  if (address === null) {
    return null;
  }
  try {
    return new URL(address).host;
  } catch {
    return '<not an address>';
  }
}

/** Writes the home folder as `~`, so paths in the bundle do not carry the user's account name. */
function relativeToHome(text: string, homeFolder: string): string {
  return homeFolder === '' ? text : text.replaceAll(homeFolder, '~');
}

/**
 * The settings with mailboxes reduced to how they connect. Every key is listed on purpose: a setting added later
 * does not compile here until someone decides whether a support person may see it.
 */
function bundleSettings(settings: Settings): BundledSettings {
  return {
    documentsSort: settings.documentsSort,
    courtProfile: settings.courtProfile,
    allowCredentialStorage: settings.allowCredentialStorage,
    trainingIntroDismissed: settings.trainingIntroDismissed === true,
    // A page map describes a court's pages (a captured one is redacted): what a support person needs to see.
    pageMap: settings.pageMap ?? null,
    // The firm server's address is the firm's own, as the policy values shown beside it are; the token is in the keychain.
    firmServerUrl: settings.firmServerUrl ?? null,
    mailboxes: settings.mailboxes.map((mailbox) => ({
      host: markIfSet(mailbox.host),
      port: mailbox.port,
      secure: mailbox.secure,
      user: markIfSet(mailbox.user),
      auth: mailbox.auth,
      folder: markIfSet(mailbox.folder),
      marksRead: mailbox.marksRead,
    })),
  };
}

/** Builds the bundle's content; `writeSupportBundle` compresses it. Exported for tests and for a future viewer. */
export function describeForSupport(input: SupportBundleInput): SupportBundle {
  const { homeFolder, ...system } = input.platform ?? describeRuntime();
  const logsFile = path.join(input.dataFolder, dataFileNames.logs, 'ecf-desk.log');
  const tail = readLogTail(logsFile, supportLogLines);
  const database = summarizeDatabase(path.join(input.dataFolder, dataFileNames.database));
  const { courtStatus } = input;
  return {
    format: 'ecf-desk-support-bundle',
    formatVersion: 1,
    createdAt: input.now.toISOString(),
    app: {
      name: 'ECF Desk',
      version: input.version,
      host: input.host,
      dataFolder: relativeToHome(input.dataFolder, homeFolder),
    },
    system,
    settings: bundleSettings(input.settings),
    policy: { managed: input.managed.map(({ key, value, source }) => ({ key, value, source })) },
    court: {
      profileId: courtStatus.profileId,
      name: courtStatus.name,
      kind: courtStatus.kind,
      isExperimental: courtStatus.isExperimental,
      state: courtStatus.state,
      ecfHost: hostOf(courtStatus.ecfUrl),
      loginServiceHost: hostOf(courtStatus.loginServiceUrl),
      message: courtStatus.message === null ? null : redactForSupport(courtStatus.message),
    },
    log: {
      file: `${dataFileNames.logs}/ecf-desk.log`,
      exists: tail !== null,
      totalBytes: tail?.totalBytes ?? 0,
      isShortened: tail?.isShortened ?? false,
      lines: (tail?.lines ?? []).map((line) => redactForSupport(relativeToHome(line, homeFolder))),
    },
    database:
      database.state === 'unreadable'
        ? { ...database, reason: redactForSupport(relativeToHome(database.reason, homeFolder)) }
        : database,
    documents: summarizeFolder(path.join(input.dataFolder, dataFileNames.documents)),
    redaction:
      'Log lines have email addresses, case numbers, links (to scheme and host), long numbers, hex strings and key=value secrets replaced. ' +
      'Captions, party names and docket texts have no shape to find, so their sources (the database and the documents) are never included.',
    neverIncluded,
  };
}

/**
 * The support bundle a firm's IT person asks for: one gzip'd JSON file of versions, settings (mailboxes reduced
 * to `<set>`), what policy manages, the court's state, the log's last 2,000 lines redacted, and the sizes of the
 * database and the document store. Never the database, a document, settings.json as saved, or the keychain.
 */
export function writeSupportBundle(input: SupportBundleInput): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify(describeForSupport(input), null, 2);
  return Uint8Array.from(gzipSync(json));
}
