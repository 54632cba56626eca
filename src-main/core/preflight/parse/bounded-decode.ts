import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFObject } from '@cantoo/pdf-lib';
import type { DecodeBudget } from './decode-budget';

const filterKey = PDFName.of('Filter');
const decodeParmsKey = PDFName.of('DecodeParms');
const flateDecode = PDFName.of('FlateDecode');
/** The filters pdf-lib decodes besides Flate; each of its decoders makes at most a few kilobytes a step (ISO 32000-1 §7.4). */
const stepwiseFilters = new Set([
  PDFName.of('LZWDecode'),
  PDFName.of('ASCII85Decode'),
  PDFName.of('ASCIIHexDecode'),
  PDFName.of('RunLengthDecode'),
]);
/** How much of a pdf-lib decoder's output is asked for at a time, so a limit is noticed within one step of it. */
const readStep = 64 * 1024;

/** Why a stream's bytes could not be had. */
export type DecodeFailure = 'over-limit' | 'unreadable';

/**
 * A stream's decoded bytes, every filter's output counted against `budget`: Flate through Node's native zlib
 * with `maxOutputLength`, the other filters pdf-lib knows through its decoders read a step at a time. pdf-lib's
 * own Flate decoder is never used on untrusted data, because it inflates a whole Deflate block in one step and a
 * block can hold gigabytes. A truncated Flate stream yields what it holds (a viewer shows that much), and one
 * whose checksum is wrong is still read, as pdf-lib's inflater read it. Returns why not when the
 * stream would go over the budget (which then records it) or cannot be decoded (an unknown filter, damage).
 */
export function decodeStreamBytes(stream: PDFRawStream, budget: DecodeBudget): Uint8Array | DecodeFailure {
  const filters = filtersOf(stream.dict);
  // pdf-lib builds the whole chain before decoding anything, so one filter it cannot undo made the stream unreadable.
  if (filters === null || filters.some(({ filter }) => filter !== flateDecode && !stepwiseFilters.has(filter))) {
    return 'unreadable';
  }
  let bytes: Uint8Array = stream.contents;
  for (const { filter, parameters } of filters) {
    const allowance = budget.allowance;
    if (allowance === 0) {
      return 'over-limit';
    }
    const decoded =
      filter === flateDecode
        ? inflateBounded(bytes, allowance)
        : decodeStepwise(stream.dict, filter, parameters, bytes, allowance);
    if (decoded === 'over-limit') {
      budget.recordOverrun(allowance);
    }
    if (typeof decoded === 'string') {
      return decoded;
    }
    budget.spend(decoded.byteLength);
    bytes = decoded;
  }
  return bytes;
}

/**
 * Inflates zlib data read straight from the file's bytes (the structure audit's cross-reference streams) within
 * `budget`. Strict where `decodeStreamBytes` is lenient: a wrong checksum is damage the audit reports.
 */
export function inflateWithin(bytes: Uint8Array, budget: DecodeBudget): Uint8Array | DecodeFailure {
  const allowance = budget.allowance;
  if (allowance === 0) {
    return 'over-limit';
  }
  try {
    const inflated = inflateSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: allowance });
    budget.spend(inflated.byteLength);
    return inflated;
  } catch (error) {
    if (!isTooLarge(error)) {
      return 'unreadable';
    }
    budget.recordOverrun(allowance);
    return 'over-limit';
  }
}

interface FilterStep {
  readonly filter: PDFName;
  readonly parameters: PDFObject | undefined;
}

/** The filters in the order they are undone, with their parameters; null when /Filter is not a name or an array of names. */
function filtersOf(dict: PDFDict): FilterStep[] | null {
  const filter = dict.lookup(filterKey);
  const parameters = dict.lookup(decodeParmsKey);
  if (filter === undefined) {
    return [];
  }
  if (filter instanceof PDFName) {
    return [{ filter, parameters }];
  }
  if (!(filter instanceof PDFArray)) {
    return null;
  }
  const steps: FilterStep[] = [];
  for (let index = 0; index < filter.size(); index += 1) {
    const step = filter.lookup(index);
    if (!(step instanceof PDFName)) {
      return null;
    }
    steps.push({ filter: step, parameters: parameters instanceof PDFArray ? parameters.lookup(index) : undefined });
  }
  return steps;
}

function inflateBounded(bytes: Uint8Array, allowance: number): Uint8Array | DecodeFailure {
  const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: allowance };
  try {
    return inflateSync(bytes, options);
  } catch (error) {
    if (isTooLarge(error)) {
      return 'over-limit';
    }
  }
  // A wrong checksum (common in damaged files) stops zlib but not pdf-lib's inflater: read the raw Deflate data after the two-byte header.
  try {
    return inflateRawSync(bytes.subarray(2), options);
  } catch (error) {
    return isTooLarge(error) ? 'over-limit' : 'unreadable';
  }
}

function isTooLarge(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

/** One pdf-lib decoder over `bytes`, read a step at a time until it ends or passes `allowance`. */
function decodeStepwise(
  source: PDFDict,
  filter: PDFName,
  parameters: PDFObject | undefined,
  bytes: Uint8Array,
  allowance: number,
): Uint8Array | DecodeFailure {
  const step = PDFDict.withContext(source.context);
  step.set(filterKey, filter);
  if (parameters instanceof PDFDict) {
    step.set(decodeParmsKey, parameters);
  }
  try {
    const decoder = decodePDFRawStream(PDFRawStream.of(step, bytes));
    let total = 0;
    for (;;) {
      const read = decoder.getBytes(readStep).length;
      total += read;
      if (total > allowance) {
        return 'over-limit';
      }
      if (read < readStep) {
        break;
      }
    }
    if (total === 0) {
      return new Uint8Array(0);
    }
    decoder.reset();
    const decoded = decoder.getBytes(total);
    return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
  } catch {
    return 'unreadable';
  }
}
