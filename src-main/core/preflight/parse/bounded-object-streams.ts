import { PDFName, PDFObjectStreamParser, PDFRawStream, PDFXRefStreamParser } from '@cantoo/pdf-lib';
import { decodeStreamBytes } from './bounded-decode';
import { budgetOf } from './decode-budget';
import { ObjectStreamParser } from './object-stream-parser';

const filterKey = PDFName.of('Filter');
const decodeParmsKey = PDFName.of('DecodeParms');

/**
 * An object stream or cross-reference stream (ISO 32000-1 §7.5.7, §7.5.8) decoded within its document's budget,
 * handed back as a stream with no filter so that pdf-lib's parsers read it as they would have read their own
 * decoding of it. Throws when it cannot be decoded or would go over the budget: the parser then treats the
 * stream as an object it cannot read, as it does any stream its own decoder rejects.
 */
export function decodedForParsing(stream: PDFRawStream): PDFRawStream {
  const decoded = decodeStreamBytes(stream, budgetOf(stream.dict.context));
  if (decoded === 'over-limit') {
    throw new Error('The stream decodes to more than ECF Desk reads of one document');
  }
  if (decoded === 'unreadable') {
    throw new Error('The stream cannot be decoded');
  }
  const dict = stream.dict.clone();
  dict.delete(filterKey);
  dict.delete(decodeParmsKey);
  return PDFRawStream.of(dict, decoded);
}

/**
 * pdf-lib decodes object streams and cross-reference streams while it parses, with its own decoders and no
 * limit: a few kilobytes of compressed data there can claim gigabytes. Its parser makes both readers through
 * these two factories, so every parse in this process — `PDFDocument.load` included, which preflight still uses
 * for encrypted files — decodes them within the document's budget instead, and reads the objects of an object
 * stream as the quick parser reads the others.
 */
PDFObjectStreamParser.forStream = (rawStream, shouldWaitForTick) =>
  new ObjectStreamParser(decodedForParsing(rawStream), shouldWaitForTick);
PDFXRefStreamParser.forStream = (rawStream) => new PDFXRefStreamParser(decodedForParsing(rawStream));
