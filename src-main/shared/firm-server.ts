import { z } from 'zod';
import { draft as draftSchema, outboxState, packagedDocument } from './filing';
import { noticeDocument } from './inbox';

/**
 * What a desktop and the firm server say to each other (docs/firm-server.md#connecting-a-desktop): the server's
 * answers as the desktop reads them, checked with these schemas, since an answer from the network is untrusted.
 */

/** What a user does at the firm. Docketing staff see every case; the others see their case teams' cases. */
export const firmRoles = ['docketing', 'attorney', 'paralegal', 'admin'] as const;

/** `GET /health`: answered without a token. */
export const firmServerHealth = z.object({
  ok: z.boolean(),
  database: z.string().max(40),
  schemaVersion: z.number().int().min(0).optional(),
});

/** `GET /api/me`: the user a token stands for. */
export const firmServerUser = z.object({
  name: z.string().min(1).max(200),
  role: z.enum(firmRoles),
  /** The cases whose teams the user is on. */
  cases: z.array(z.string().max(100)).max(100_000),
  /** Whether the user sees every case (docketing staff). */
  seesEveryCase: z.boolean(),
});
/** The user a desktop is connected as. */
export type FirmServerUser = z.infer<typeof firmServerUser>;

/**
 * The desktop's connection to the firm server: `not-set` (no address), `no-token` (an address, set by policy or kept
 * from before, but no token in the keychain), `connected`, `token-refused` (the server no longer knows the token) or
 * `unreachable` (no answer, or not a firm server's).
 */
export const firmServerStatus = z.object({
  url: z.string().nullable(),
  /** Where the machine policy naming the address was read, when one does: the user cannot change it. */
  managedBy: z.string().nullable(),
  state: z.enum(['not-set', 'no-token', 'connected', 'token-refused', 'unreachable']),
  user: firmServerUser.nullable(),
  /** What is wrong and what to do, when the state is not `connected` or `not-set`. */
  message: z.string().nullable(),
});
/** The desktop's connection to the firm server. */
export type FirmServerStatus = z.infer<typeof firmServerStatus>;

/** The longest token the desktop accepts: the server's are about 50 characters (a prefix and 32 random bytes in base64url). */
export const maxFirmTokenLength = 200;

/** Connecting: the server's address (ignored while policy sets one) and the user's token (absent: the one kept). */
export const firmServerConnection = z
  .object({
    url: z.string().min(1).max(2048),
    token: z.string().min(1).max(maxFirmTokenLength).optional(),
  })
  .strict();
/** What the user gives to connect. */
export type FirmServerConnection = z.infer<typeof firmServerConnection>;

/** A recipient of a notice, as the firm server passes it on. */
const firmRecipient = z.object({
  name: z.string().max(500),
  emails: z.array(z.string().max(320)).max(50),
});

/**
 * One docket entry of the firm's notices as the server gives it to a desktop (`GET /api/entries`): the entry as its
 * first notice announced it, and its documents as the server's free looks left them. A document the server saved is
 * `saved` with its SHA-256 and no `documentId`: the desktop fetches it from the server when it is first opened.
 */
export const firmEntry = z.object({
  entryKey: z.string().min(1).max(1024),
  court: z.string().max(16).nullable(),
  kind: z.enum(['nef', 'nda']),
  subject: z.string().max(2000),
  caseNumber: z.string().min(1).max(200),
  caseName: z.string().max(2000).nullable(),
  caseId: z.string().max(40).nullable(),
  documentNumber: z.string().max(40).nullable(),
  docketText: z.string().max(100_000).nullable(),
  shortDescription: z.string().max(2000).nullable(),
  dateFiled: z.string().max(10).nullable(),
  deSeqNum: z.string().max(40).nullable(),
  docId: z.string().max(40).nullable(),
  filer: z.string().max(2000).nullable(),
  recipients: z.array(firmRecipient).max(2000),
  receivedAt: z.string().max(40),
  /** Sealed, under seal, confidential or restricted: shown only to the case's team. */
  isRestricted: z.boolean(),
  documents: z.array(noticeDocument).max(2000),
});
/** A docket entry from the firm server. */
export type FirmEntry = z.infer<typeof firmEntry>;

/** Where a desktop is in the firm's list of changed entries: the transaction and the entry (`<xid>.<id>`). */
export const firmEntryCursor = z.string().regex(/^\d{1,20}\.\d{1,20}$/);

/** `GET /api/entries?after=<cursor>`: the entries changed after the cursor, oldest change first, and the next cursor. */
export const firmEntryChanges = z.object({
  entries: z.array(firmEntry).max(500),
  cursor: firmEntryCursor,
  /** More changes wait: ask again at once with the new cursor. */
  hasMore: z.boolean(),
});
/** A page of changed entries. */
export type FirmEntryChanges = z.infer<typeof firmEntryChanges>;

/** `GET /api/calendar-link`: the path of the user's calendar link, to put after the server's address. */
export const firmCalendarLink = z.object({
  path: z.string().regex(/^\/calendar\/[a-z0-9._%-]{1,200}\/[A-Za-z0-9_-]{43}\.ics$/),
});

/** `GET /api/search?q=<words>&limit=<n>`: the entries of the user's cases whose words match, newest first. */
export const firmSearchResults = z.object({
  entries: z.array(firmEntry).max(100),
});
/** What a search on the firm server found. */
export type FirmSearchResults = z.infer<typeof firmSearchResults>;

