/**
 * The CIT's docket events, as the app and the training court know them. Names, aliases and requirements come from
 * real CIT dockets and the court's FAQ (each event's `source`; docs/court-rules.md#docket-events); the CIT's
 * own menu categories are not published, so the categories are the generic NextGen district grouping.
 */
export interface DocketEventRequirements {
  /** The event expects attachments (exhibits) with the main document. */
  readonly attachments?: boolean;
  /** The event links to an earlier docket entry (a response names the motion it answers). */
  readonly relatedDocument?: boolean;
  /** CIT Rule 7(b)(1)(E): a motion is accompanied by a proposed order. */
  readonly proposedOrder?: boolean;
  /** USCIT Rule 5(g): a paper with business proprietary information has a confidential and a public version. */
  readonly confidentialVersion?: boolean;
  /** USCIT Rule 3(a): the summons and the complaint are filed together; one document of the filing is the complaint. */
  readonly complaint?: boolean;
}

/**
 * FAQ 21: "Initiating documents and Notices of Appeal may require filing fees per the Rules of the Court, but there
 * are no additional fees for filing documents through CM/ECF." What the app knows of one event's fee
 * (docs/court-rules.md#filing-fees).
 */
export interface FilingFee {
  /** The fee in whole cents, or null where the court's published material the app relies on does not state it. */
  readonly amountCents: number | null;
  /** When the fee applies, in plain words ("in an action under 28 U.S.C. 1581(a)"); null when it always does. */
  readonly when: string | null;
  /** How the fee is paid, in plain words. */
  readonly payment: string;
  /** Where the fee comes from. */
  readonly source: string;
}

/** FAQ 21's own words on fees, quoted wherever the app mentions a filing fee. */
export const faq21FeeAnswer =
  'Initiating documents and Notices of Appeal may require filing fees per the Rules of the Court, but there are no additional fees for filing documents through CM/ECF.';

/**
 * How a filing fee is paid. FAQ 21 says which documents carry a fee, not how it is paid; the court's notices show
 * fee-bearing filings paid online through Pay.gov as part of the filing (docs/court-rules.md#filing-fees).
 */
const payGov =
  'Paid online through Pay.gov as part of the filing; fee-bearing filings cannot be made while Pay.gov is down for maintenance.';

/** One docket event of the CIT's CM/ECF. */
export interface DocketEvent {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly aliases: readonly string[];
  readonly requires: DocketEventRequirements;
  /** How the docket text starts; CM/ECF appends "Filed by <attorney> on behalf of <parties>." */
  readonly docketText: string;
  /** The entry is restricted: parties cannot open it through the notice (sealed/confidential filings). */
  readonly isRestricted?: boolean;
  /** FAQ 30: Z-events preserve the filing date after Clerk's Office hours when the right event cannot be found. */
  readonly isAfterHoursPlaceholder?: boolean;
  /**
   * USCIT Rule 7(f), 7(b)(1)(C): the motion must recite the date, time and names of those consulted (the Clerk's
   * Office's list: docs/court-rules.md#docket-events).
   */
  readonly needsConsultation?: boolean;
  /** FAQ 35, Administrative Order 02-01: a stipulation carries the /s/ signature of every attorney who signed it. */
  readonly isStipulation?: boolean;
  /** A response to a motion: its time runs from service, with no extra days for e-service or hand delivery (FAQ 39–40). */
  readonly isResponse?: boolean;
  /** FAQ 21: the event carries a filing fee. */
  readonly filingFee?: FilingFee;
  /** USCIT Rule 3: the event commences an action; it is filed without a case, and the court opens one. */
  readonly opensAction?: boolean;
  /** Where the event's rule comes from. */
  readonly source: string;
}

const dockets = 'real CIT docket sheets';

