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

/** FAQ 29: CM/ECF accepts PDF only; a file is taken as a PDF by its type or its name (preflight then reads what it truly is). */
export function isPdfFile(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}
