import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { budgetOf, DecodeBudget } from '../parse/decode-budget';
import { loadDocument } from '../parse/load-document';
import { readPageTree } from '../parse/page-tree';
import type { PageTree } from '../parse/page-tree';
import type { FixFailure } from './fix-results';

/** A document opened for a fix, with its pages as the bounded page walk found them, in order, each once. */
export interface OpenedForFix {
  readonly ok: true;
  readonly document: PDFDocument;
  readonly pages: readonly PDFRef[];
}

/**
 * Opens a PDF for a fix the way preflight reads it (parse/load-document.ts, parse/page-tree.ts), decrypting it
 * with the empty password: an owner-password file opens that way and its restrictions can be dropped, while a
 * file that needs a password to open cannot be fixed without it (court FAQ 51). A file whose streams expand past
 * the decoding limits, or whose page list holds a page that cannot be read or goes past the walk's limits, is
 * not fixed: a copy would silently leave pages out. A page listed twice, or not marked as a page, is copied once
 * as an ordinary page.
 */
export async function openForFix(bytes: Uint8Array): Promise<OpenedForFix | FixFailure> {
  const budget = new DecodeBudget();
  let document: PDFDocument;
  try {
    document = await loadDocument(bytes, budget, { isForWriting: true });
  } catch (error) {
    if (error instanceof Error && error.message === 'NEEDS PASSWORD') {
      return needsPassword;
    }
    return budget.overrun === null ? unreadable : tooLargeWhenOpened;
  }
  if (budget.overrun !== null) {
    return tooLargeWhenOpened;
  }
  if (document.context.lookup(document.context.trailerInfo.Root) === undefined) {
    return unreadable;
  }
  let tree: PageTree;
  try {
    tree = readPageTree(document);
  } catch {
    return unreadable;
  }
  const isComplete =
    tree.pages.length > 0 &&
    tree.unreadablePages.length === 0 &&
    tree.stoppedAt === null &&
    tree.listedPages !== Number.POSITIVE_INFINITY;
  if (!isComplete) {
    return unreadable;
  }
  return { ok: true, document, pages: tree.pages.map((page) => page.page.ref) };
}

/** The failure to report when the fix itself went over the decoding limits (it decodes some of the file's streams too), else null. */
export function decodingFailure(document: PDFDocument): FixFailure | null {
  return budgetOf(document.context).overrun === null ? null : tooLargeWhenOpened;
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

/** Part of the file expands past the decoding limits (parse/decode-budget.ts): it cannot be read whole, so it is not copied. */
export const tooLargeWhenOpened: FixFailure = {
  ok: false,
  code: 'fix.unreadable',
  message:
    'ECF Desk could not copy this PDF: part of it expands to far more than any filing holds when it is opened, so ECF Desk stopped reading it. ' +
    'A file built like this can stall the programs that open it, and CM/ECF rejects files it cannot process (court FAQ 49). ' +
    'Re-create the PDF: print it to the "Adobe PDF" printer in Adobe Acrobat at 300 dpi, and add the new file.',
};
