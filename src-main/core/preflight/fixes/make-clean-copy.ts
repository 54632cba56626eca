import { PDFStreamWriter } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { asDictionary, itemsOf, nameOf } from '../dictionary-entries';
import { budgetOf } from '../parse/decode-budget';
import { auditStructure } from '../structure-audit';
import { chooseCatalogEntries } from './catalog-entries';
import { copyDocument } from './copy-document';
import type { CleanCopyChoices, CleanCopyResult } from './fix-results';
import { flattenForm } from './flatten-form';
import { findFreedObjects } from './freed-objects';
import { decodingFailure, openForFix, unreadable } from './open-for-fix';
import { RemovalTally } from './removal-tally';
import { countUnusedObjects } from './unused-objects';

/**
 * Makes a clean copy of a PDF for CM/ECF: a new document holding only what its pages, bookmarks and form reach,
 * without JavaScript or other blocked actions (court FAQ 49), attached files, portfolios and media (NextGen
 * CM/ECF 1.8), security restrictions (FAQ 51), document metadata, earlier revisions and every unused or deleted
 * object (docs/court-rules.md#clean-copies), plus the comments and form fields the filer chose to drop or
 * flatten. Unapplied redaction marks are kept and noted: a copy cannot apply a redaction.
 */
export async function makeCleanCopy(bytes: Uint8Array, choices: CleanCopyChoices): Promise<CleanCopyResult> {
  const opened = await openForFix(bytes);
  if (!opened.ok) {
    return opened;
  }
  const document = opened.document;
  const tally = new RemovalTally();
  try {
    if (choices.flattenForms) {
      const failure = flattenForm(document, tally);
      if (failure !== null) {
        return failure;
      }
    }
    countDocumentHistory(document, bytes, tally);
    const pages = opened.pages;
    const catalogEntries = chooseCatalogEntries(
      document.context,
      { isWholeDocument: true, keepsForm: !choices.flattenForms },
      tally,
    );
    const copy = copyDocument(
      document.context,
      {
        pages,
        catalogEntries,
        dropAnnotations: choices.dropAnnotations,
        isOutside: () => false,
        isFreed: findFreedObjects(bytes, document.context),
      },
      tally,
    );
    const failure = decodingFailure(document);
    if (failure !== null) {
      return failure;
    }
    const written = await PDFStreamWriter.forContext(copy, Number.POSITIVE_INFINITY).serializeToBuffer();
    return { ok: true, bytes: written, removed: tally.describe(), notes: redactionNotes(pages, document) };
  } catch {
    return decodingFailure(document) ?? unreadable;
  }
}

/** Counts what only the file as a whole carries: its revisions, its leftover objects, its properties and its security. */
function countDocumentHistory(document: PDFDocument, bytes: Uint8Array, tally: RemovalTally): void {
  const context = document.context;
  tally.add('earlier revision', 'earlier revisions', auditStructure(bytes, budgetOf(context)).revisions - 1);
  tally.add(
    'unused object left behind by earlier edits',
    'unused objects left behind by earlier edits',
    countUnusedObjects(context),
  );
  const info = asDictionary(context.lookup(context.trailerInfo.Info));
  if (info !== null && info.entries().length > 0) {
    tally.flag('document properties (title, author and the like)');
  }
  if (context.isDecrypted || context.trailerInfo.Encrypt !== undefined) {
    tally.flag('security restrictions (the owner password)');
  }
}

/** A redaction mark (ISO 32000-1 §12.5.6.23) hides nothing until it is applied, and applying it is a redaction tool's job. */
function redactionNotes(pages: readonly PDFRef[], document: PDFDocument): string[] {
  let marks = 0;
  for (const page of pages) {
    const node = asDictionary(document.context.lookup(page));
    if (node === null) {
      continue;
    }
    for (const item of itemsOf(node, 'Annots')) {
      const annotation = asDictionary(item);
      if (annotation !== null && nameOf(annotation, 'Subtype') === 'Redact') {
        marks += 1;
      }
    }
  }
  if (marks === 0) {
    return [];
  }
  return [
    `${marks === 1 ? 'One area is' : `${marks} areas are`} marked for redaction but not redacted; the clean copy keeps the ${marks === 1 ? 'mark' : 'marks'}, ` +
      'because a copy cannot apply a redaction and the text underneath is still there. Apply the redaction in Adobe Acrobat (Redact, Apply), then make the clean copy again.',
  ];
}
