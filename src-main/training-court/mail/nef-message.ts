/**
 * What the training court knows about one docket entry when it writes its Notice of Electronic Filing.
 * The filing service fills this in; the composer turns it into one email per recipient.
 */
export interface NefCourt {
  /** "U.S. Court of International Trade" */
  readonly name: string;
  /** Base URL of the court's CM/ECF, no trailing slash (the training court's loopback URL, or https://ecf.cit.uscourts.gov). */
  readonly baseUrl: string;
  /** The address notices come from, e.g. "cmecf_notices@cit.uscourts.gov". */
  readonly fromAddress: string;
  /** Domain used for Message-Id, e.g. "cit.uscourts.gov". */
  readonly mailDomain: string;
}

export interface NefDocument {
  /** "Main Document", or the attachment's description ("Exhibit A - Entry summaries"). */
  readonly description: string;
  readonly originalFilename: string;
  /** 10-digit CIT doc id of this document ("014" prefix). */
  readonly docId: string;
  /** Stamp: dcecfStamp_ID, FileNumber "<n>-<index>" (0 = main), and a 128-hex digest of the document. */
  readonly stampId: string;
  readonly fileNumber: string;
  readonly stampDigest: string;
}

export interface NefRecipient {
  readonly name: string;
  readonly emails: readonly string[];
}

export interface NefOtherMeansRecipient {
  readonly name: string;
  /** Postal address lines, as CM/ECF prints them under "delivered by other means". */
  readonly addressLines: readonly string[];
}

export interface NefEntry {
  readonly court: NefCourt;
  readonly caseId: number;
  /** With judge initials: "1:26-cv-00123-MMB". */
  readonly caseNumber: string;
  readonly caseName: string;
  /** "Motion to Intervene" — goes into the subject after the case name. */
  readonly shortDescription: string;
  /** null for text-only entries ("No document attached"). */
  readonly documentNumber: number | null;
  readonly deSeqNum: number;
  /** Filer as CM/ECF prints it (a party name, e.g. "Acme Steel Corp."). */
  readonly filer: string;
  /** Who entered it ("Morgan, Jane"). */
  readonly enteredBy: string;
  /** The instant it was entered; printed in Eastern time with EST/EDT. */
  readonly enteredAt: Date;
  /** The instant that counts as filed (same day in Eastern time as a rule). */
  readonly filedAt: Date;
  readonly docketText: string;
  /** Main document first, then attachments in order. Empty for "No document attached". */
  readonly documents: readonly NefDocument[];
  readonly electronicRecipients: readonly NefRecipient[];
  readonly otherMeansRecipients: readonly NefOtherMeansRecipient[];
  /** Set when the court re-sends the notice ("This is a re-generated NEF. Created on …"). */
  readonly regeneratedAt?: Date;
}

/** One email for one addressee: its own magic number in the doc1 link. */
export interface NefAddressee {
  readonly email: string;
  /** Digits; each addressee of each entry gets a different one. */
  readonly magicNum: string;
}
