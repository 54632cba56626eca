import { ParseSpeeds, PDFDocument } from '@cantoo/pdf-lib';
import type { PDFContext } from '@cantoo/pdf-lib';
import './bounded-object-streams';
import { attachBudget, DecodeBudget } from './decode-budget';
import { QuickPdfParser } from './quick-pdf-parser';

/** How to parse an untrusted PDF. */
export interface LoadOptions {
  /** false leaves an encrypted file's strings and streams as they are, which needs no password. */
  readonly isDecrypting?: boolean;
  /** true when the document will be written out (a fix), which changes how its numbers are built, not what they are. */
  readonly isForWriting?: boolean;
}

/**
 * Parses an untrusted PDF: `PDFDocument.load` with the empty password and no metadata update, read by the
 * quicker tokenizer (quick-pdf-parser.ts). Encrypted files, and any file the quick pass cannot finish, are
 * parsed again by `PDFDocument.load` itself, so decryption and every error message stay pdf-lib's. Either way
 * object streams and cross-reference streams are decoded within `budget`, which every later decoding of the
 * document's streams also counts against. The page tree is not walked here: see page-tree.ts.
 */
export async function loadDocument(
  bytes: Uint8Array,
  budget: DecodeBudget = new DecodeBudget(),
  options: LoadOptions = {},
): Promise<PDFDocument> {
  const document =
    (await parseQuickly(bytes, budget, options)) ??
    (await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      password: '',
      updateMetadata: false,
      throwOnInvalidObject: false,
      parseSpeed: ParseSpeeds.Fastest,
    }));
  attachBudget(document.context, budget);
  return document;
}

async function parseQuickly(
  bytes: Uint8Array,
  budget: DecodeBudget,
  options: LoadOptions,
): Promise<PDFDocument | null> {
  let context: PDFContext;
  try {
    context = await new QuickPdfParser(bytes, budget, options.isForWriting ?? false).parseDocument();
  } catch {
    return null;
  }
  // `PDFDocument.load` parses an encrypted file twice, the second time decrypting with the password.
  if ((options.isDecrypting ?? true) && context.lookup(context.trailerInfo.Encrypt) !== undefined) {
    return null;
  }
  // The constructor `PDFDocument.load` ends with, given what it passes for an unencrypted file:
  // ignoreEncryption, no metadata update, XFA forms not preserved.
  return Reflect.construct(PDFDocument, [context, true, false, false]) as PDFDocument;
}
