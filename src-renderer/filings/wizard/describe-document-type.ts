import type { DocumentType } from '../../../src-main/shared/filing';

/** The court's attachment types as the type menu names them. */
export const documentTypeLabels: Readonly<Record<DocumentType, string>> = {
  main: 'Main document',
  exhibit: 'Exhibit',
  'proposed-order': 'Proposed order',
  'consultation-statement': 'Consultation statement',
  'certificate-of-service': 'Certificate of service',
  'public-version': 'Public version',
  'confidential-version': 'Confidential version',
  other: 'Other',
  complaint: 'Complaint (filed with the summons)',
};

/** What each type's description on the docket might say, shown in the empty field as an example. */
export const descriptionExamples: Readonly<Record<DocumentType, string>> = {
  main: 'Optional for the main document',
  exhibit: 'Exhibit A - Entry summaries',
  'proposed-order': 'Proposed order granting the motion',
  'consultation-statement': 'Statement of consultation with opposing counsel',
  'certificate-of-service': 'Certificate of service by mail',
  'public-version': 'Public version of the brief',
  'confidential-version': 'Confidential version of the brief',
  other: 'What the docket should call it',
  complaint: 'Complaint',
};

/** FAQ 29: CM/ECF accepts PDF only; a file is taken as a PDF by its type or its name (preflight then reads what it truly is). */
export function isPdfFile(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}
