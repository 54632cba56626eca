import type { PDFDocument } from '@cantoo/pdf-lib';
import type { InspectedPdf, PreflightOptions } from './check';
import { takeCensus } from './document-census';
import { DecodeBudget } from './parse/decode-budget';
import { loadDocument } from './parse/load-document';
import { pageTreeLimits, readPageTree, type PageTree } from './parse/page-tree';
import { auditStructure } from './structure-audit';
import { describeError } from '../../shared/describe-error';

/**
 * Reads a PDF once for every check: the byte-level structure audit, then a parse with @cantoo/pdf-lib that
 * decrypts with the empty password, because active content hides inside encrypted object streams of files
 * that open without a password, then one bounded walk of its page tree. Every stream it decompresses, here
 * and in the checks, counts against one decoding budget. Never throws: what cannot be read becomes `loadError`.
 */
export async function inspectPdf(bytes: Uint8Array, options: PreflightOptions): Promise<InspectedPdf> {
  const decodeBudget = new DecodeBudget();
  const structure = auditStructure(bytes, decodeBudget);
  const parsed = await parseDocument(bytes, decodeBudget);
  const document = parsed.document;
  const isDecrypted = document !== null && document.context.isDecrypted;
  const encryption: InspectedPdf['encryption'] = parsed.needsPassword
    ? 'needs-password'
    : structure.hasEncryptEntry || isDecrypted || document?.isEncrypted === true
      ? 'opens-without-password'
      : 'none';
  let census: InspectedPdf['census'] = null;
  let pageTree: InspectedPdf['pageTree'] = parsed.needsPassword ? await readLockedPageTree(bytes) : null;
  let loadError = parsed.loadError;
  if (document !== null) {
    try {
      pageTree = readPageTree(document);
      census = takeCensus(document, pageTree);
    } catch {
      pageTree = null;
      loadError = 'its objects refer to each other in a way that cannot be followed';
    }
  }
  return {
    bytes,
    options,
    document: census === null ? null : document,
    loadError,
    structure,
    encryption,
    pageTree,
    census,
    decodeBudget,
  };
}

/**
 * The pages of a file that needs a password, read without decrypting it: only its strings and streams are encrypted,
 * so its page list usually shows, and the document list and `ecf-desk preflight` can say how many pages it has. Its
 * own decoding budget, so undecryptable streams never count against the document's. Null when it cannot be read.
 */
async function readLockedPageTree(bytes: Uint8Array): Promise<PageTree | null> {
  try {
    const budget = new DecodeBudget();
    const tree = readPageTree(await loadDocument(bytes, budget, { isDecrypting: false }));
    return budget.overrun === null &&
      tree.stoppedAt === null &&
      tree.listedPages <= pageTreeLimits.nodes &&
      tree.pageCount > 0
      ? tree
      : null;
  } catch {
    return null;
  }
}

interface ParsedDocument {
  document: PDFDocument | null;
  loadError: string | null;
  needsPassword: boolean;
}

async function parseDocument(bytes: Uint8Array, budget: DecodeBudget): Promise<ParsedDocument> {
  try {
    const document = await loadDocument(bytes, budget);
    if (document.context.lookup(document.context.trailerInfo.Root) === undefined) {
      return {
        document: null,
        loadError: 'it has no document catalog (the object every reader starts from)',
        needsPassword: false,
      };
    }
    return { document, loadError: null, needsPassword: false };
  } catch (error) {
    const message = describeError(error).message;
    if (message === 'NEEDS PASSWORD') {
      return { document: null, loadError: null, needsPassword: true };
    }
    return { document: null, loadError: describeLoadError(message), needsPassword: false };
  }
}

function describeLoadError(message: string): string {
  if (/header/i.test(message)) {
    return 'it does not start with a PDF header';
  }
  if (/trailer|xref|cross/i.test(message)) {
    return 'its trailer or cross-reference table cannot be read';
  }
  return 'its contents cannot be read';
}
