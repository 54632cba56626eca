import { z } from 'zod';
import { courtProfileId, documentPreflight } from './domain';

/**
 * Drafts, the outbox and the court data a draft needs, as they cross between renderer and main. A draft is saved in
 * SQLite on every change and works offline; the outbox owns submission (docs/architecture.md#core-services-and-ports).
 */

/** What a document of a filing is: the court's attachment types, plus the main document. */
export const documentType = z.enum([
  'main',
  'exhibit',
  'proposed-order',
  'consultation-statement',
  'certificate-of-service',
  'public-version',
  'confidential-version',
  'other',
  /** USCIT Rule 3(a): the complaint filed together with the summons that opens an action; docketed as its own entry. */
  'complaint',
]);
/** A document's type. */
export type DocumentType = z.infer<typeof documentType>;

/** One PDF of a draft; the first is the main document, the rest attachments in order. */
export const draftDocument = z.object({
  /** A document in the app's document store (the Documents screen). */
  documentId: z.string().min(1).max(100),
  type: documentType,
  /** What the docket will call an attachment ("Exhibit A - Entry summaries"). */
  description: z.string().trim().max(120),
  /** Set on a certificate of service ECF Desk made: a digest of the draft parts it was made from (FAQ 38). */
  generatedFrom: z.string().max(100).optional(),
});
/** A document of a draft. */
export type DraftDocument = z.infer<typeof draftDocument>;

/** A case as the court knows it. */
export const courtCase = z.object({
  caseId: z.number().int().positive(),
  /** With judge initials: "1:26-cv-00123-MMB". */
  caseNumber: z.string(),
  caption: z.string(),
});
/** A case. */
export type CourtCase = z.infer<typeof courtCase>;

/** A party of a case, and whether the court serves it electronically (FAQ 36–37). */
export const caseParty = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  /** Registered for e-service (itself or through an attorney); otherwise served by other means with a certificate (FAQ 37–38). */
  isServedElectronically: z.boolean(),
  /** The mailing address the court lists, for a party served by other means (FAQ 38); absent where the court shows none. */
  address: z.string().max(500).nullable().optional(),
  /**
   * The party's attorneys of record as the court's party report prints them ("Walsh, Thomas"); empty for a party
   * without counsel (pro se), absent where the court's page does not say (then nobody is warned).
   */
  counsel: z.array(z.string().max(200)).max(50).optional(),
});
/** A party. */
export type CaseParty = z.infer<typeof caseParty>;

/** Someone who signed a stipulation: their `/s/` signature goes on the document (FAQ 35, Administrative Order 02-01). */
export const signer = z.object({
  name: z.string().trim().min(1).max(120),
  firm: z.string().trim().max(120),
  /** The filing attorney, whose PACER login is the signature (FAQ 35). */
  isFiler: z.boolean(),
});
/** A signer. */
export type Signer = z.infer<typeof signer>;

/** A calendar date, `YYYY-MM-DD`. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.');

/**
 * The filing attorney's signature, bound in main to one filer account (FAQ 35: the PACER login is the signature).
 * `digest` covers every signed part of the draft (case, event, parties, documents with their SHA-256, related
 * entries, docket text, signers): any change to them voids the signature (docs/court-rules.md#signatures).
 */
export const filingSignature = z.object({
  accountId: z.string(),
  loginId: z.string(),
  /** The attorney's name as the `/s/` signature reads. */
  name: z.string(),
  /** Bar admission or the party the filer represents ("Attorney for Plaintiff"). */
  role: z.string(),
  signedAt: z.string(),
  digest: z.string(),
});
/** A filing's signature. */
export type FilingSignature = z.infer<typeof filingSignature>;

/** When a filing is due, typed or taken from a notice's deadline. */
export const dueDate = z.object({
  date: calendarDate,
  /** Where the date comes from ("Response to ECF No. 12 due", "typed"). */
  reason: z.string().trim().max(200),
});
/** A due date. */
export type DueDate = z.infer<typeof dueDate>;

/** A draft that opens a new action (USCIT Rule 3: a Summons, with a Complaint where the rules ask) rather than filing in a case. */
export const newAction = z.object({
  /** The caption the new case will carry ("Acme Steel Corp. v. United States"). */
  caption: z.string().trim().max(300),
});
/** A new action. */
export type NewAction = z.infer<typeof newAction>;

