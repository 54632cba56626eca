import { z } from 'zod';
import { fixId, preflightProgress, preflightReport, verdict } from './preflight';

/** Why a document cannot be used, in words for a paralegal (what, why the court cares, what to do). */
export const documentProblem = z.object({
  code: z.enum([
    'document.empty',
    'document.not-pdf',
    'document.unreadable',
    'document.timeout',
    'document.needs-password',
  ]),
  message: z.string(),
});
/** A problem found while reading an added document. */
export type DocumentProblem = z.infer<typeof documentProblem>;

/**
 * Where a document's preflight stands. A file that is not a usable PDF is never checked; a check the user
 * cancelled leaves `cancelled` (not checked) until it is run again; `done` carries the stored report.
 */
export const documentPreflight = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-applicable') }),
  z.object({ state: z.literal('waiting') }),
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('cancelled') }),
  z.object({ state: z.literal('done'), report: preflightReport }),
]);
/** A document's preflight state. */
export type DocumentPreflight = z.infer<typeof documentPreflight>;

/** A preflight verdict with its counts, kept so a fixed version can say what its original was like. */
export const verdictCounts = z.object({
  verdict,
  blocking: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
/** A verdict and how many findings blocked filing or were worth a look. */
export type VerdictCounts = z.infer<typeof verdictCounts>;

/** Which part of a split a version is: its number, how many parts there are, and the original's pages it holds. */
export const splitPartFacts = z.object({
  number: z.number().int().positive(),
  count: z.number().int().positive(),
  firstPage: z.number().int().positive(),
  lastPage: z.number().int().positive(),
});
/** One part of a split, as a version records it. */
export type SplitPartFacts = z.infer<typeof splitPartFacts>;

/**
 * Where a version made by a fix came from: the original (still kept, so the fix can be undone), the fix,
 * what it left out and what it could not fix (the engine's words), and the original's verdict for the before/after.
 */
export const fixOrigin = z.object({
  fromId: z.string(),
  fromName: z.string(),
  fix: fixId,
  fixedAt: z.string(),
  removed: z.array(z.string()),
  notes: z.array(z.string()),
  /** Null when the original had no finished check when it was fixed. */
  before: verdictCounts.nullable(),
  /** Set on each part of a split. */
  part: splitPartFacts.nullable(),
});
/** Where a fixed version came from. */
export type FixOrigin = z.infer<typeof fixOrigin>;

/** A document as the database keeps it: its facts, a problem instead of a page count when it is not usable, its preflight, and its origin when a fix made it. */
export const storedDocument = z.object({
  id: z.string(),
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().positive().nullable(),
  addedAt: z.string(),
  problem: documentProblem.nullable(),
  preflight: documentPreflight,
  fixedFrom: fixOrigin.nullable(),
});
/** A document as stored. */
export type StoredDocument = z.infer<typeof storedDocument>;

/** A document in the list: as stored, plus the fix being made from it right now (never stored: a fix cut short leaves the original as it was). */
export const documentRecord = storedDocument.extend({
  fixing: z.object({ fix: fixId }).nullable(),
});
/** A document in the list. */
export type DocumentRecord = z.infer<typeof documentRecord>;

/** Which annotations a clean copy drops: none, comments (notes, highlights, drawings, stamps; never links), or all but form fields and redaction marks. */
export const annotationsToDrop = z.enum(['none', 'comments', 'all']);
/** Which annotations a clean copy drops. */
export type AnnotationsToDrop = z.infer<typeof annotationsToDrop>;

/** The stages of adding a document, reported as progress. */
export const addPhase = z.enum(['uploading', 'hashing', 'storing', 'reading-pages', 'done']);
/** One stage of adding a document. */
export type AddPhase = z.infer<typeof addPhase>;

/** Progress of one add, keyed by the job id the renderer chose. */
export const addProgress = z.object({
  jobId: z.string(),
  name: z.string(),
  phase: addPhase,
  fraction: z.number().min(0).max(1),
});
/** A progress report for one add. */
export type AddProgress = z.infer<typeof addProgress>;

/** How far the preflight of one stored document is (streamed while it runs; never stored). */
export const documentPreflightProgress = z.object({
  documentId: z.string(),
  progress: preflightProgress,
});
/** A progress report for one document's preflight. */
export type DocumentPreflightProgress = z.infer<typeof documentPreflightProgress>;

/** Where the app runs and where it keeps its data. */
export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  dataFolder: z.string(),
});
/** Facts about the running app. */
export type AppInfo = z.infer<typeof appInfo>;

