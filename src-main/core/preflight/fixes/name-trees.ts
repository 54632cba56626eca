import { PDFArray, PDFHexString, PDFName, PDFRef, PDFString } from '@cantoo/pdf-lib';
import type { PDFContext, PDFDict, PDFObject } from '@cantoo/pdf-lib';
import { asDictionary } from '../dictionary-entries';

/**
 * The entries of a name tree (ISO 32000-1 §7.9.6) — the structure behind document scripts, attached files
 * and named destinations — as [key text, value] pairs, walked without recursion and safe against loops.
 */
export function nameTreeEntries(context: PDFContext, root: PDFObject | undefined): [string, PDFObject][] {
  const entries: [string, PDFObject][] = [];
  const seen = new Set<PDFDict>();
  const pending: PDFObject[] = root === undefined ? [] : [root];
  while (pending.length > 0) {
    const next = pending.pop();
    const node = asDictionary(next instanceof PDFRef ? context.lookup(next) : next);
    if (node === null || seen.has(node)) {
      continue;
    }
    seen.add(node);
    const kids = resolve(context, node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) {
      pending.push(...kids.asArray());
    }
    const names = resolve(context, node.get(PDFName.of('Names')));
    if (!(names instanceof PDFArray)) {
      continue;
    }
    for (let index = 0; index + 1 < names.size(); index += 2) {
      const key = resolve(context, names.get(index));
      const text = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '';
      entries.push([text, names.get(index + 1)]);
    }
  }
  return entries;
}

function resolve(context: PDFContext, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? context.lookup(value) : value;
}
