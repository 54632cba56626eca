import { PDFDict, PDFRawStream, PDFStream } from '@cantoo/pdf-lib';
import type { PDFObject } from '@cantoo/pdf-lib';
import { blockedActionType } from '../blocked-actions';
import { nameOf, textOf, valueOf } from '../dictionary-entries';

/**
 * Audio, video and 3D objects outside annotations (NextGen 1.8, "audio and video";
 * docs/court-rules.md#what-cmecf-rejects).
 */
const mediaObjects = new Set(['U3D', 'PRC', 'RichMediaContent', 'RichMediaSettings', 'MediaClip']);

/** Something a clean copy never carries, and how to count it. */
export interface Unwanted {
  readonly singular: string;
  readonly plural: string;
  /** A file name, for attachments. */
  readonly detail?: string;
}

/**
 * Whether an object is something CM/ECF rejects wherever it hangs: a blocked action (court FAQ 49), an embedded
 * file or file specification carrying one (NextGen 1.8 "internal attachments"), or media data ("audio and
 * video content"); null when it may be copied.
 */
export function unwantedObject(value: PDFObject): Unwanted | null {
  const dictionary = value instanceof PDFDict ? value : value instanceof PDFStream ? value.dict : null;
  if (dictionary === null) {
    return null;
  }
  const action = blockedActionType(dictionary);
  if (action !== null) {
    return { singular: `${action} action`, plural: `${action} actions` };
  }
  const type = nameOf(dictionary, 'Type');
  if (type === 'EmbeddedFile' || valueOf(dictionary, 'EF') !== undefined) {
    if (value instanceof PDFRawStream) {
      return { singular: 'attached file', plural: 'attached files' };
    }
    return { singular: 'attached file', plural: 'attached files', detail: fileNameOf(dictionary) ?? '' };
  }
  if (mediaObjects.has(nameOf(dictionary, 'Subtype') ?? '') || mediaObjects.has(type ?? '')) {
    return { singular: 'audio, video or 3D item', plural: 'audio, video or 3D items' };
  }
  return null;
}

/** The file name a file specification gives (its Unicode name first), or null. */
export function fileNameOf(specification: PDFDict): string | null {
  return textOf(specification, 'UF') ?? textOf(specification, 'F');
}