/** The court profiles the app knows: the built-in training court (the default) and the CIT itself. */
export const courtProfileId = z.enum(['cit-training', 'cit']);
/** A court profile's id. */
export type CourtProfileId = z.infer<typeof courtProfileId>;

/** Which court the app talks to, and whether it can reach it. */
export const courtStatus = z.object({
  profileId: courtProfileId,
  name: z.string(),
  kind: z.enum(['training', 'live']),
  /** Real courts are experimental: the app cannot be tested against a court's own training database here. */
  isExperimental: z.boolean(),
  state: z.enum(['starting', 'ready', 'failed', 'unavailable']),
  /** The court's CM/ECF address (the training court's loopback URL once it runs). */
  ecfUrl: z.string().nullable(),
  /** The PACER login service (`cso-auth`). */
  loginServiceUrl: z.string().nullable(),
  /** Why the court is not ready, in plain words. */
  message: z.string().nullable(),
});
/** The court the app talks to. */
export type CourtStatus = z.infer<typeof courtStatus>;

/** An IMAP mailbox notices are read from, as settings keep it (its password or token is in the keychain). */
export const mailboxSettings = z.object({
  id: z.string(),
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string(),
  auth: z.enum(['password', 'oauth2']),
  folder: z.string(),
  marksRead: z.boolean(),
});
/** A mailbox's settings. */
export type MailboxSettings = z.infer<typeof mailboxSettings>;

/** The largest page map file ECF Desk reads (a map is a few kilobytes). */
export const maxPageMapBytes = 256 * 1024;

/** A page map as loaded from a file: the file's name, for the user to recognise, and its text. */
export const loadedPageMap = z
  .object({
    fileName: z.string().min(1).max(255),
    text: z.string().max(maxPageMapBytes),
  })
  .strict();
/** A page map as loaded from a file. */
export type LoadedPageMap = z.infer<typeof loadedPageMap>;

/**
 * Which page map filing with the court in use goes by, and why: the one shipped, one loaded from a file, or one the
 * machine's policy names. `problem` says why a loaded or managed map is not the one in use (or cannot be read).
 */
export const pageMapInUse = z.object({
  court: courtProfileId,
  source: z.enum(['shipped', 'file', 'policy', 'none']),
  /** The map's own description, when one is in use. */
  description: z.string().nullable(),
  /** The loaded file's name, or the file the policy names. */
  fileName: z.string().nullable(),
  /** Where the policy naming the file was read (registry key or file), when one does. */
  managedBy: z.string().nullable(),
  problem: z.string().nullable(),
});
/** Which page map filing goes by. */
export type PageMapInUse = z.infer<typeof pageMapInUse>;

/** The user's settings that the app keeps today. Secrets never live here. */
export const settings = z.object({
  documentsSort: z.enum(['added', 'name', 'size']),
  courtProfile: courtProfileId,
  /** Keep PACER passwords and TOTP secrets in the OS keychain; false (a firm's policy) asks at every login instead. */
  allowCredentialStorage: z.boolean(),
  /** Where NEFs are read from (a policy may set these for a firm's shared docketing mailbox). */
  mailboxes: z.array(mailboxSettings).max(20),
  /**
   * The training court's first-run introduction was dismissed, so it stays hidden across restarts. Absent until then
   * (a settings file from before it existed reads the same as a new one).
   */
  trainingIntroDismissed: z.boolean().optional(),
  /**
   * A court page map loaded from a file, used for the court it names instead of the one shipped
   * (docs/court-pages.md#loading-a-page-map). Null or absent: the shipped map. Checked when loaded and again when used.
   */
  pageMap: loadedPageMap.nullable().optional(),
  /**
   * The firm server's address (docs/firm-server.md#connecting-a-desktop), saved once the server has accepted the user's
   * token (which is in the keychain, never here). Null or absent: no firm server.
   */
  firmServerUrl: z.string().max(2048).nullable().optional(),
});
/** The user's settings. */
export type Settings = z.infer<typeof settings>;

/** The settings a new user starts with. */
export const defaultSettings: Settings = {
  documentsSort: 'added',
  courtProfile: 'cit-training',
  allowCredentialStorage: true,
  mailboxes: [],
};

/** A setting the machine's policy decides: the user sees it as "Managed by your organization" and cannot change it. */
export const managedSetting = z.object({
  /** The policy key (e.g. `courtProfile`, `allowCredentialStorage`). */
  key: z.string(),
  /** The value the policy sets, as plain JSON. */
  value: z.unknown(),
  /** Where it was read: Windows registry (machine or user), macOS managed preferences, or /etc/ecf-desk/policy.json. */
  source: z.string(),
});
/** A managed setting. */
export type ManagedSetting = z.infer<typeof managedSetting>;
