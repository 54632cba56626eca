import { ParseSpeeds, PDFDocument } from '@cantoo/pdf-lib';
import type { FixFailure } from './fix-results';

/**
 * Opens a PDF for a fix, decrypting it with the empty password: an owner-password file opens that way and its
 * restrictions can be dropped, while a file that needs a password to open cannot be fixed without it (court FAQ 51;
 * PDF-PREFLIGHT.md §3).
 */
export async function openForFix(bytes: Uint8Array): Promise<{ readonly ok: true; readonly document: PDFDocument } | FixFailure> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      password: '',
      updateMetadata: false,
      throwOnInvalidObject: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    if (error instanceof Error && error.message === 'NEEDS PASSWORD') return needsPassword;
    return unreadable;
  }
  if (document.context.lookup(document.context.trailerInfo.Root) === undefined) return unreadable;
  return { ok: true, document };
}

const needsPassword: FixFailure = {
  ok: false,
  code: 'fix.needs-password',
  message:
    'This PDF needs a password to open, so ECF Desk cannot make a copy of it. CM/ECF rejects password-protected files (court FAQ 51). ' +
    'Open it in Adobe Acrobat with its password, choose File, Properties, Security, set "No Security", save, and add the unprotected copy.',
};

/** The file could be opened but not copied, or not opened at all: its structure is damaged (court FAQ 49). */
export const unreadable: FixFailure = {
  ok: false,
  code: 'fix.unreadable',
  message:
    'ECF Desk could not read this PDF well enough to copy it: part of its structure is damaged. ' +
    'Re-create the PDF from the original document, or print it to the "Adobe PDF" printer in Adobe Acrobat (court FAQ 49), and add the new file.',
};
