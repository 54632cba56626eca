import type { PDFDict } from '@cantoo/pdf-lib';
import { nameOf, valueOf } from './dictionary-entries';

/**
 * Every action type docs/court-rules.md#external-actions lists except `/URI` (web links, which NextGen CM/ECF accepts)
 * and `/GoTo` (a jump inside the document): CM/ECF does not publish its list, so the whole list is blocked.
 * The active-content check finds them and the clean copy removes them, from this one list.
 */
const blockedActions = new Set([
  'JavaScript',
  'Launch',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'Rendition',
  'Sound',
  'Movie',
  'RichMediaExecute',
  'Hide',
  'Named',
  'SetOCGState',
  'ResetForm',
  'Thread',
  'Trans',
  'GoTo3DView',
]);

/** The blocked action type a dictionary is, or null (structure elements also use /S and carry /K, so they are not actions). */
export function blockedActionType(dictionary: PDFDict): string | null {
  const type = nameOf(dictionary, 'Type');
  if (type !== null && type !== 'Action') {
    return null;
  }
  const subtype = nameOf(dictionary, 'S');
  if (subtype !== null && blockedActions.has(subtype) && valueOf(dictionary, 'K') === undefined) {
    return subtype;
  }
  if (valueOf(dictionary, 'JS') !== undefined) {
    return 'JavaScript';
  }
  return null;
}