/** A filed document compared with what was sent (FAQ 46): the court's copy is the free look from the NEF. */
export const courtCopyCheck = z.object({
  name: z.string(),
  /** The SHA-256 sent for this document, or null when no sent document had this place. */
  sentSha256: z.string().nullable(),
  courtSha256: z.string(),
  matches: z.boolean(),
  /** The NEF's electronic document stamp for this document, as printed, or null. */
  stamp: z.string().nullable(),
  checkedAt: z.string(),
});
/** A court copy check. */
export type CourtCopyCheck = z.infer<typeof courtCopyCheck>;

/**
 * Where a draft is in the outbox. `needs-attention`: the court showed a page ECF Desk does not recognise before the
 * final submit, so it stopped there and sent nothing more; the filing can be finished by hand at the court, or tried
 * again.
 */
export const outboxState = z.enum([
  'ready',
  'submitting',
  'submitted',
  'filed',
  'failed',
  'needs-verification',
  'needs-attention',
]);
/** An outbox state. */
export type OutboxState = z.infer<typeof outboxState>;

/** One court screen a filing went through, as the attorney checks it: what it was taken for, and what was filled in. */
export const courtScreen = z.object({
  /** The filing step the page map recognised it as. */
  step: z.string().max(40),
  /** The page's own heading, or its title. */
  heading: z.string().max(200),
  /** Each field filled in: its label (or name) and the value given (a choice's words, a file's name). */
  filled: z.array(z.object({ field: z.string().max(200), value: z.string().max(300) })).max(60),
  /** Not confirmed yet with this page map. */
  isNew: z.boolean(),
});
/** One court screen a filing went through. */
export type CourtScreen = z.infer<typeof courtScreen>;

/** A draft's place in the outbox. */
export const outboxStatus = z.object({
  state: outboxState,
  queuedAt: z.string(),
  /** Submissions tried so far (a retry after an unknown outcome only happens once the docket shows no entry). */
  attempts: z.number().int().nonnegative(),
  /** Why it waits or failed, in plain words. */
  message: z.string().nullable(),
  docketText: z.string().nullable(),
  deSeqNum: z.number().int().nullable(),
  documentNumber: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  /** When its Notice of Electronic Filing arrived: only then is it filed (FAQ 28). */
  filedAt: z.string().nullable(),
  /** The documents as sent, with their SHA-256, to verify any later copy against (FAQ 46). */
  sentDocuments: z.array(z.object({ name: z.string(), sha256: z.string() })),
  /** The court's NEF receipt page was kept (it is missing when the entry was confirmed from the docket instead). */
  hasReceipt: z.boolean(),
  /** Each filed document checked against the court's copy once the free look is saved (FAQ 46). */
  courtCopies: z.array(courtCopyCheck).default([]),
  /**
   * Held because sending now would file it after its due date, or on a later day than it was queued (FAQ 27: the
   * filing date is the Eastern date CM/ECF receives it): it waits for the user to say "send it anyway".
   */
  isHeldAsLate: z.boolean().default(false),
  /** The Eastern date on which the user said to send it anyway; it holds for that day only. */
  lateSendConfirmedOn: calendarDate.nullable().default(null),
  /**
   * Where a filing that needs attention stopped: the step whose page the court did not show, and the court's CM/ECF
   * address, where the filing can be finished by hand. Null otherwise.
   */
  stoppedAt: z
    .object({ step: z.string().max(100), courtUrl: z.string().max(2000) })
    .nullable()
    .default(null),
  /**
   * The final docket text the court's final-text page showed, waiting for the signing attorney to confirm it (the filing
   * stopped there, before the final submit); null otherwise.
   */
  courtDocketText: z.string().max(10_000).nullable().default(null),
  /** The final docket text the signing attorney confirmed: the filing is committed only when the court shows exactly it. */
  confirmedDocketText: z.string().max(10_000).nullable().default(null),
  /**
   * The court's screens the filing went through up to the final text, shown with the docket text when the page map is
   * not one tested end to end and some screen has not been confirmed with it yet (docs/court-pages.md#confirming-screens).
   */
  courtScreens: z
    .object({ mapDigest: z.string().max(64), screens: z.array(courtScreen).max(40) })
    .nullable()
    .default(null),
});
/** An outbox status. */
export type OutboxStatus = z.infer<typeof outboxStatus>;

