import { ParseSpeeds, PDFDocument } from '@cantoo/pdf-lib';
import type { PDFContext } from '@cantoo/pdf-lib';
import { QuickPdfParser } from './quick-pdf-parser';

/**
 * Parses a PDF for preflight: `PDFDocument.load` with the empty password and no metadata update, read by the
 * quicker tokenizer (quick-pdf-parser.ts). Encrypted files, and any file the quick pass cannot finish, are
 * parsed again by `PDFDocument.load` itself, so decryption and every error message stay pdf-lib's.
 */
export async function loadDocument(bytes: Uint8Array): Promise<PDFDocument> {
  return (await parseQuickly(bytes)) ?? PDFDocument.load(bytes, {
    ignoreEncryption: true,
    password: '',
    updateMetadata: false,
    throwOnInvalidObject: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
}

async function parseQuickly(bytes: Uint8Array): Promise<PDFDocument | null> {
  let context: PDFContext;
  try {
    context = await new QuickPdfParser(bytes).parseDocument();
  } catch {
    return null;
  }
  // `PDFDocument.load` parses an encrypted file twice, the second time decrypting with the password.
  if (context.lookup(context.trailerInfo.Encrypt) !== undefined) return null;
  // The constructor `PDFDocument.load` ends with, given what it passes for an unencrypted file:
  // ignoreEncryption, no metadata update, XFA forms not preserved.
  return Reflect.construct(PDFDocument, [context, true, false, false]) as PDFDocument;
}
