import { decodeHex, decodeHexInto, unescapeLiteral, unescapeLiteralInto } from './decode-strings';

/**
 * A byte-level lexer for PDF content streams (ISO 32000-1 §7.2 lexical conventions, §7.8.2 content streams).
 *
 * It runs over every page of very large filings, so it never builds a token object: operands live in
 * parallel typed arrays that are reused from one operator to the next, names and strings are kept as byte
 * spans and only turned into JavaScript values when the interpreter asks for one.
 */

/** What an operand slot holds. Arrays and dictionaries are flattened into open/close markers. */
export const OperandKind = {
  number: 1,
  name: 2,
  literalString: 3,
  escapedLiteralString: 4,
  hexString: 5,
  arrayOpen: 6,
  arrayClose: 7,
  dictionaryOpen: 8,
  dictionaryClose: 9,
  /** true, false, null: never needed by the interpreter, kept so operand counts stay right. */
  other: 10,
} as const;

/** Returned by `nextOperator` when the stream is exhausted. */
export const endOfContent = -1;

const whitespace = 1;
const delimiter = 2;
/** Byte class table (§7.2.2): 0 regular, 1 white-space, 2 delimiter. */
const byteClass = new Uint8Array(256);
for (const byte of [0, 9, 10, 12, 13, 32]) {
  byteClass[byte] = whitespace;
}
for (const byte of '()<>[]{}/%') {
  byteClass[byte.charCodeAt(0)] = delimiter;
}

/**
 * A compact integer for an operator keyword: its first three bytes and its length, so the interpreter can
 * `switch` on numbers instead of building a string per operator. Keywords that share both are never both
 * meaningful in one kind of stream (content streams and CMaps use disjoint sets).
 */
export function operatorCode(keyword: string): number {
  let code = Math.min(keyword.length, 127) << 24;
  for (let index = 0; index < 3 && index < keyword.length; index += 1) {
    code |= keyword.charCodeAt(index) << (8 * index);
  }
  return code;
}

const trueCode = operatorCode('true');
const falseCode = operatorCode('false');
const nullCode = operatorCode('null');

/** The largest integer a 64-bit reader holds, as a double (ISO 32000-1 Annex C leaves the range to the reader). */
const largestInteger = 2 ** 63;