/** The event catalog, in menu order. */
export const citEventCatalog: readonly DocketEvent[] = [
  {
    id: 'summons',
    name: 'Summons',
    category: 'Initiating documents',
    aliases: ['Form 3 Summons (28 U.S.C. 1581(c))', 'Summons (1581(a) protest action)'],
    requires: { attachments: false },
    docketText: 'Summons.',
    opensAction: true,
    filingFee: { amountCents: null, when: null, payment: payGov, source: 'FAQ 21; USCIT Rule 3' },
    source: `${dockets}; USCIT Rule 3(a)`,
  },
  {
    id: 'form-5-information-statement',
    name: 'Form 5 Information Statement',
    category: 'Initiating documents',
    aliases: ['Information Statement', 'Rule 3(d) statement'],
    requires: {},
    docketText: 'Form 5 Information Statement.',
    source: dockets,
  },
  {
    id: 'complaint',
    name: 'Complaint',
    category: 'Initiating documents',
    aliases: ['Complaint against all defendants', 'Amended Complaint'],
    requires: { attachments: true },
    docketText: 'Complaint against all defendants.',
    filingFee: {
      amountCents: null,
      when: 'in an action under 28 U.S.C. 1581(a), where the complaint follows the summons',
      payment: payGov,
      source: 'FAQ 21; USCIT Rule 3(c)',
    },
    source: dockets,
  },
  {
    id: 'summons-and-complaint',
    name: 'Summons and Complaint (filed together)',
    category: 'Initiating documents',
    aliases: ['Summons with Complaint', 'Complaint with Summons', 'Commence action'],
    // The complaint is its own docket entry, right after the summons: the draft marks which document it is.
    requires: { complaint: true },
    docketText: 'Summons.',
    opensAction: true,
    filingFee: { amountCents: null, when: null, payment: payGov, source: 'FAQ 21; USCIT Rule 3' },
    source: `${dockets}; USCIT Rule 3(a); 28 U.S.C. 2632`,
  },
  {
    id: 'exhibits',
    name: 'Exhibits accompanying the complaint',
    category: 'Other documents',
    aliases: ['Exhibits'],
    requires: { relatedDocument: true },
    docketText: 'Exhibits accompanying the complaint.',
    source: dockets,
  },
  {
    id: 'form-11-notice-of-appearance',
    name: 'Form 11 Notice of Appearance',
    category: 'Notices',
    aliases: [
      'Notice of Appearance',
      'First Form 11 Notice of Appearance',
      'Form 11 Notice of Appearance - Additional Appearance',
    ],
    requires: {},
    docketText: 'Form 11 Notice of Appearance.',
    source: `${dockets}; FAQ 41`,
  },
  {
    id: 'form-13-corporate-disclosure',
    name: 'Form 13 Corporate Disclosure Statement',
    category: 'Notices',
    aliases: ['Form 13 Disclosure of Corporate Affiliations and Financial Interest', 'Corporate Disclosure Statement'],
    requires: {},
    docketText: 'Form 13 Corporate Disclosure Statement.',
    source: `${dockets}; FAQ 41`,
  },
  {
    id: 'form-17-bpi-certification-attorneys',
    name: 'Form 17 Business Proprietary Information Certification (attorneys)',
    category: 'Notices',
    aliases: ['BPI Certification', 'Form 17'],
    requires: {},
    docketText: 'Form 17 Business Proprietary Information Certification (attorneys).',
    source: `${dockets}; FAQ 41`,
  },
  {
    id: 'form-17-bpi-certification-consultants',
    name: 'Form 17 Business Proprietary Information Certification (consultants)',
    category: 'Notices',
    aliases: ['BPI Certification', 'Form 17'],
    requires: {},
    docketText: 'Form 17 Business Proprietary Information Certification (consultants).',
    source: 'FAQ 41',
  },
  {
    id: 'form-18a-termination-of-bpi-access',
    name: 'Form 18A Notification of Termination of Government Attorney Access to Business Proprietary Information',
    category: 'Notices',
    aliases: ['Form 18A'],
    requires: {},
    docketText:
      'Form 18A Notification of Termination of Government Attorney Access to Business Proprietary Information.',
    source: dockets,
  },
  {
    id: 'notice-of-manual-filing',
    name: 'Notice of Manual Filing',
    category: 'Notices',
    aliases: ['Physical exhibit', 'Manual filing', 'Classified document'],
    requires: {},
    docketText: 'Notice of Manual Filing.',
    source: 'FAQ 33; Rule 80(h)',
  },
  {
    id: 'form-23-physical-exhibit-certification',
    name: 'Form 23 Certification of Filing and Service of Physical Exhibit or Item',
    category: 'Notices',
    aliases: ['Form 23', 'Physical exhibit certification'],
    requires: { relatedDocument: true },
    docketText: 'Form 23 Certification of Filing and Service of Physical Exhibit or Item.',
    source: 'FAQ 33; Rule 80(h)',
  },
  {
    id: 'certificate-of-service',
    name: 'Certificate of Service',
    category: 'Service',
    aliases: ['Certificate of service', 'Proof of service'],
    requires: { relatedDocument: true },
    docketText: 'Certificate of Service.',
    source: `${dockets}; FAQ 37-38`,
  },
  {
    id: 'answer',
    name: 'Answer to Complaint',
    category: 'Pleadings',
    aliases: ['Answer', 'Master Answer'],
    requires: { relatedDocument: true },
    docketText: 'Answer to Complaint.',
    source: dockets,
  },
  {
    id: 'motion-to-intervene',
    name: 'Motion to Intervene',
    category: 'Motions',
    aliases: ['Consent Motion to Intervene', 'Motion to Intervene as of Right'],
    requires: { proposedOrder: true },
    docketText: 'Motion to Intervene.',
    needsConsultation: true,
    source: `${dockets}; FAQ 41`,
  },
  {
    id: 'motion-to-stay',
    name: 'Motion to Stay',
    category: 'Motions',
    aliases: ['Motion to stay', 'Motion to Stay Further Proceedings'],
    requires: { proposedOrder: true },
    docketText: 'Motion to Stay.',
    source: dockets,
  },
  {
    id: 'consent-motion-for-extension-of-time',
    name: 'Consent Motion for Extension of Time',
    category: 'Motions',
    aliases: ['Motion for Extension of Time', 'Joint Motion for Extension of Time', 'Rule 6(b) motion'],
    requires: { proposedOrder: true },
    docketText: 'Consent Motion for Extension of Time.',
    needsConsultation: true,
    source: dockets,
  },
  {
    id: 'motion-for-judgment-on-the-agency-record',
    name: 'Motion for Judgment on the Agency Record (Rule 56.1 / Rule 56.2)',
    category: 'Motions',
    aliases: [
      'Rule 56.2 Motion for Judgment upon the Agency Record',
      'Rule 56.1 Motion for Judgment on the Agency Record',
      'MJAR',
    ],
    requires: { proposedOrder: true, confidentialVersion: true },
    docketText: 'Motion for Judgment on the Agency Record.',
    source: dockets,
  },
  {
    id: 'motion-for-preliminary-injunction',
    name: 'Motion for Preliminary Injunction',
    category: 'Motions',
    aliases: ['Motion for Temporary Restraining Order and Preliminary Injunction', 'Motion for Statutory Injunction'],
    requires: { proposedOrder: true, confidentialVersion: true },
    docketText: 'Motion for Preliminary Injunction.',
    needsConsultation: true,
    source: dockets,
  },
  {
    id: 'motion-to-dismiss',
    name: 'Motion to Dismiss',
    category: 'Motions',
    aliases: ['Motion to Dismiss for Lack of Jurisdiction', 'Rule 12(b) motion'],
    requires: { proposedOrder: true },
    docketText: 'Motion to Dismiss.',
    source: dockets,
  },
  {
    id: 'motion-for-protective-order',
    name: 'Motion for Protective Order (consent)',
    category: 'Motions',
    aliases: ['Consent Motion for Protective Order', 'Proposed Protective Order', 'Judicial Protective Order'],
    requires: { proposedOrder: true },
    docketText: 'Consent Motion for Protective Order.',
    source: dockets,
  },
  {
    id: 'motion-for-leave-to-file-amicus-brief',
    name: 'Motion for Leave to File Amicus Curiae Brief',
    category: 'Motions',
    aliases: ['Motion to Appear as Amicus Curiae', 'Unopposed Motion for Leave to File Brief as Amicus Curiae'],
    requires: { attachments: true, proposedOrder: true },
    docketText: 'Motion for Leave to File Amicus Curiae Brief.',
    source: dockets,
  },
  {
    id: 'motion-for-oral-argument',
    name: 'Motion for Oral Argument',
    category: 'Motions',
    aliases: ['Request for Oral Argument'],
    requires: { relatedDocument: true, proposedOrder: true },
    docketText: 'Motion for Oral Argument.',
    source: dockets,
  },
  {
    id: 'motion-for-stay-pending-appeal',
    name: 'Motion for Stay of Judgment Pending Appeal',
    category: 'Motions',
    aliases: ['Rule 62(e) motion'],
    requires: { proposedOrder: true },
    docketText: 'Motion for Stay of Judgment Pending Appeal.',
    source: dockets,
  },
  {
    id: 'motion-to-designate-test-case',
    name: 'Motion to Designate Test Case / Motion for Suspension',
    category: 'Motions',
    aliases: ['Rule 84 test case designation', 'Motion to suspend under test case'],
    requires: { proposedOrder: true },
    docketText: 'Motion to Designate Test Case.',
    needsConsultation: true,
    source: dockets,
  },
  {
    id: 'proposed-order',
    name: 'Proposed Order',
    category: 'Motions',
    aliases: ['Proposed Order Granting Motion'],
    requires: { relatedDocument: true },
    docketText: 'Proposed Order.',
    source: dockets,
  },
  {
    id: 'z-motion',
    name: 'Z-motion',
    category: 'After hours',
    aliases: ['Z motion', 'After hours motion', 'Motion (event not found)'],
    requires: {},
    docketText: 'Z-motion.',
    isAfterHoursPlaceholder: true,
    source: 'FAQ 30',
  },
  {
    id: 'z-document',
    name: 'Z-document',
    category: 'After hours',
    aliases: ['Z document', 'After hours document', 'Document (event not found)'],
    requires: {},
    docketText: 'Z-document.',
    isAfterHoursPlaceholder: true,
    source: 'FAQ 30',
  },
  {
    id: 'response-to-motion',
    name: 'Response to Motion',
    category: 'Responses and Replies',
    aliases: [
      'Response to motion to stay',
      'Response to Motion for Judgment on the Agency Record',
      'Response to Dispositive Motion',
    ],
    requires: { relatedDocument: true },
    docketText: 'Response to Motion.',
    isResponse: true,
    source: dockets,
  },
  {
    id: 'reply-in-support-of-motion',
    name: 'Reply in Support of Motion',
    category: 'Responses and Replies',
    aliases: ['Reply in Support of Motion for Judgment on the Agency Record', 'Reply'],
    requires: { relatedDocument: true, attachments: true },
    docketText: 'Reply in Support of Motion.',
    source: dockets,
  },
  {
    id: 'administrative-record',
    name: 'Administrative record filed',
    category: 'Agency filings',
    aliases: [
      'Administrative Record',
      'Certified list / index of the administrative record',
      'Confidential Joint Appendix',
      'Joint Appendix',
    ],
    requires: { confidentialVersion: true },
    docketText: 'Administrative record filed.',
    source: dockets,
  },
  {
    id: 'remand-results',
    name: 'Remand Results (Final Results of Redetermination Pursuant to Court Remand)',
    category: 'Other documents',
    aliases: ['Remand Redetermination'],
    requires: { attachments: true, confidentialVersion: true },
    docketText: 'Remand Results.',
    source: dockets,
  },
  {
    id: 'confidential-version',
    name: 'Confidential Version (of a document containing BPI)',
    category: 'Confidential filings',
    aliases: ['Confidential Document', 'Sealed Document', 'Business Proprietary Version'],
    requires: {},
    docketText: 'Confidential Version.',
    isRestricted: true,
    source: `${dockets}; Rule 5(g)`,
  },
  {
    id: 'public-version',
    name: 'Public Version (of a confidential document)',
    category: 'Confidential filings',
    aliases: ['Public Version', 'Redacted Public Version'],
    requires: { relatedDocument: true },
    docketText: 'Public Version.',
    source: `${dockets}; Rule 5(g)`,
  },
  {
    id: 'notice-of-voluntary-dismissal',
    name: 'Notice of Voluntary Dismissal',
    category: 'Dismissal and judgment',
    aliases: ['Notice of Dismissal (Rule 41(a)(1)(A)(i))'],
    requires: {},
    docketText: 'Notice of Voluntary Dismissal.',
    source: dockets,
  },
  {
    id: 'stipulation-of-dismissal',
    name: 'Stipulation of Dismissal',
    category: 'Dismissal and judgment',
    aliases: ['Stipulation of Dismissal (Rule 41(a)(1)(A)(ii))'],
    requires: {},
    docketText: 'Stipulation of Dismissal.',
    isStipulation: true,
    source: dockets,
  },
  {
    id: 'stipulated-judgment',
    name: 'Stipulated Judgment on Agreed Statement of Facts',
    category: 'Dismissal and judgment',
    aliases: ['Form 9', 'Rule 58.1 stipulated judgment', 'Stipulated Judgment'],
    requires: { attachments: true },
    docketText: 'Stipulated Judgment on Agreed Statement of Facts.',
    isStipulation: true,
    source: dockets,
  },
  {
    id: 'notice-of-appeal',
    name: 'Notice of Appeal to the U.S. Court of Appeals for the Federal Circuit',
    category: 'Appeals',
    aliases: ['Notice of Appeal', 'Appeal to the Federal Circuit', 'CAFC appeal'],
    requires: {},
    docketText: 'Notice of Appeal to the U.S. Court of Appeals for the Federal Circuit.',
    filingFee: { amountCents: null, when: null, payment: payGov, source: 'FAQ 21' },
    source: 'FAQ 21',
  },
];

/** The events that open a new action (USCIT Rule 3(a)): a summons, or a summons with its complaint. */
export const actionOpeningEvents: readonly DocketEvent[] = citEventCatalog.filter(
  (event) => event.opensAction === true,
);

/**
 * What a filing fee comes to, in one sentence a paralegal can act on: the amount where it is known, when it applies and
 * how it is paid (FAQ 21).
 */
export function describeFilingFee(event: DocketEvent): string | null {
  const fee = event.filingFee;
  if (!fee) {
    return null;
  }
  const amount =
    fee.amountCents === null
      ? "A filing fee is due (the amount is set by the court's fee schedule; check it with the Clerk's Office)"
      : `A filing fee of $${(fee.amountCents / 100).toFixed(2)} is due`;
  return `${amount}${fee.when === null ? '' : `, ${fee.when}`}. ${fee.payment}`;
}

/** The event with this id, or undefined. */
export function findDocketEvent(id: string): DocketEvent | undefined {
  return citEventCatalog.find((event) => event.id === id);
}
