import { PDFName, PDFRef } from '@cantoo/pdf-lib';
import type { PDFContext, PDFDict, PDFObject } from '@cantoo/pdf-lib';
import { asDictionary, valueOf } from '../dictionary-entries';
import { fileNameOf } from './blocked-content';
import { countAction, countAssociatedFiles, countTriggers } from './count-dropped';
import { nameTreeEntries } from './name-trees';
import type { RemovalTally } from './removal-tally';

/** What a copy keeps of the document catalog. */
export interface CatalogChoices {
  /** Bookmarks, page labels and the structure tree: kept for a whole document, not for a part of one. */
  readonly isWholeDocument: boolean;
  /** Fillable form fields: kept unless they were flattened. */
  readonly keepsForm: boolean;
}

/** Catalog entries that only describe how to show or read the document, kept as they are (ISO 32000-1 §7.7.2). */
const displayKeys = ['PageLayout', 'ViewerPreferences', 'Lang', 'MarkInfo', 'OCProperties', 'Dests'];
const wholeDocumentKeys = ['Outlines', 'PageLabels', 'PageMode', 'StructTreeRoot'];

/**
 * Chooses the catalog entries a clean copy carries: display settings, bookmarks, named destinations and the form,
 * and never the opening action, document triggers, document-level scripts, attached files, portfolio layout,
 * associated files or XMP metadata (docs/court-rules.md#clean-copies). What is left out is counted.
 */
export function chooseCatalogEntries(
  context: PDFContext,
  choices: CatalogChoices,
  tally: RemovalTally,
): [string, PDFObject][] {
  const catalog = asDictionary(context.lookup(context.trailerInfo.Root));
  if (catalog === null) {
    return [];
  }
  const entries: [string, PDFObject][] = [];
  for (const key of [...displayKeys, ...(choices.isWholeDocument ? wholeDocumentKeys : [])]) {
    const value = catalog.get(PDFName.of(key));
    if (value !== undefined) {
      entries.push([key, value]);
    }
  }
  const names = asDictionary(valueOf(catalog, 'Names'));
  if (names !== null) {
    const destinations = names.get(PDFName.of('Dests'));
    if (destinations !== undefined) {
      entries.push(['Names', context.obj({ Dests: destinations })]);
    }
    countNamedScripts(context, names, tally);
    countNamedAttachments(context, names, tally);
  }
  const form = formToKeep(context, catalog, choices.keepsForm, tally);
  if (form !== null) {
    entries.push(['AcroForm', form]);
  }
  countLeftOut(context, catalog, tally);
  return entries;
}

function countNamedScripts(context: PDFContext, names: PDFDict, tally: RemovalTally): void {
  const scripts = nameTreeEntries(context, names.get(PDFName.of('JavaScript')));
  for (const [, action] of scripts) {
    countAction(context, action, tally, 'document-level script', 'document-level scripts');
  }
}

function countNamedAttachments(context: PDFContext, names: PDFDict, tally: RemovalTally): void {
  for (const [key, value] of nameTreeEntries(context, names.get(PDFName.of('EmbeddedFiles')))) {
    const specification = asDictionary(value instanceof PDFRef ? context.lookup(value) : value);
    if (specification !== null && !tally.isFirstSight(specification)) {
      continue;
    }
    tally.add('attached file', 'attached files', 1, (specification === null ? null : fileNameOf(specification)) ?? key);
  }
}

/** The form without its XFA part (LiveCycle forms carry their own scripts; the AcroForm fields stay usable). */
function formToKeep(context: PDFContext, catalog: PDFDict, keepsForm: boolean, tally: RemovalTally): PDFDict | null {
  const form = asDictionary(valueOf(catalog, 'AcroForm'));
  if (form === null) {
    return null;
  }
  if (form.get(PDFName.of('XFA')) !== undefined) {
    tally.flag('XFA (LiveCycle) form data, which can carry scripts');
  }
  if (!keepsForm) {
    return null;
  }
  const kept = context.obj({}) as PDFDict;
  for (const [key, value] of form.entries()) {
    if (key.decodeText() !== 'XFA') {
      kept.set(key, value);
    }
  }
  return kept;
}

function countLeftOut(context: PDFContext, catalog: PDFDict, tally: RemovalTally): void {
  const opening = catalog.get(PDFName.of('OpenAction'));
  if (opening !== undefined) {
    countAction(context, opening, tally, 'action run when the file opens', 'actions run when the file opens');
  }
  countTriggers(context, asDictionary(valueOf(catalog, 'AA')), tally);
  const associated = valueOf(catalog, 'AF');
  if (associated !== undefined) {
    countAssociatedFiles(context, associated, tally);
  }
  if (catalog.get(PDFName.of('Collection')) !== undefined) {
    tally.flag('portfolio layout (the file was a PDF portfolio)');
  }
  if (catalog.get(PDFName.of('Metadata')) !== undefined) {
    tally.flag('document metadata (XMP)');
  }
}
