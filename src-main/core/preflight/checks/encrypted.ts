import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';

const courtMessage =
  '"This document has security measures in effect, such as password protection or access restriction. This PDF document cannot be accepted." (court FAQ 51)';

/**
 * Finds encrypted PDFs: any `/Encrypt` in the trailer, including owner-password files that open without a
 * password but carry restrictions — CM/ECF rejects both (court FAQ 51; docs/court-rules.md#pdf-rules).
 */
export function findEncrypted(pdf: InspectedPdf): Finding[] {
  if (pdf.encryption === 'none') {
    return [];
  }
  if (pdf.encryption === 'opens-without-password') {
    return [
      {
        code: 'encrypted',
        severity: 'block',
        message:
          'This PDF opens without a password but has security restrictions (for example on printing, copying or editing). ' +
          `CM/ECF rejects any file with security settings: ${courtMessage}. ` +
          'ECF Desk can make a clean copy without the restrictions; or, in Adobe Acrobat, choose File, Properties, Security, set "No Security", and save.',
        fixes: ['clean-copy'],
      },
    ];
  }
  return [
    {
      code: 'encrypted',
      severity: 'block',
      message:
        `This PDF needs a password to open. CM/ECF rejects password-protected files: ${courtMessage}. ` +
        'ECF Desk cannot remove a password it does not know, and cannot check the rest of the file until it is unprotected. ' +
        'Open the file in Adobe Acrobat with its password, choose File, Properties, Security, set "No Security", save an unprotected copy, and add that copy instead.',
    },
  ];
}
