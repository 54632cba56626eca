import { z } from 'zod';

/**
 * The filing record: every action on a filing, from the draft to the court's copy, as a chain of entries each holding
 * the SHA-256 of the one before (docs/architecture.md#the-filing-record). Exported as JSON, anyone can check with
 * `ecf-desk audit verify FILE` that no entry was changed, removed or reordered since.
 */

/** What happened to a filing. */
export const recordAction = z.enum([
  'draft.created',
  'draft.changed',
  'draft.signed',
  'signature.voided',
  'outbox.queued',
  'outbox.sending',
  'outbox.submitted',
  'outbox.refused',
  'outbox.stopped',
  'outbox.awaiting-confirmation',
  'outbox.docket-text-confirmed',
  'outbox.failed',
  'outbox.verified-on-docket',
  'outbox.withdrawn',
  'filing.filed',
  'court-copy.checked',
  'draft.deleted',
  'draft.imported',
]);
/** A record action. */
export type RecordAction = z.infer<typeof recordAction>;

/** A SHA-256 as 64 lowercase hex digits. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 lowercase hex digits.');

/** The previous hash of a filing's first entry. */
export const chainStart = '0'.repeat(64);

/**
 * The most entries one filing's record holds: a filing sees tens to hundreds of actions (each saved change is one);
 * this bounds a hostile file.
 */
export const maxRecordEntries = 5_000;

/** Who acted: the PACER account logged in at the time, if any. */
export const recordAccount = z
  .object({
    accountId: z.string().max(100),
    loginId: z.string().max(100),
    name: z.string().max(200),
  })
  .strict();
/** A record account. */
export type RecordAccount = z.infer<typeof recordAccount>;

/** A document as it stood at the time of the entry, by its SHA-256. */
export const recordDocument = z.object({ name: z.string().max(300), sha256: sha256Hex }).strict();
/** A record document. */
export type RecordDocument = z.infer<typeof recordDocument>;

/** What an entry says, before the chain is added: what `append` is given. */
export const recordFacts = z
  .object({
    action: recordAction,
    /** What happened, in plain words. */
    detail: z.string().max(8_000),
    account: recordAccount.nullable(),
    documents: z.array(recordDocument).max(200),
    /** The court's answer, as it gave it (a refusal's message, the docket text), or null. */
    courtAnswer: z.string().max(8_000).nullable(),
  })
  .strict();
/** What one entry records. */
export type RecordFacts = z.infer<typeof recordFacts>;

/** One entry of a filing's record, with its place in the chain. */
export const recordEntry = recordFacts
  .extend({
    /** 1 for the filing's first entry, then one more each. */
    index: z.number().int().min(1).max(maxRecordEntries),
    draftId: z.string().min(1).max(100),
    /** When, as an ISO 8601 instant. */
    at: z.string().max(40),
    /** The operating-system user who ran ECF Desk. */
    osUser: z.string().max(200),
    previousHash: sha256Hex,
    /** SHA-256 over `previousHash` and the canonical JSON of this entry without `hash`. */
    hash: sha256Hex,
  })
  .strict();
/** A record entry. */
export type RecordEntry = z.infer<typeof recordEntry>;

/** A filing's record as exported, the file `ecf-desk audit verify` checks. */
export const filingRecord = z
  .object({
    format: z.literal('ecf-desk-filing-record'),
    version: z.literal(1),
    draftId: z.string().min(1).max(100),
    court: z.string().max(200),
    caseNumber: z.string().max(200).nullable(),
    exportedAt: z.string().max(40),
    entries: z.array(recordEntry).max(maxRecordEntries),
    /** How many entries the record holds: a record cut short at the end no longer matches it. */
    count: z.number().int().min(0).max(maxRecordEntries),
    /** The last entry's hash (64 zeros for an empty record). */
    headHash: sha256Hex,
    /** SHA-256 over the canonical JSON of the whole record without `seal`: the header cannot change unnoticed either. */
    seal: sha256Hex,
  })
  .strict();
/** A filing record. */
export type FilingRecord = z.infer<typeof filingRecord>;

/** What checking a record finds: it holds, or the first entry that is broken and why. */
export type RecordVerdict =
  | { readonly ok: true; readonly count: number; readonly headHash: string }
  | { readonly ok: false; readonly brokenEntry: number; readonly reason: string };

/** A filing's record as its page shows it. */
export const recordView = z.object({
  entries: z.array(recordEntry),
  verifies: z.boolean(),
  /** The first broken entry (1-based), or null when the record verifies. */
  brokenEntry: z.number().int().nullable(),
});
/** A record view. */
export type RecordView = z.infer<typeof recordView>;