/** Reads a content stream (or a CMap, which uses the same syntax) one operator at a time. */
export class ContentLexer {
  readonly bytes: Uint8Array;
  position = 0;
  /** How many operands precede the operator just returned. */
  count = 0;
  kinds = new Uint8Array(64);
  numbers = new Float64Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Set by `readString`: the string's bytes are `stringBytes[stringStart…stringEnd)`. */
  stringBytes: Uint8Array;
  stringStart = 0;
  stringEnd = 0;
  /** Integers read so far that no reader can hold (past 2^63; qpdf refuses such a content stream as an error). */
  outOfRangeIntegers = 0;
  private scratch = new Uint8Array(256);

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.stringBytes = bytes;
  }

  /** Collects the operands of the next operator and returns its `operatorCode`, or `endOfContent`. */
  nextOperator(): number {
    const bytes = this.bytes;
    const length = bytes.length;
    this.count = 0;
    while (true) {
      let position = this.position;
      while (position < length && byteClass[bytes[position]!] === whitespace) {
        position += 1;
      }
      if (position >= length) {
        this.position = position;
        return endOfContent;
      }
      const byte = bytes[position]!;
      if ((byte >= 48 && byte <= 57) || byte === 45 || byte === 43 || byte === 46) {
        position = this.readNumber(position);
      } else if (byte === 47) {
        const start = position + 1;
        position = start;
        while (position < length && byteClass[bytes[position]!] === 0) {
          position += 1;
        }
        this.push(OperandKind.name, 0, start, position);
      } else if (byte === 40) {
        position = this.readLiteralString(position + 1);
      } else if (byte === 60) {
        if (bytes[position + 1] === 60) {
          this.push(OperandKind.dictionaryOpen, 0, position, position);
          position += 2;
        } else {
          const start = position + 1;
          position = start;
          while (position < length && bytes[position] !== 62) {
            position += 1;
          }
          this.push(OperandKind.hexString, 0, start, position);
          position += 1;
        }
      } else if (byte === 62) {
        if (bytes[position + 1] === 62) {
          this.push(OperandKind.dictionaryClose, 0, position, position);
        }
        position += bytes[position + 1] === 62 ? 2 : 1;
      } else if (byte === 91) {
        this.push(OperandKind.arrayOpen, 0, position, position);
        position += 1;
      } else if (byte === 93) {
        this.push(OperandKind.arrayClose, 0, position, position);
        position += 1;
      } else if (byte === 37) {
        while (position < length && bytes[position] !== 10 && bytes[position] !== 13) {
          position += 1;
        }
      } else if (byteClass[byte] === delimiter) {
        // A stray ')', '{' or '}': nothing in a content stream gives it meaning, so step over it.
        position += 1;
      } else {
        const start = position;
        while (position < length && byteClass[bytes[position]!] === 0) {
          position += 1;
        }
        this.position = position;
        const code = this.keywordCode(start, position);
        if (code === trueCode || code === falseCode || code === nullCode) {
          this.push(OperandKind.other, 0, start, position);
          continue;
        }
        return code;
      }
      this.position = position;
    }
  }

  /** The number in operand slot `index` (0 when that slot is not a number, as a lenient reader would). */
  numberAt(index: number): number {
    return this.kinds[index] === OperandKind.number ? this.numbers[index]! : 0;
  }

  /** The number `back` slots from the end (1 is the last operand); bound, so the interpreter can hold it as a plain function. */
  readonly numberFromEnd = (back: number): number => this.numberAt(this.count - back);

  /** The last `count` operands are all numbers (the shape most operators require). */
  hasNumbers(count: number): boolean {
    if (this.count < count) {
      return false;
    }
    for (let index = this.count - count; index < this.count; index += 1) {
      if (this.kinds[index] !== OperandKind.number) {
        return false;
      }
    }
    return true;
  }

  /** The name in operand slot `index`, with `#xx` escapes resolved (§7.3.5), or null when it is not a name. */
  nameAt(index: number): string | null {
    if (this.kinds[index] !== OperandKind.name) {
      return null;
    }
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    let name = '';
    for (let position = start; position < end; position += 1) {
      const byte = this.bytes[position]!;
      if (byte === 35 && position + 2 < end) {
        const value = Number.parseInt(String.fromCharCode(this.bytes[position + 1]!, this.bytes[position + 2]!), 16);
        if (!Number.isNaN(value)) {
          name += String.fromCharCode(value);
          position += 2;
          continue;
        }
      }
      name += String.fromCharCode(byte);
    }
    return name;
  }

  /** The bytes of the string in operand slot `index` (escapes and hex decoded), or null when it is not a string. */
  stringAt(index: number): Uint8Array | null {
    const kind = this.kinds[index];
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    if (kind === OperandKind.literalString) {
      return this.bytes.subarray(start, end);
    }
    if (kind === OperandKind.escapedLiteralString) {
      return unescapeLiteral(this.bytes, start, end);
    }
    if (kind === OperandKind.hexString) {
      return decodeHex(this.bytes, start, end);
    }
    return null;
  }

  /**
   * Finds the bytes of the string in operand slot `index` without allocating, for the text-showing operators
   * that run millions of times: a plain literal is left where it lies, an escaped or hex string is decoded into
   * a buffer the next call reuses. Returns false when the slot is not a string.
   */
  readString(index: number): boolean {
    const kind = this.kinds[index];
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    if (kind === OperandKind.literalString) {
      this.stringBytes = this.bytes;
      this.stringStart = start;
      this.stringEnd = end;
      return true;
    }
    if (kind !== OperandKind.escapedLiteralString && kind !== OperandKind.hexString) {
      return false;
    }
    if (this.scratch.length < end - start) {
      this.scratch = new Uint8Array(end - start);
    }
    this.stringBytes = this.scratch;
    this.stringStart = 0;
    this.stringEnd =
      kind === OperandKind.hexString
        ? decodeHexInto(this.bytes, start, end, this.scratch)
        : unescapeLiteralInto(this.bytes, start, end, this.scratch);
    return true;
  }

  /**
   * Skips an inline image's data after its `ID` operator (§8.9.7). The data's length is not recorded, so
   * the end is the first `EI` that stands alone and is followed by ordinary content rather than more binary.
   */
  skipInlineImageData(): void {
    const bytes = this.bytes;
    const length = bytes.length;
    let position = this.position + 1;
    while (position + 1 < length) {
      if (
        bytes[position] === 69 &&
        bytes[position + 1] === 73 &&
        byteClass[bytes[position - 1]!] === whitespace &&
        (position + 2 >= length || byteClass[bytes[position + 2]!] !== 0) &&
        isFollowedByContent(bytes, position + 2)
      ) {
        this.position = position + 2;
        return;
      }
      position += 1;
    }
    this.position = length;
  }

  private keywordCode(start: number, end: number): number {
    const length = end - start;
    let code = Math.min(length, 127) << 24;
    for (let index = 0; index < 3 && index < length; index += 1) {
      code |= this.bytes[start + index]! << (8 * index);
    }
    return code;
  }

  private readNumber(start: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let position = start;
    let sign = 1;
    while (position < length && (bytes[position] === 45 || bytes[position] === 43)) {
      if (bytes[position] === 45) {
        sign = -sign;
      }
      position += 1;
    }
    let value = 0;
    let scale = 0;
    while (position < length) {
      const byte = bytes[position]!;
      if (byte >= 48 && byte <= 57) {
        value = value * 10 + (byte - 48);
        if (scale > 0) {
          scale *= 10;
        }
      } else if (byte === 46 && scale === 0) {
        scale = 1;
      } else {
        break;
      }
      position += 1;
    }
    if (scale === 0 && value > largestInteger) {
      this.outOfRangeIntegers += 1;
    }
    this.push(OperandKind.number, scale > 1 ? (sign * value) / scale : sign * value, start, position);
    return position;
  }

  private readLiteralString(start: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let position = start;
    let depth = 1;
    let isEscaped = false;
    while (position < length) {
      const byte = bytes[position]!;
      if (byte === 92) {
        isEscaped = true;
        position += 2;
        continue;
      }
      if (byte === 40) {
        depth += 1;
      } else if (byte === 41 && --depth === 0) {
        break;
      }
      position += 1;
    }
    const end = Math.min(position, length);
    this.push(isEscaped ? OperandKind.escapedLiteralString : OperandKind.literalString, 0, start, end);
    return end + 1;
  }

  private push(kind: number, value: number, start: number, end: number): void {
    if (this.count === this.kinds.length) {
      this.grow();
    }
    const index = this.count;
    this.kinds[index] = kind;
    this.numbers[index] = value;
    this.starts[index] = start;
    this.ends[index] = end;
    this.count = index + 1;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.kinds = kinds;
    this.numbers = numbers;
    this.starts = starts;
    this.ends = ends;
  }
}

/** After a candidate `EI`, the next few bytes must look like content-stream text (printable or line breaks), not image data. */
function isFollowedByContent(bytes: Uint8Array, from: number): boolean {
  const end = Math.min(bytes.length, from + 16);
  for (let position = from; position < end; position += 1) {
    const byte = bytes[position]!;
    if (byte > 126 || (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13)) {
      return false;
    }
  }
  return true;
}