/**
 * A shared draft as the firm server keeps it (docs/firm-server.md#shared-drafts): the draft, and its documents by
 * SHA-256 (their PDFs are in the server's PDF store, sent before the draft with `PUT /api/documents/<sha256>`).
 */
export const sharedDraftContent = z.object({
  draft: draftSchema,
  documents: z.array(packagedDocument).max(100),
});
/** A shared draft's content. */
export type SharedDraftContent = z.infer<typeof sharedDraftContent>;

/** Who changed a shared draft last, when, and its version (each change that is kept adds one). */
export const sharedDraftSummary = z.object({
  id: z.string().uuid(),
  caseNumber: z.string().max(100),
  version: z.number().int().positive(),
  updatedBy: z.string().max(64),
  updatedAt: z.string().max(40),
});
/** A shared draft in a list. */
export type SharedDraftSummary = z.infer<typeof sharedDraftSummary>;

/** `GET /api/drafts`: the shared drafts of the user's cases, most recently changed first. */
export const sharedDraftList = z.object({ drafts: z.array(sharedDraftSummary).max(1000) });

/** `GET /api/drafts/<id>`, and the answer to a `PUT` that was kept. */
export const sharedDraft = sharedDraftSummary.extend({ content: sharedDraftContent });
/** A shared draft with its content. */
export type SharedDraft = z.infer<typeof sharedDraft>;

/**
 * `PUT /api/drafts/<id>`: the content, and the version it was made from (null to share a draft for the first time). A
 * version that is no longer the latest is refused (409 `draft.conflict`): no change anyone was told was kept is lost.
 */
export const sharedDraftPut = z.object({
  baseVersion: z.number().int().positive().nullable(),
  content: sharedDraftContent,
});

/**
 * Where this desktop's copy of a shared draft stands (docs/firm-server.md#shared-drafts): `synced` (it is the server's
 * latest version), `waiting` (changed here and not yet kept by the server: offline, or being sent), `conflict` (changed
 * here from a version someone else changed meanwhile: the server kept theirs and refused this one, which is kept here
 * until the user resolves it), `filed-elsewhere` (another desktop put it in its outbox: this copy is not filed from here).
 */
export const sharedCopyState = z.enum(['synced', 'waiting', 'conflict', 'filed-elsewhere']);
/** Where a desktop's copy of a shared draft stands. */
export type SharedCopyState = z.infer<typeof sharedCopyState>;

/** A shared draft as the Filings screen lists it: the server's latest word on it and this desktop's copy, if any. */
export const sharedDraftView = z.object({
  id: z.string().uuid(),
  caseNumber: z.string().max(100),
  /** The server's latest version, who made it and when; null when the server could not be asked. */
  server: sharedDraftSummary.pick({ version: true, updatedBy: true, updatedAt: true }).nullable(),
  /** This desktop's copy: null when it was not opened here. */
  local: z
    .object({
      version: z.number().int().positive().nullable(),
      state: sharedCopyState,
      /** What the state means for the user, in plain words, when it is not `synced`. */
      message: z.string().max(4000).nullable(),
    })
    .nullable(),
});
/** A shared draft in the Filings screen's list. */
export type SharedDraftView = z.infer<typeof sharedDraftView>;

/** The shared drafts: those on the server for the user's cases, and those this desktop holds. */
export const sharedDraftsView = z.object({
  /** `connected`: the list is the server's now; `offline`: the server could not be asked, the list is this desktop's. */
  state: z.enum(['not-connected', 'connected', 'offline']),
  drafts: z.array(sharedDraftView).max(2000),
});
/** The Filings screen's list of shared drafts. */
export type SharedDraftsView = z.infer<typeof sharedDraftsView>;

/** A calendar date, `YYYY-MM-DD`. */
const docketDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What the firm docket is filtered by (docs/firm-server.md#the-firm-docket): a case, an attorney (the cases whose team
 * they are on) and dates, each optional; `to` is included.
 */
export const firmDocketQuery = z
  .object({
    caseNumber: z.string().min(1).max(100).optional(),
    attorney: z.string().min(1).max(64).optional(),
    from: docketDate.optional(),
    to: docketDate.optional(),
  })
  .strict();
/** The firm docket's filter. */
export type FirmDocketQuery = z.infer<typeof firmDocketQuery>;

/**
 * One line of the firm docket: a notice the court sent (dated the day it arrived), a deadline a docket text or the
 * rules set (dated the day it falls), or a shared draft with its outbox state (dated its last change; `draft` while it
 * is being prepared).
 */
export const firmDocketItem = z.object({
  kind: z.enum(['notice', 'deadline', 'filing']),
  date: docketDate,
  caseNumber: z.string().max(200),
  title: z.string().max(2000),
  detail: z.string().max(100_000).nullable(),
  /** A filing's outbox state, or `draft`; null for notices and deadlines. */
  state: z.enum(['draft', ...outboxState.options]).nullable(),
  /** Who: a notice's filer, a filing's signer (else who changed it last); null for a deadline. */
  by: z.string().max(2000).nullable(),
});
/** A line of the firm docket. */
export type FirmDocketItem = z.infer<typeof firmDocketItem>;

/** `GET /api/docket`: the lines, newest date first, and the attorneys of the user's cases (for the filter). */
export const firmDocket = z.object({
  items: z.array(firmDocketItem).max(6000),
  attorneys: z.array(z.string().max(64)).max(10_000),
  /** More lines matched than one answer holds: narrow the filter to see the rest. */
  isCut: z.boolean(),
});
/** The firm docket. */
export type FirmDocket = z.infer<typeof firmDocket>;
