import { inflateWithin } from './parse/bounded-decode';
import type { DecodeBudget } from './parse/decode-budget';

/** One in-file entry of a cross-reference stream: which object starts where. */
export interface StreamEntry {
  objectNumber: number;
  offset: number;
}

/** One row of a cross-reference stream (ISO 32000-1 §7.5.8.3): type 0 free, 1 in the file, 2 in an object stream. */
export interface StreamRow {
  objectNumber: number;
  type: number;
  /** The offset (type 1), the next free object (type 0) or the object stream's number (type 2). */
  second: number;
  /** The generation (types 0 and 1) or the index within the object stream (type 2). */
  third: number;
}

/** How many of the entries a cross-reference stream's /Index and /Size announce its data lacks or garbles. */
interface RowDamage {
  /** More than 0 when the decoded data is shorter than the entries it announces, which readers treat as a broken index (qpdf rebuilds it). */
  readonly missingRows: number;
  /** Entries of a type no reader knows (ISO 32000-1 §7.5.8.3 defines types 0, 1 and 2), as data that was never decoded reads. */
  readonly invalidRows: number;
}

/** A cross-reference stream's in-file entries, and how damaged its rows are. */
export interface StreamEntries extends RowDamage {
  readonly entries: StreamEntry[];
}

/** Every row of a cross-reference stream, and how damaged they are. */
export interface StreamRows extends RowDamage {
  readonly rows: StreamRow[];
}

/** The in-file entries (type 1) of a cross-reference stream; null when the stream cannot be decoded within `budget`. */
export function decodeStreamEntries(
  buffer: Buffer,
  afterDictionary: number,
  dictionary: string,
  budget: DecodeBudget,
): StreamEntries | null {
  const decoded = decodeStreamRows(buffer, afterDictionary, dictionary, budget);
  if (decoded === null) {
    return null;
  }
  const entries = decoded.rows
    .filter((row) => row.type === 1)
    .map((row) => ({ objectNumber: row.objectNumber, offset: row.second }));
  return { entries, missingRows: decoded.missingRows, invalidRows: decoded.invalidRows };
}

/** Every row of a cross-reference stream whose dictionary text ends at `afterDictionary`; null when it cannot be decoded within `budget`. */
export function decodeStreamRows(
  buffer: Buffer,
  afterDictionary: number,
  dictionary: string,
  budget: DecodeBudget,
): StreamRows | null {
  const streamKeyword = buffer.indexOf('stream', afterDictionary);
  if (streamKeyword < 0 || streamKeyword - afterDictionary > 64) {
    return null;
  }
  let dataStart = streamKeyword + 6;
  if (buffer[dataStart] === 0x0d) {
    dataStart += 1;
  }
  if (buffer[dataStart] === 0x0a) {
    dataStart += 1;
  }
  const directLength = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  const dataEnd =
    directLength?.[1] === undefined ? buffer.indexOf('endstream', dataStart) : dataStart + Number(directLength[1]);
  const widths = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dictionary);
  if (dataEnd < dataStart || dataEnd > buffer.length || widths === null) {
    return null;
  }
  const [typeWidth, secondWidth, thirdWidth] = [Number(widths[1]), Number(widths[2]), Number(widths[3])];
  const rowWidth = typeWidth + secondWidth + thirdWidth;
  const data = decodeFlate(buffer.subarray(dataStart, dataEnd), dictionary, rowWidth, budget);
  if (data === null || rowWidth === 0) {
    return null;
  }
  const size = Number(/\/Size\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
  const index = /\/Index\s*\[([\d\s]+)\]/.exec(dictionary)?.[1]?.trim().split(/\s+/).map(Number) ?? [0, size];
  const rows: StreamRow[] = [];
  let row = 0;
  let announcedRows = 0;
  let invalidRows = 0;
  for (let pair = 0; pair + 1 < index.length; pair += 2) {
    const first = index[pair] ?? 0;
    const count = index[pair + 1] ?? 0;
    announcedRows += count;
    for (let item = 0; item < count && (row + 1) * rowWidth <= data.length; item += 1, row += 1) {
      const at = row * rowWidth;
      const type = typeWidth === 0 ? 1 : readField(data, at, typeWidth);
      if (type > 2) {
        invalidRows += 1;
      }
      rows.push({
        objectNumber: first + item,
        type,
        second: readField(data, at + typeWidth, secondWidth),
        third: readField(data, at + typeWidth + secondWidth, thirdWidth),
      });
    }
  }
  return { rows, missingRows: Math.max(0, announcedRows - row), invalidRows };
}

function decodeFlate(raw: Buffer, dictionary: string, rowWidth: number, budget: DecodeBudget): Uint8Array | null {
  if (!/\/Filter\s*(?:\[\s*)?\/FlateDecode\b/.test(dictionary)) {
    return /\/Filter\b/.test(dictionary) ? null : raw;
  }
  const inflated = inflateWithin(raw, budget);
  if (typeof inflated === 'string') {
    return null;
  }
  const predictor = Number(/\/Predictor\s+(\d+)/.exec(dictionary)?.[1] ?? 1);
  if (predictor < 10) {
    return inflated;
  }
  const columns = Number(/\/Columns\s+(\d+)/.exec(dictionary)?.[1] ?? rowWidth);
  return undoPngPredictor(inflated, columns);
}

/** Reverses the PNG row filters (ISO 32000-1 §7.4.4.4) used by cross-reference streams, one byte per pixel. */
function undoPngPredictor(data: Uint8Array, columns: number): Uint8Array {
  const rows = Math.floor(data.length / (columns + 1));
  const output = new Uint8Array(rows * columns);
  for (let row = 0; row < rows; row += 1) {
    const filter = data[row * (columns + 1)] ?? 0;
    for (let column = 0; column < columns; column += 1) {
      const value = data[row * (columns + 1) + 1 + column] ?? 0;
      const left = column > 0 ? (output[row * columns + column - 1] ?? 0) : 0;
      const up = row > 0 ? (output[(row - 1) * columns + column] ?? 0) : 0;
      const upLeft = row > 0 && column > 0 ? (output[(row - 1) * columns + column - 1] ?? 0) : 0;
      output[row * columns + column] = (value + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return output;
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  if (filter === 1) {
    return left;
  }
  if (filter === 2) {
    return up;
  }
  if (filter === 3) {
    return (left + up) >> 1;
  }
  if (filter === 4) {
    const estimate = left + up - upLeft;
    const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
    if (toLeft <= toUp && toLeft <= toUpLeft) {
      return left;
    }
    return toUp <= toUpLeft ? up : upLeft;
  }
  return 0;
}

function readField(data: Uint8Array, at: number, width: number): number {
  let value = 0;
  for (let index = 0; index < width; index += 1) {
    value = value * 256 + (data[at + index] ?? 0);
  }
  return value;
}
