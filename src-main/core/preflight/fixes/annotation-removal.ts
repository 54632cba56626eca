import type { PDFDict } from '@cantoo/pdf-lib';
import { markupSubtypes } from '../checks/annotations';
import { dictionaryOf, nameOf } from '../dictionary-entries';
import type { Unwanted } from './blocked-content';
import { fileNameOf } from './blocked-content';
import type { CleanCopyChoices } from './fix-results';

/**
 * Annotations that play audio, video or 3D, which CM/ECF rejects (NextGen 1.8; docs/court-rules.md#what-cmecf-rejects).
 */
const mediaSubtypes = new Set(['Screen', 'Sound', 'Movie', 'RichMedia', '3D']);

/** A Popup that goes with a removed comment: removed with it, not counted on its own. */
const silently: Unwanted = { singular: '', plural: '' };

/**
 * Whether a clean copy leaves an annotation out, and how to count it: attachments and media always (NextGen
 * CM/ECF 1.8), comments or every annotation when the filer chose so (court FAQ 45). Form
 * widgets follow the flatten choice instead, and unapplied redaction marks are never dropped silently: removing
 * the mark would not remove the text under it (docs/court-rules.md#redaction-leaks).
 */
export function annotationRemoval(annotation: PDFDict, choice: CleanCopyChoices['dropAnnotations']): Unwanted | null {
  const subtype = nameOf(annotation, 'Subtype') ?? '';
  if (subtype === 'Popup') {
    const parent = dictionaryOf(annotation, 'Parent');
    return parent !== null && annotationRemoval(parent, choice) !== null ? silently : null;
  }
  if (subtype === 'FileAttachment') {
    const specification = dictionaryOf(annotation, 'FS');
    return {
      singular: 'attached file',
      plural: 'attached files',
      detail: (specification === null ? null : fileNameOf(specification)) ?? '',
    };
  }
  if (mediaSubtypes.has(subtype)) {
    return { singular: 'audio, video or 3D item', plural: 'audio, video or 3D items' };
  }
  if (subtype === 'Widget' || subtype === 'Redact' || choice === 'none') {
    return null;
  }
  if (markupSubtypes.has(subtype)) {
    return { singular: 'comment or markup', plural: 'comments and markups' };
  }
  if (choice === 'comments') {
    return null;
  }
  if (subtype === 'Link') {
    return { singular: 'link', plural: 'links' };
  }
  return { singular: 'other annotation', plural: 'other annotations' };
}

/** Whether a counted removal is a Popup that only goes with another removal. */
export function isSilent(removal: Unwanted): boolean {
  return removal === silently;
}
