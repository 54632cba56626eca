import { PDFArray, PDFNull, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import type { PDFDict } from '@cantoo/pdf-lib';
import type { PDFContext, PDFObject, PDFPage } from '@cantoo/pdf-lib';
import { decodeStreamBytes } from '../parse/bounded-decode';
import type { DecodeFailure } from '../parse/bounded-decode';
import { budgetOf } from '../parse/decode-budget';

const formCache = new WeakMap<PDFRawStream, Uint8Array>();
const empty = new Uint8Array(0);

/** What a document's content streams that do not decode came to: how many distinct streams, and how many reads met one. */
interface UndecodableContent {
  /** Each damaged stream once: by its reference or stream object, or, for a direct entry that is no stream, by its place. */
  readonly streams: Set<object>;
  reads: number;
}

/** Where a page lists a content entry: its /Contents array's index, or -1 for a lone entry. */
interface ContentPlace {
  readonly page: PDFDict;
  readonly index: number;
}

/**
 * One key per place a page lists a direct content entry. Equal direct values are not one stream: two pages with
 * `/Contents 0`, or `[7 7]`, are two damaged entries, however the parser shares its numbers.
 */
const placeKeys = new WeakMap<PDFDict, object[]>();

function keyOfPlace({ page, index }: ContentPlace): object {
  const keys = placeKeys.get(page) ?? [];
  placeKeys.set(page, keys);
  keys[index + 1] ??= {};
  return keys[index + 1]!;
}

const undecodableContent = new WeakMap<PDFContext, UndecodableContent>();

/**
 * A content stream's decoded bytes (a page's or a Form XObject's) from `entry`, the stream or a reference to it,
 * like `readStreamBytes`, with a damaged one kept on record for `context`'s document: data that does not decompress,
 * a filter that cannot be undone, or an entry that is no stream at all (an object that does not parse, a reference to
 * nothing) where one must be (`mustBeStream`: an item of a page's /Contents array; ISO 32000-1 §7.7.3.3). It reads
 * as empty, so what it paints went unchecked. Costs nothing more when the stream decodes.
 */
function readContentStream(
  entry: PDFObject | undefined,
  context: PDFContext,
  mustBeStream: boolean,
  place: ContentPlace | null,
): Uint8Array {
  const stream = entry instanceof PDFRef ? context.lookup(entry) : entry;
  const decoded = decodeWithinBudget(stream);
  const isStream = stream instanceof PDFRawStream;
  const isDamaged =
    decoded === 'unreadable' || (!isStream && (mustBeStream || (stream !== undefined && stream !== PDFNull)));
  if (entry !== undefined && isDamaged) {
    const record = undecodableContent.get(context) ?? { streams: new Set<object>(), reads: 0 };
    const isObjectOfItsOwn = entry instanceof PDFRef || entry instanceof PDFRawStream || place === null;
    record.streams.add(isObjectOfItsOwn ? entry : keyOfPlace(place));
    record.reads += 1;
    undecodableContent.set(context, record);
  }
  return typeof decoded === 'string' ? empty : decoded;
}

/** How many of the document's content streams read so far do not decode. */
export function countUndecodableContentStreams(context: PDFContext): number {
  return undecodableContent.get(context)?.streams.size ?? 0;
}

/** How many reads of the document's content streams so far met one that does not decode: it grows while a page that holds one is read. */
export function countUndecodableContentReads(context: PDFContext): number {
  return undecodableContent.get(context)?.reads ?? 0;
}

/**
 * A stream's decoded bytes, within its document's decoding budget (parse/decode-budget.ts): Flate (nearly every
 * content stream) through Node's native zlib, and a truncated stream still yields what it holds (a viewer shows
 * that much, so preflight must see it too). A stream that cannot be decoded, or that would go over the budget,
 * reads as empty rather than stopping the whole preflight; the budget keeps the overrun on record.
 */
export function readStreamBytes(stream: PDFObject | undefined): Uint8Array {
  const decoded = decodeWithinBudget(stream);
  return typeof decoded === 'string' ? empty : decoded;
}

function decodeWithinBudget(stream: PDFObject | undefined): Uint8Array | DecodeFailure {
  return stream instanceof PDFRawStream ? decodeStreamBytes(stream, budgetOf(stream.dict.context)) : empty;
}

/** A Form XObject's decoded bytes, decoded once per document because letterheads and stamps repeat on every page. */
export function readFormBytes(stream: PDFRawStream): Uint8Array {
  const cached = formCache.get(stream);
  if (cached) {
    return cached;
  }
  const bytes = readContentStream(stream, stream.dict.context, true, null);
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
    return readContentStream(contents, page.node.context, false, { page: page.node, index: -1 });
  }
  const budget = budgetOf(page.node.context);
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let index = 0; index < contents.size(); index += 1) {
    const part = readContentStream(contents.get(index), page.node.context, true, { page: page.node, index });
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
