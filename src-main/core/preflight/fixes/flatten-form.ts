import type { PDFDocument } from '@cantoo/pdf-lib';
import type { FixFailure } from './fix-results';
import type { RemovalTally } from './removal-tally';

/**
 * Flattens the form in place: typed answers become ordinary page content, as NextGen CM/ECF 1.8 asks
 * ("Fillable PDF forms must be flattened before filing"; docs/court-rules.md#what-cmecf-rejects).
 */
export function flattenForm(document: PDFDocument, tally: RemovalTally): FixFailure | null {
  try {
    const form = document.getForm();
    const fields = form.getFields().length;
    if (fields === 0) {
      return null;
    }
    form.flatten();
    tally.add('form field (flattened into the page)', 'form fields (flattened into the page)', fields);
    return null;
  } catch {
    return {
      ok: false,
      code: 'fix.flatten-failed',
      message:
        'ECF Desk could not flatten this form: some of its fields are built in a way it cannot turn into page content. ' +
        'NextGen CM/ECF asks that fillable forms be flattened before filing. Make the clean copy without flattening, ' +
        'or flatten the form in Adobe Acrobat (print it to the "Adobe PDF" printer) and add the printed copy.',
    };
  }
}
