/** The field labels of a notice's case table, as CM/ECF prints them. */
export const fieldLabels = {
  caseName: /^Case Name:\s*/i,
  caseNumber: /^Case Number:\s*/i,
  filer: /^Filer:\s*/i,
  documentNumber: /^Document Number:\s*/i,
  appellateDocuments: /^Document\(s\):\s*/i,
  caseClosed: /^WARNING: CASE CLOSED on\s*/i,
  docketText: /^Docket Text:\s*/i,
  acmsDocument: /^Document:\s*/i,
  copyUrl: /^Copy the URL address/i,
  creditorName: /^Creditor Name:/i,
  claimNumber: /^Claim Number:/i,
} as const;

/** Headings that open a recipient list, e.g. "1:20-cv-08924-CM Notice has been electronically mailed to:". */
export const emailedHeading = /Notice (?:has been|will be) electronically mailed to:?\s*$/i;
/** Headings of recipients served some other way (mail), or not served electronically. */
export const otherMeansHeading = new RegExp(
  [
    String.raw`Notice (?:has been|will be) delivered by other means to:*\s*$`,
    // cacd: "Notice has been delivered by First Class U. S. Mail or by other means BY THE FILER to :"
    // `\s*(?::+\s*)?$`, not `\s*:*\s*$`: two runs of spaces side by side backtrack quadratically on a line of spaces.
    String.raw`Notice (?:has been|will be) delivered by First Class U\.? ?S\.? Mail or by other means(?: BY THE FILER)? to\s*(?::+\s*)?$`,
    String.raw`Filer will deliver document by other means to:*\s*$`,
    String.raw`Notice (?:will not be|has not been) electronically mailed to:*\s*$`,
    String.raw`The CM/ECF system has NOT delivered notice electronically to the names listed below`,
    String.raw`Notice sent via US Mail to:*\s*$`,
    String.raw`Case participants listed below will not receive this electronic notice:*\s*$`,
  ].join('|'),
  'i',
);
/** The appellate "notice cart": court staff who see the notice inside CM/ECF rather than by email. */
export const noticeCartHeading = /Notice will be stored in the notice cart for:?\s*$/i;
/** The heading of the documents list. */
export const documentsHeading = /^The following document\(s\) are associated with this transaction/i;
/** The footer of a regenerated NEF (courtlistener#1779). */
export const regeneratedFooter = /This is a re-generated NEF\. Created on/i;

/** Whether a line begins a new field or section, which ends any value or docket text before it. */
export function isLabelOrHeading(line: string): boolean {
  return (
    Object.values(fieldLabels).some((label) => label.test(line)) ||
    isSectionHeading(line) ||
    documentsHeading.test(line) ||
    regeneratedFooter.test(line)
  );
}

/** Whether a line opens a recipient list of any kind. */
export function isSectionHeading(line: string): boolean {
  return emailedHeading.test(line) || otherMeansHeading.test(line) || noticeCartHeading.test(line);
}
