import { z } from 'zod';
import type { ChannelName, EventName } from './channel-names';
import {
  addProgress,
  annotationsToDrop,
  appInfo,
  courtStatus,
  documentPreflightProgress,
  documentRecord,
  managedSetting,
  pageMapInUse,
  settings,
} from './domain';
import { fixId } from './preflight';
import { account, accountInput, keychainStatus, loginOutcome, loginRequest, sessionStatus } from './accounts';
import { documentsChange } from './arrange-documents';
import { caseParty, courtCase, draft, draftChanges, draftReview } from './filing';
import { fileName } from './file-name';
import { recordView } from './filing-record';
import { importSummary, inboxItem, inboxQuery, mailbox, mailboxInput } from './inbox';
import {
  firmDocket,
  firmDocketQuery,
  firmServerConnection,
  firmServerStatus,
  sharedDraftsView,
  sharedDraftView,
} from './firm-server';

/** The largest document the app accepts to read at all (the court's own limit is far lower; larger files are split later). */
export const maxDocumentBytes = 512 * 1024 * 1024;
/**
 * The largest email (or Outlook .msg file) the app reads, from a file or a mailbox: 25 MB, the largest message the
 * common mail services deliver (Gmail's limit, Exchange Online's default). A notice itself is a few tens of kilobytes.
 */
export const maxMailBytes = 25 * 1024 * 1024;

const noArguments = z.object({}).strict();
const documentId = z.object({ id: z.string().min(1).max(100) }).strict();
const draftId = documentId;

/**
 * The one contract between renderer and main. Every channel lists the schema of its arguments
 * and of its result; main validates every call against it, whichever host carries the call.
 */
