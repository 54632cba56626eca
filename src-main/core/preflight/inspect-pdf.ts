import type { PDFDocument } from '@cantoo/pdf-lib';
import type { InspectedPdf, PreflightOptions } from './check';
import { takeCensus } from './document-census';
import { loadDocument } from './parse/load-document';
import { auditStructure } from './structure-audit';

/**
 * Reads a PDF once for every check: the byte-level structure audit, then a parse with @cantoo/pdf-lib that
 * decrypts with the empty password, because active content hides inside encrypted object streams of files
 * that open without a password (PDF-PREFLIGHT.md §3). Never throws: what cannot be read becomes `loadError`.
 */
export async function inspectPdf(bytes: Uint8Array, options: PreflightOptions): Promise<InspectedPdf> {
  const structure = auditStructure(bytes);
  const parsed = await parseDocument(bytes);
  const document = parsed.document;
  const isDecrypted = document !== null && document.context.isDecrypted;
  const encryption: InspectedPdf['encryption'] = parsed.needsPassword
    ? 'needs-password'
    : structure.hasEncryptEntry || isDecrypted || document?.isEncrypted === true
      ? 'opens-without-password'
      : 'none';
  let census: InspectedPdf['census'] = null;
  let loadError = parsed.loadError;
  if (document !== null) {
    try {
      census = takeCensus(document);
    } catch {
      loadError = 'its objects refer to each other in a way that cannot be followed';
    }
  }
  return { bytes, options, document: census === null ? null : document, loadError, structure, encryption, census };
}

interface ParsedDocument {
  document: PDFDocument | null;
  loadError: string | null;
  needsPassword: boolean;
}

async function parseDocument(bytes: Uint8Array): Promise<ParsedDocument> {
  try {
    const document = await loadDocument(bytes);
    if (document.context.lookup(document.context.trailerInfo.Root) === undefined) {
      return { document: null, loadError: 'it has no document catalog (the object every reader starts from)', needsPassword: false };
    }
    return { document, loadError: null, needsPassword: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message === 'NEEDS PASSWORD') return { document: null, loadError: null, needsPassword: true };
    return { document: null, loadError: describeLoadError(message), needsPassword: false };
  }
}

function describeLoadError(message: string): string {
  if (/header/i.test(message)) return 'it does not start with a PDF header';
  if (/trailer|xref|cross/i.test(message)) return 'its trailer or cross-reference table cannot be read';
  return 'its contents cannot be read';
}
