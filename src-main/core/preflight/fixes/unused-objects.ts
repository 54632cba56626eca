import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream } from '@cantoo/pdf-lib';
import type { PDFContext, PDFObject } from '@cantoo/pdf-lib';

/**
 * Counts the objects nothing in the document reaches from its trailer: content an earlier edit deleted or
 * replaced, still in the file and readable with simple tools (docs/court-rules.md#clean-copies).
 * Object and cross-reference streams are containers, not content, and are
 * not counted.
 */
export function countUnusedObjects(context: PDFContext): number {
  const reached = new Set<PDFRef>();
  const pending: PDFObject[] = [];
  for (const start of [context.trailerInfo.Root, context.trailerInfo.Info, context.trailerInfo.Encrypt]) {
    if (start !== undefined) {
      pending.push(start);
    }
  }
  while (pending.length > 0) {
    const value = pending.pop();
    if (value instanceof PDFRef) {
      if (reached.has(value)) {
        continue;
      }
      reached.add(value);
      const target = context.lookup(value);
      if (target !== undefined) {
        pending.push(target);
      }
    } else if (value instanceof PDFDict) {
      for (const [, item] of value.entries()) {
        if (isContainer(item)) {
          pending.push(item);
        }
      }
    } else if (value instanceof PDFStream) {
      pending.push(value.dict);
    } else if (value instanceof PDFArray) {
      for (const item of value.asArray()) {
        if (isContainer(item)) {
          pending.push(item);
        }
      }
    }
  }
  let unused = 0;
  for (const [reference, value] of context.enumerateIndirectObjects()) {
    if (!reached.has(reference) && !isStorage(value)) {
      unused += 1;
    }
  }
  return unused;
}

function isContainer(value: PDFObject): boolean {
  return value instanceof PDFRef || value instanceof PDFDict || value instanceof PDFArray || value instanceof PDFStream;
}

function isStorage(value: PDFObject): boolean {
  if (!(value instanceof PDFRawStream)) {
    return false;
  }
  const type = value.dict.get(PDFName.of('Type'));
  return type === PDFName.of('ObjStm') || type === PDFName.of('XRef');
}