export const contract = {
  'app.getInfo': { args: noArguments, result: appInfo },
  'court.status': { args: noArguments, result: courtStatus },
  'accounts.list': { args: noArguments, result: z.object({ accounts: z.array(account), keychain: keychainStatus }) },
  /** Adds or edits an account; a password or TOTP secret in the arguments goes to the keychain and nowhere else. */
  'accounts.save': { args: accountInput, result: account },
  /** Removes the account and its keychain items. */
  'accounts.remove': { args: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.null() },
  /** Logs in and straight out again, to show the account works. */
  'accounts.test': { args: loginRequest, result: loginOutcome },
  'session.status': { args: noArguments, result: sessionStatus },
  'session.login': { args: loginRequest, result: loginOutcome },
  'session.logout': { args: noArguments, result: sessionStatus },
  /** Asks the court whether the session still stands (free); a session the court ended becomes logged-out. */
  'session.verify': { args: noArguments, result: sessionStatus },
  'documents.list': { args: noArguments, result: z.array(documentRecord) },
  /** The stored bytes of a PDF in the list, for the page preview; they never leave the app (browser mode sends them raw, see `wire.ts`). */
  'documents.content': { args: documentId, result: z.instanceof(Uint8Array) },
  'documents.add': {
    args: z
      .object({
        jobId: z.string().min(1).max(100),
        name: fileName,
        bytes: z
          .instanceof(Uint8Array)
          .refine((b) => b.byteLength <= maxDocumentBytes, 'the file is larger than 512 MB'),
      })
      .strict(),
    result: documentRecord,
  },
  'documents.choose': { args: noArguments, result: z.array(documentRecord) },
  'documents.remove': { args: documentId, result: z.null() },
  'documents.restore': { args: documentId, result: documentRecord },
  /** Runs preflight on a document again (after a cancel, a failed run, or to re-check); a check already under way carries on. */
  'documents.preflight': { args: documentId, result: documentRecord },
  /** Stops a document's check; the document is then marked as not checked until it is run again. */
  'documents.cancelPreflight': { args: documentId, result: documentRecord },
  /**
   * Makes a fixed version of a document in a worker and answers once it is stored: the clean or flattened copy,
   * or the parts of a split, in order. They replace the original in the list (which is kept, for undo) and are checked at once.
   */
  'documents.fix': {
    args: z.object({ id: documentId.shape.id, fix: fixId, dropAnnotations: annotationsToDrop.optional() }).strict(),
    result: z.array(documentRecord),
  },
  /** Stops a fix under way; the original stays as it was. */
  'documents.cancelFix': { args: documentId, result: documentRecord },
  /** Takes back the fix that made this version (any part of a split): the versions go, the original returns and is answered. */
  'documents.undoFix': { args: documentId, result: documentRecord },
  'drafts.list': { args: noArguments, result: z.array(draft) },
  'drafts.create': { args: noArguments, result: draft },
  /** FAQ 41: Motion to Intervene, Form 11, Form 13, Form 17 (attorneys), Form 17 (consultants) — five drafts filed in that order. */
  'drafts.createInterventionPackage': { args: noArguments, result: z.array(draft) },
  'drafts.get': { args: draftId, result: draftReview },
  /** Saves a change at once (drafts survive a crash) and answers with what the court's rules now say. */
  'drafts.update': {
    args: z.object({ id: z.string().min(1).max(100), changes: draftChanges }).strict(),
    result: draftReview,
  },
  /** One change to a draft's documents, applied to them as they are when it arrives (arrange-documents.ts). */
  'drafts.arrangeDocuments': {
    args: z.object({ id: z.string().min(1).max(100), change: documentsChange }).strict(),
    result: draftReview,
  },
  'drafts.delete': { args: draftId, result: z.null() },
  /** One package file for the hand-off to another desktop: the draft, its documents and their preflight reports. */
  'drafts.export': { args: draftId, result: z.instanceof(Uint8Array) },
  /** Imports a package file (at most 512 MB, the most a package can unpack to); every document's SHA-256 is verified before anything is kept. */
  'drafts.import': {
    args: z
      .object({
        name: fileName,
        bytes: z
          .instanceof(Uint8Array)
          .refine((b) => b.byteLength <= maxDocumentBytes, 'the package is larger than 512 MB'),
      })
      .strict(),
    result: draft,
  },
  /** Cases by number (`1:26-cv-00123`, `26-00123`, `Court No. 26-00123`) or caption words; needs a court session. */
  /** The logged-in filer signs the draft as it is now (FAQ 35); the name and role are how the `/s/` signature reads. */
  'drafts.sign': {
    args: z
      .object({
        id: z.string().min(1).max(100),
        name: z.string().trim().max(120),
        role: z.string().trim().max(120),
      })
      .strict(),
    result: draftReview,
  },
  /** Takes the signature back. */
  'drafts.unsign': { args: z.object({ id: z.string().min(1).max(100) }).strict(), result: draftReview },
  'court.findCases': {
    args: z.object({ query: z.string().trim().min(1).max(200) }).strict(),
    result: z.array(courtCase),
  },
  'court.caseParties': { args: z.object({ caseId: z.number().int().positive() }).strict(), result: z.array(caseParty) },
  /** Hands a signed draft to the outbox: sent now, or queued to go when the court is reachable; only its signer's own session sends it (FAQ 35). */
  'outbox.submit': {
    args: z.object({ draftId: z.string().min(1).max(100), sendNow: z.boolean() }).strict(),
    result: draftReview,
  },
  /** Sends a filing held as late anyway, today (FAQ 27). */
  'outbox.sendLate': { args: z.object({ draftId: z.string().min(1).max(100) }).strict(), result: draftReview },
  'outbox.confirmDocketText': {
    args: z.object({ draftId: z.string().min(1).max(100), docketText: z.string().min(1).max(10_000) }).strict(),
    result: draftReview,
  },
  /** Tries a failed or unverified submission again; an unknown outcome is first checked against the docket. */
  'outbox.retry': { args: z.object({ draftId: z.string().min(1).max(100) }).strict(), result: draftReview },
  /** Takes a waiting item out of the outbox, back to a draft. */
  'outbox.withdraw': { args: z.object({ draftId: z.string().min(1).max(100) }).strict(), result: draftReview },
  /** The court's NEF receipt page kept with a submitted filing (HTML from the court: saved as a file, never shown inside the app). */
  'outbox.receipt': {
    args: z.object({ draftId: z.string().min(1).max(100) }).strict(),
    result: z.object({ html: z.string().nullable() }),
  },
  /**
   * The court page a filing that needs attention stopped at, with passwords, tokens, cookies and case data removed
   * (saved as a file, never shown inside the app).
   */
  'outbox.stoppedPage': {
    args: z.object({ draftId: z.string().min(1).max(100) }).strict(),
    result: z.object({ html: z.string().nullable() }),
  },
  /** Notices, newest first, filtered and searched (full text over case, caption, docket text and parties). */
  'inbox.list': {
    args: inboxQuery,
    result: z.object({ items: z.array(inboxItem), total: z.number().int().nonnegative() }),
  },
  'inbox.get': { args: z.object({ id: z.string().min(1).max(100) }).strict(), result: inboxItem },
  'inbox.markRead': {
    args: z.object({ id: z.string().min(1).max(100), isRead: z.boolean() }).strict(),
    result: inboxItem,
  },
  /** One `.eml` or Outlook `.msg` file dropped or chosen; what is not a notice is set aside with the reason. */
  'inbox.importFile': {
    args: z
      .object({
        name: fileName,
        bytes: z
          .instanceof(Uint8Array)
          .refine((b) => b.byteLength <= maxMailBytes, `the file is larger than ${maxMailBytes / (1024 * 1024)} MB`),
      })
      .strict(),
    result: importSummary,
  },
  /** Tries the free look again; it never pays (a login, price or receipt page stops it). */
  'inbox.fetchDocument': {
    args: z.object({ id: z.string().min(1).max(100), number: z.string().max(10) }).strict(),
    result: inboxItem,
  },
  /** Buys a document with the logged-in account, only at the price the user was shown ($0.10 a page, $3.00 cap). */
  'inbox.buyDocument': {
    args: z
      .object({
        id: z.string().min(1).max(100),
        number: z.string().max(10),
        acceptsFeeCents: z.number().int().nonnegative().max(300),
      })
      .strict(),
    result: inboxItem,
  },
  /** The deadlines the notices' docket texts set, as an iCalendar file. */
  'inbox.exportDeadlines': { args: noArguments, result: z.instanceof(Uint8Array) },
  /** The saved PDF of a notice's document, for the reader's preview. */
  'inbox.documentContent': {
    args: z.object({ id: z.string().min(1).max(100), number: z.string().max(10) }).strict(),
    result: z.instanceof(Uint8Array),
  },
  'mailboxes.list': { args: noArguments, result: z.array(mailbox) },
  /** Adds or edits a mailbox; its password or access token goes to the keychain only. */
  'mailboxes.save': { args: mailboxInput, result: mailbox },
  'mailboxes.remove': { args: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.null() },
  /** Reads new mail now (mailboxes are also watched with IDLE while the app runs). */
  'mailboxes.sync': { args: z.object({ id: z.string().min(1).max(100) }).strict(), result: mailbox },
  /** The settings machine policy locks, with their values and where they come from. */
  'settings.managed': { args: noArguments, result: z.array(managedSetting) },
  'settings.get': { args: noArguments, result: settings },
  /** A page map loaded from a file is checked before it is saved (`court.page-map-invalid` says what is wrong). */
  'settings.update': { args: settings.partial().strict(), result: settings },
  /** Which page map filing with the court in use goes by: shipped, loaded from a file, or named by policy. */
  'settings.pageMap': { args: noArguments, result: pageMapInUse },
  /** The firm server connection, asked of the server now (docs/firm-server.md#connecting-a-desktop). */
  'firmServer.status': { args: noArguments, result: firmServerStatus },
  /** Connects with an address and a token; both are kept only once the server accepts the token. */
  'firmServer.connect': { args: firmServerConnection, result: firmServerStatus },
  /** Forgets the token, and the address unless policy sets it. */
  'firmServer.disconnect': { args: noArguments, result: firmServerStatus },
  /** The address of the user's calendar on the firm server, for a calendar program to subscribe to (docs/firm-server.md#the-firms-calendar). */
  'firmServer.calendarLink': { args: noArguments, result: z.object({ url: z.string().url().max(2000) }) },
  /** The shared drafts of the user's cases on the firm server, with this desktop's copies (docs/firm-server.md#shared-drafts). */
  'firmServer.sharedDrafts': { args: noArguments, result: sharedDraftsView },
  /** Shares a draft with its case team through the firm server (offline: as soon as it can be reached). */
  'firmServer.shareDraft': {
    args: z.object({ draftId: z.string().min(1).max(100) }).strict(),
    result: sharedDraftView.shape.local,
  },
  /** Opens a shared draft on this desktop: the firm's latest version, with its documents. */
  'firmServer.openSharedDraft': { args: z.object({ id: z.string().uuid() }).strict(), result: z.null() },
  /** Resolves a conflict: this desktop's copy is kept as a draft of its own, and the shared draft becomes the firm's version. */
  'firmServer.takeFirmVersion': {
    args: z.object({ draftId: z.string().min(1).max(100) }).strict(),
    result: z.object({ copyId: z.string() }),
  },
  /** The firm docket: notices, deadlines and shared filings of the user's cases, by case, attorney and dates (docs/firm-server.md#the-firm-docket). */
  'firmServer.docket': { args: firmDocketQuery, result: firmDocket },
  /** A gzip'd JSON for the firm's IT: versions, settings, policy, court state and the log's end, redacted; never the database, documents or secrets. */
  'support.exportBundle': { args: noArguments, result: z.instanceof(Uint8Array) },
  /** A filing's record (docs/architecture.md#the-filing-record): its entries, and whether the chain still holds. */
  'record.get': { args: z.object({ draftId: z.string().min(1).max(100) }).strict(), result: recordView },
  /** The record as a file: JSON anyone can check with `ecf-desk audit verify`, or the readable PDF report. */
  'record.export': {
    args: z.object({ draftId: z.string().min(1).max(100), format: z.enum(['json', 'pdf']) }).strict(),
    result: z.instanceof(Uint8Array),
  },
  /** FAQ 38: makes the certificate of service for the parties served other than electronically and attaches it. */
  'drafts.makeCertificateOfService': { args: draftId, result: draftReview },
} as const satisfies Record<ChannelName, { args: z.ZodType; result: z.ZodType }>;

/** Payload schemas of the events main sends to the renderer. */
export const eventContract = {
  'documents.progress': addProgress,
  'documents.changed': z.object({}).strict(),
  'documents.preflightProgress': documentPreflightProgress,
  'court.statusChanged': courtStatus,
  'session.changed': sessionStatus,
  /** A draft or its outbox state changed (saved, submitted, filed); `id` is null when several did. */
  'drafts.changed': z.object({ id: z.string().nullable() }).strict(),
  /** Notices arrived, were read, or a document was saved; `id` is null when several changed. */
  'inbox.changed': z.object({ id: z.string().nullable() }).strict(),
} as const satisfies Record<EventName, z.ZodType>;

/** The arguments a channel takes (as the caller writes them). */
export type ChannelArgs<C extends ChannelName> = z.input<(typeof contract)[C]['args']>;
/** The value a channel returns. */
export type ChannelResult<C extends ChannelName> = z.output<(typeof contract)[C]['result']>;
/** The payload of an event. */
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

// The name lists and the contract must name the same channels, in both directions.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractCoversEveryChannel: Exactly<keyof typeof contract, ChannelName> = true;
export const contractCoversEveryEvent: Exactly<keyof typeof eventContract, EventName> = true;
