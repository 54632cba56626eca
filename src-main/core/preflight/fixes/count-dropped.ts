import { PDFArray, PDFRef } from '@cantoo/pdf-lib';
import type { PDFContext, PDFDict, PDFObject } from '@cantoo/pdf-lib';
import { asDictionary } from '../dictionary-entries';
import { blockedActionType } from '../blocked-actions';
import { fileNameOf } from './blocked-content';
import type { RemovalTally } from './removal-tally';

/**
 * Counts the actions in an /AA (additional actions) dictionary: they run on their own when a page opens or a
 * field changes, which is why CM/ECF rejects them (court FAQ 49; docs/court-rules.md#external-actions).
 */
export function countTriggers(source: PDFContext, triggers: PDFDict | null, tally: RemovalTally): void {
  if (triggers === null) {
    return;
  }
  for (const [, value] of triggers.entries()) {
    countAction(source, value, tally, 'automatic action', 'automatic actions');
  }
}

/** Counts one action left out: blocked ones by their type ("JavaScript action"), others under the given label. */
export function countAction(
  source: PDFContext,
  value: PDFObject,
  tally: RemovalTally,
  singular: string,
  plural: string,
): void {
  const action = asDictionary(value instanceof PDFRef ? source.lookup(value) : value);
  if (action === null || !tally.isFirstSight(action)) {
    return;
  }
  const type = blockedActionType(action);
  if (type !== null) {
    tally.add(`${type} action`, `${type} actions`);
  } else {
    tally.add(singular, plural);
  }
}

/** Counts associated files (/AF), which carry other files inside the PDF (NextGen CM/ECF 1.8 "internal attachments"). */
export function countAssociatedFiles(source: PDFContext, value: PDFObject, tally: RemovalTally): void {
  const items = value instanceof PDFArray ? value.asArray() : [value];
  for (const item of items) {
    const specification = asDictionary(item instanceof PDFRef ? source.lookup(item) : item);
    if (specification === null || !tally.isFirstSight(specification)) {
      continue;
    }
    tally.add('attached file', 'attached files', 1, fileNameOf(specification) ?? '');
  }
}
