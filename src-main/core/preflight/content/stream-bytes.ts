import { PDFArray, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFObject, PDFPage } from '@cantoo/pdf-lib';
import { decodeStreamBytes } from '../parse/bounded-decode';
import { budgetOf } from '../parse/decode-budget';

const formCache = new WeakMap<PDFRawStream, Uint8Array>();
const empty = new Uint8Array(0);

/**
 * A stream's decoded bytes, within its document's decoding budget (parse/decode-budget.ts): Flate (nearly every
 * content stream) through Node's native zlib, and a truncated stream still yields what it holds (a viewer shows
 * that much, so preflight must see it too). A stream that cannot be decoded, or that would go over the budget,
 * reads as empty rather than stopping the whole preflight; the budget keeps the overrun on record.
 */
export function readStreamBytes(stream: PDFObject | undefined): Uint8Array {
  if (!(stream instanceof PDFRawStream)) {
    return empty;
  }
  const decoded = decodeStreamBytes(stream, budgetOf(stream.dict.context));
  return typeof decoded === 'string' ? empty : decoded;
}

/** A Form XObject's decoded bytes, decoded once per document because letterheads and stamps repeat on every page. */
export function readFormBytes(stream: PDFRawStream): Uint8Array {
  const cached = formCache.get(stream);
  if (cached) {
    return cached;
  }
  const bytes = readStreamBytes(stream);
  formCache.set(stream, bytes);
  return bytes;
}

/**
 * A page's content streams, joined (streams may only split between tokens, §7.8.2). The joined content is one
 * stream to a reader, so it is held to one stream's limit too.
 */
export function readPageBytes(page: PDFPage): Uint8Array {
  const contents = page.node.Contents();
  if (!(contents instanceof PDFArray)) {
    return readStreamBytes(contents);
  }
  const budget = budgetOf(page.node.context);
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let index = 0; index < contents.size(); index += 1) {
    const part = readStreamBytes(contents.lookup(index));
    length += part.length + 1;
    if (length > budget.limits.streamBytes) {
      budget.recordOverrun(budget.limits.streamBytes);
      return empty;
    }
    parts.push(part);
  }
  if (parts.length === 1) {
    return parts[0]!;
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = 10;
    offset += part.length + 1;
  }
  return joined;
}
