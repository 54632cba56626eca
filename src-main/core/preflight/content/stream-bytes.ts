import { constants, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFObject, PDFPage } from '@cantoo/pdf-lib';

const filterKey = PDFName.of('Filter');
const decodeParmsKey = PDFName.of('DecodeParms');
const predictorKey = PDFName.of('Predictor');
const flateDecode = PDFName.of('FlateDecode');

const formCache = new WeakMap<PDFRawStream, Uint8Array>();
const empty = new Uint8Array(0);

/**
 * A stream's decoded bytes. Flate (nearly every content stream) goes through Node's native zlib, many times
 * faster than the JavaScript inflater in pdf-lib, and a truncated stream still yields what it holds (a viewer
 * shows that much, so preflight must see it too); other filters fall back to pdf-lib. A stream that cannot be
 * decoded reads as empty rather than stopping the whole preflight.
 */
export function readStreamBytes(stream: PDFObject | undefined): Uint8Array {
  if (!(stream instanceof PDFRawStream)) return empty;
  const filter = stream.dict.lookup(filterKey);
  const onlyFilter = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
  if (filter === undefined) return stream.contents;
  if (onlyFilter === flateDecode && !hasPredictor(stream.dict)) {
    try {
      return inflateSync(stream.contents, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      // Damaged deflate data: let pdf-lib's more forgiving inflater try.
    }
  }
  try {
    return decodePDFRawStream(stream).decode();
  } catch {
    return empty;
  }
}

/** A Form XObject's decoded bytes, decoded once per document because letterheads and stamps repeat on every page. */
export function readFormBytes(stream: PDFRawStream): Uint8Array {
  const cached = formCache.get(stream);
  if (cached) return cached;
  const bytes = readStreamBytes(stream);
  formCache.set(stream, bytes);
  return bytes;
}

/** A page's content streams, joined (streams may only split between tokens, §7.8.2). */
export function readPageBytes(page: PDFPage): Uint8Array {
  const contents = page.node.Contents();
  if (!(contents instanceof PDFArray)) return readStreamBytes(contents);
  const parts: Uint8Array[] = [];
  for (let index = 0; index < contents.size(); index += 1) parts.push(readStreamBytes(contents.lookup(index)));
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length + 1, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = 10;
    offset += part.length + 1;
  }
  return joined;
}

function hasPredictor(dict: PDFDict): boolean {
  const parms = dict.lookup(decodeParmsKey);
  const single = parms instanceof PDFArray ? parms.lookup(0) : parms;
  if (!(single instanceof PDFDict)) return false;
  const predictor = single.lookup(predictorKey);
  return predictor instanceof PDFNumber && predictor.asNumber() > 1;
}