/** A filing being prepared. */
export const draft = z.object({
  id: z.string(),
  courtProfile: courtProfileId,
  case: courtCase.nullable(),
  /** The case's parties as last read from the court (kept, so the draft works offline). */
  parties: z.array(caseParty),
  filerPartyIds: z.array(z.string()),
  eventId: z.string().nullable(),
  documents: z.array(draftDocument),
  /** Document numbers on the docket this filing relates to (a response names the motion it answers). */
  relatedDocumentNumbers: z.array(z.number().int().positive()),
  /** Free text CM/ECF adds to the event's docket text. */
  docketAnnotation: z.string(),
  signers: z.array(signer),
  /** Who prepared it, for the hand-off to the attorney. */
  preparedBy: z.string(),
  /** The paralegal marked it ready for the attorney's review. */
  isReadyForReview: z.boolean(),
  /** A filing that is one step of a package filed in order (the Motion to Intervene package, FAQ 41). */
  package: z
    .object({
      id: z.string(),
      kind: z.literal('motion-to-intervene'),
      step: z.number().int().positive(),
      of: z.number().int().positive(),
    })
    .nullable(),
  /** The filing attorney's signature, or null until signed (and again after any signed part changes). */
  signature: filingSignature.nullable().default(null),
  due: dueDate.nullable().default(null),
  /** Set when the draft opens a new action; `case` is then null until the court assigns the number. */
  newAction: newAction.nullable().default(null),
  /**
   * The certificate of service is the last part of the main document, as is common, rather than a document of its own:
   * it satisfies the certificate a party served by other means needs (FAQ 37–38; docs/court-rules.md#filing-rules-drafts).
   */
  isCertificateInMainDocument: z.boolean().default(false),
  outbox: outboxStatus.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A draft. */
export type Draft = z.infer<typeof draft>;

/**
 * A draft's document as it travels with the draft, in a hand-off file or to the firm server: its name, its SHA-256 and
 * its preflight report (the bytes go beside it).
 */
export const packagedDocument = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  preflight: documentPreflight,
});

/** The fields of a draft the wizard edits; each change is saved at once. */
export const draftChanges = z
  .object({
    case: courtCase.nullable(),
    parties: z.array(caseParty).max(200),
    filerPartyIds: z.array(z.string().max(100)).max(200),
    eventId: z.string().max(100).nullable(),
    documents: z.array(draftDocument).max(100),
    relatedDocumentNumbers: z.array(z.number().int().positive()).max(50),
    docketAnnotation: z.string().max(500),
    signers: z.array(signer).max(20),
    preparedBy: z.string().max(120),
    isReadyForReview: z.boolean(),
    due: dueDate.nullable(),
    newAction: newAction.nullable(),
    isCertificateInMainDocument: z.boolean(),
  })
  .partial()
  .strict();
/** Changes to a draft. */
export type DraftChanges = z.input<typeof draftChanges>;

/** How serious a court-rule check is: `block` stops submission, `warn` asks for a look, `info` explains. */
export const ruleLevel = z.enum(['block', 'warn', 'info']);

/** One court rule applied to a draft. */
export const ruleCheck = z.object({
  id: z.string(),
  level: ruleLevel,
  /** What is wrong or what to know, in plain words. */
  message: z.string(),
  /** What to do about it. */
  fix: z.string().nullable(),
  /** The FAQ item or rule behind it ("FAQ 41", "USCIT Rule 7(b)(1)(E)"). */
  source: z.string(),
  /** The draft's documents it is about, so the review can open their findings where they are fixed. */
  documentIds: z.array(z.string()).optional(),
});
/** A rule check. */
export type RuleCheck = z.infer<typeof ruleCheck>;

/** A draft with what the rules say about it and its docket text exactly as it will read. */
export const draftReview = z.object({
  draft,
  checks: z.array(ruleCheck),
  docketTextPreview: z.string().nullable(),
  /** No blocking check, every document checked and clean, and the step order of its package respected. */
  canSubmit: z.boolean(),
});
/** A draft under review. */
export type DraftReview = z.infer<typeof draftReview>;
