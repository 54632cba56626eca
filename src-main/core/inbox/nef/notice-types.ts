/** Why an email from CM/ECF was read but not taken as a new filing. */
export type IgnoredReason =
  /** "Notice of Electronic Claims Filing": a proof of claim in a bankruptcy case, not a docket entry. */
  | 'claims-notice'
  /** "Modified Dkt text from" / "Docket Entry #N has been updated": an edit of an entry already noticed. */
  | 'modified-entry'
  /** A court announcement sent through CM/ECF (contact-information requests and the like). */
  | 'announcement'
  /** Neither an NEF nor an NDA: no notice title and no case table. */
  | 'not-a-notice';

/** The PACER/ACMS identifiers carried by one free-look document link. */
export interface DocumentLink {
  /** The link exactly as the notice gives it. */
  readonly url: string;
  /** `doc1/<id>` (district, bankruptcy) or `docs1/<id>` (appellate); null for ACMS, which has no doc id. */
  readonly docId: string | null;
  /** `caseid` from a doc1 link. */
  readonly caseId: string | null;
  /** `de_seq_num` from a doc1 link. */
  readonly deSeqNum: string | null;
  /** The per-recipient free-look token: `magic_num`, appellate `uid`, or the ACMS document GUID; null for `MAGIC` or empty. */
  readonly magicNum: string | null;
}

/** One case (docket) the notice is about, with the entry it announces. */
export interface NoticeDocket {
  /** The case number as printed, judge initials included (`1:20-cv-08924-CM`, `22-1455`, `MDL No. 2967`). */
  readonly caseNumber: string;
  readonly caseName: string | null;
  /** PACER's internal case id (doc1 `caseid`, `DktRpt.pl?<id>` or appellate `caseId=`). */
  readonly caseId: string | null;
  /** The docket entry number; null for appellate CM/ECF NDAs and entries without one. */
  readonly documentNumber: string | null;
  readonly docketText: string | null;
  /** The short description the court puts in the subject line. */
  readonly shortDescription: string | null;
  /** `YYYY-MM-DD`. */
  readonly dateFiled: string | null;
  /** `YYYY-MM-DD`. */
  readonly dateEntered: string | null;
  readonly deSeqNum: string | null;
  readonly docId: string | null;
  readonly magicNum: string | null;
  /** The free-look link as given, or null when the entry has no document. */
  readonly documentUrl: string | null;
  readonly filer: string | null;
  /** `YYYY-MM-DD` when the notice says "WARNING: CASE CLOSED on …". */
  readonly caseClosedOn: string | null;
}

/** The electronic document stamp CM/ECF prints for each document of the transaction. */
export interface DocumentStamp {
  /** `dcecf` (district), `bkecf` (bankruptcy), `acecf` (appellate), `JPML`, …: the prefix of `…Stamp_ID`. */
  readonly kind: string;
  readonly stampId: string;
  /** `YYYY-MM-DD`. */
  readonly date: string | null;
  /** `FileNumber=<n>-<k>`, where `-0` is the main document. */
  readonly fileNumber: string | null;
  readonly hash: string | null;
}

/** One document of the transaction; number `0` is the main document, `1`… are attachments. */
export interface NoticeAttachment {
  readonly number: string;
  readonly description: string;
  /** A document's own link (ACMS gives every document its own one-use link); null otherwise. */
  readonly documentUrl: string | null;
  readonly docId: string | null;
  readonly stamp: DocumentStamp | null;
}

/** Someone the notice was emailed to. */
export interface NoticeRecipient {
  readonly name: string;
  readonly emails: readonly string[];
}

/** Someone served by other means (mail), as the notice lists them. */
export interface OtherMeansRecipient {
  readonly name: string;
  readonly addressLines: readonly string[];
}

/** What one CM/ECF or ACMS email says, as plain data. */
export interface ParsedNotice {
  readonly kind: 'nef' | 'nda' | 'ignored';
  readonly reason: IgnoredReason | null;
  /** The court id (`nysd`, `cit`, `cafc`, `ca9`), from the link hosts or the sender's domain. */
  readonly court: string | null;
  /** The subject as received (unfolded), forward prefixes included. */
  readonly subject: string;
  /** The court re-sent the notice ("re-generated NEF", "Re-send:", "Amended … Notice of Docket Activity"). */
  readonly regenerated: boolean;
  /** Someone forwarded the notice (Fwd:/FW: subject, or a forwarded-message header in the body). */
  readonly forwarded: boolean;
  /** ACMS (the appellate system of ca2 and ca9) rather than CM/ECF. */
  readonly isAcms: boolean;
  readonly dockets: readonly NoticeDocket[];
  readonly attachments: readonly NoticeAttachment[];
  readonly recipients: readonly NoticeRecipient[];
  readonly otherMeansRecipients: readonly OtherMeansRecipient[];
}
