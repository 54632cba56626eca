import { z } from 'zod';

/**
 * The NEF inbox as it crosses between renderer and main: notices (one item a docket entry), their free-look
 * documents, the deadlines their docket text sets, and the mailboxes they come from. Mailbox passwords and
 * access tokens go in (to the keychain) and never come back.
 */

/** Where a notice's document stands (docs/court-rules.md#free-looks): saved for free, or why not. */
export const freeLookState = z.enum([
  /** Not fetched yet (the fetcher runs as soon as the notice arrives). */
  'pending',
  /** Fetched with the free look and kept in the document store. */
  'saved',
  /** The court asked for a login: the free look was used already. */
  'used',
  /** Older than 15 days: the free look has expired. */
  'expired',
  /** Restricted or sealed: a login is needed even with a fresh link. */
  'sealed',
  /** The notice carries no free look (`magic_num=MAGIC` or none). */
  'no-free-look',
  /** The link is not on the court's own host: possible phishing, never fetched. */
  'unsafe-link',
  /** The court could not be reached or answered oddly; tried again later, never by paying. */
  'failed',
  /** Bought with the user's account after they saw the price. */
  'paid',
]);
/** A free look's state. */
export type FreeLookState = z.infer<typeof freeLookState>;

/** One document of a notice: the main document ('0') or an attachment. */
export const noticeDocument = z.object({
  number: z.string(),
  description: z.string(),
  state: freeLookState,
  /** In the app's document store once saved. */
  documentId: z.string().nullable(),
  sha256: z.string().nullable(),
  pages: z.number().int().nullable(),
  /** What viewing it would cost now: $0.10 a page, $3.00 at most (fee schedule); null when unknown. */
  feeCents: z.number().int().nullable(),
  message: z.string().nullable(),
});
/** A notice's document. */
export type NoticeDocument = z.infer<typeof noticeDocument>;

/** A date the docket text sets ("Response due by 12/15/2026"). */
export const noticeDeadline = z.object({
  /** YYYY-MM-DD */
  date: z.string(),
  /** "Response due", "Answer due" — the words before the date. */
  label: z.string(),
});
/** A deadline. */
export type NoticeDeadline = z.infer<typeof noticeDeadline>;

/** One docket entry the inbox knows from its notices. */
export const inboxItem = z.object({
  id: z.string(),
  court: z.string().nullable(),
  kind: z.enum(['nef', 'nda']),
  subject: z.string(),
  caseNumber: z.string(),
  caseName: z.string().nullable(),
  caseId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  docketText: z.string().nullable(),
  shortDescription: z.string().nullable(),
  dateFiled: z.string().nullable(),
  deSeqNum: z.string().nullable(),
  receivedAt: z.string(),
  isRead: z.boolean(),
  /** Times the court sent this entry again (regenerated or resent notices). */
  resendCount: z.number().int().nonnegative(),
  /** Set when a modified-entry notice changed it. */
  modifiedAt: z.string().nullable(),
  /** Why its links were not trusted, or null when they are the court's own. */
  linkWarning: z.string().nullable(),
  /** The firm server the entry came from (its address), or null when this desktop read it from its own mail. */
  firmServer: z.string().nullable(),
  documents: z.array(noticeDocument),
  deadlines: z.array(noticeDeadline),
  recipients: z.array(z.object({ name: z.string(), emails: z.array(z.string()) })),
});
/** An inbox item. */
export type InboxItem = z.infer<typeof inboxItem>;

/** What the inbox list asks for: words (full-text over case, caption, docket text and parties) and filters. */
export const inboxQuery = z
  .object({
    text: z.string().max(200).optional(),
    court: z.string().max(20).optional(),
    caseNumber: z.string().max(60).optional(),
    /** YYYY-MM-DD, inclusive. */
    filedFrom: z.string().max(10).optional(),
    filedTo: z.string().max(10).optional(),
    hasDeadline: z.boolean().optional(),
    isUnread: z.boolean().optional(),
    offset: z.number().int().nonnegative().max(10_000_000).optional(),
    limit: z.number().int().positive().max(500).optional(),
  })
  .strict();
/** An inbox query. */
export type InboxQuery = z.input<typeof inboxQuery>;

/** A mailbox notices are read from: IMAP (a personal or the firm's shared docketing mailbox). */
export const mailbox = z.object({
  id: z.string(),
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string(),
  auth: z.enum(['password', 'oauth2']),
  folder: z.string(),
  /** Mark imported mail as read on the server (off unless the user asks). */
  marksRead: z.boolean(),
  secretSaved: z.boolean(),
  state: z.enum(['idle', 'syncing', 'watching', 'failed']),
  lastSyncAt: z.string().nullable(),
  message: z.string().nullable(),
});
/** A mailbox. */
export type Mailbox = z.infer<typeof mailbox>;

/** Adding or editing a mailbox; the password or access token goes to the keychain only. */
export const mailboxInput = z
  .object({
    id: z.string().max(100).optional(),
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: z.string().trim().min(1).max(255),
    auth: z.enum(['password', 'oauth2']),
    secret: z.string().min(1).max(4096).optional(),
    folder: z.string().trim().min(1).max(255),
    marksRead: z.boolean(),
  })
  .strict();
/** A mailbox input. */
export type MailboxInput = z.input<typeof mailboxInput>;

/** What an import of files did. */
export const importSummary = z.object({
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  resends: z.number().int().nonnegative(),
  modified: z.number().int().nonnegative(),
  setAside: z.array(z.object({ name: z.string(), reason: z.string() })),
});
/** An import summary. */
export type ImportSummary = z.infer<typeof importSummary>;
