import {
  PDFArray,
  PDFBool,
  PDFCatalog,
  PDFDict,
  PDFName,
  PDFNull,
  PDFPageLeaf,
  PDFPageTree,
  PDFParser,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
} from '@cantoo/pdf-lib';
import type { PDFObject, PDFStream } from '@cantoo/pdf-lib';
import { lazyNumberOf } from './lazy-number';
import { readExponent } from './number-exponent';
import { endstreamKeyword, findStreamEnd, streamKeywords } from './stream-end';

/**
 * The parts of pdf-lib's ByteStream the tokenizer reads directly. They are private in the library's types,
 * but reading them in a loop instead of calling `peek()`/`next()` for every byte is most of the speed-up;
 * the parser tests compare every parsed object with `PDFDocument.load`'s, so a library change that moves
 * them shows up there.
 */
interface ByteCursor {
  readonly bytes: Uint8Array;
  readonly length: number;
  idx: number;
}

const whitespace = byteTable([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const endsName = byteTable([
  0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25,
]);
const startsNumber = byteTable([0x2b, 0x2d, 0x2e, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39]);
/** Past the end of the file: no table marks it, so it is neither blank, digit nor delimiter, as in pdf-lib. */
const noByte = 256;
const trueKeyword = [0x74, 0x72, 0x75, 0x65];
const falseKeyword = [0x66, 0x61, 0x6c, 0x73, 0x65];
const nullKeyword = [0x6e, 0x75, 0x6c, 0x6c];
/** Up to 15 digits fit a double exactly, so the digits divided by an exact power of ten round as `Number(text)` does. */
const exactDigits = 15;
const powersOfTen = Array.from({ length: exactDigits + 1 }, (_, power) => 10 ** power);
const lengthKey = PDFName.of('Length');
const typeKey = PDFName.of('Type');
const catalogType = PDFName.of('Catalog');
const pagesType = PDFName.of('Pages');
const pageType = PDFName.of('Page');
/** The names a file uses, found by a hash of their bytes: 4,096 buckets of up to 8, past which names go by their text. */
const nameBuckets = 4096;
const namesPerBucket = 8;
/** Object numbers and other plain integers up to nine digits stay small integers; longer ones go the general way. */
const plainIntegerDigits = 9;

interface KnownName {
  readonly text: string;
  readonly name: PDFName;
}

/** The internals of a PDFArray the parser fills directly; `push` would only ask the context to note a change. */
interface ArrayItems {
  array: PDFObject[];
}

/**
 * pdf-lib's parser with its token readers replaced by tight loops over the bytes. Each reader stops,
 * fails and builds objects exactly as pdf-lib's does; only numbers, names and references are read without
 * building a string per byte, numbers skip their text form until it is used (see lazy-number.ts) unless the
 * document is to be written, and stream contents are views of the file instead of copies. Anything unusual in a token (a `#` escape in a name, a number
 * with more digits than a double holds exactly) is handed back to pdf-lib's own reader.
 */
export class QuickTokenParser extends PDFParser {
  protected readonly cursor = this.bytes as unknown as ByteCursor;
  private readonly namesByText = new Map<string, PDFName>();
  private readonly namesByHash: (KnownName[] | undefined)[] = new Array<KnownName[] | undefined>(nameBuckets);
  private readonly referencesByNumber: (PDFRef | undefined)[] = [];
  /** The items of the arrays being read, innermost last; each array gets an exact-size copy of its own. */
  private readonly pendingItems: PDFObject[] = [];
  private readonly isForWriting: boolean;

  /**
   * Parses with no pauses between objects, no decryption and no snapshot for incremental saving. A document that
   * will be written (`isForWriting`) gets pdf-lib's own numbers: writing reads each number's text several times,
   * and working it out once, as pdf-lib does, is a fifth of the time of writing a clean copy of a large filing.
   */
  constructor(bytes: Uint8Array, isForWriting = false) {
    super(bytes, Number.POSITIVE_INFINITY, false, false, false, undefined, false);
    this.isForWriting = isForWriting;
  }

  /** The PDFNumber for `value`: pdf-lib's own for a document to be written, otherwise a lazy one (lazy-number.ts). */
  private numberOf(value: number): PDFNumber {
    return this.isForWriting ? PDFNumber.of(value) : lazyNumberOf(value);
  }

  override parseObject(ref?: PDFRef): PDFObject {
    this.skipWhitespaceAndComments();
    const { bytes, idx } = this.cursor;
    const byte = bytes[idx] ?? noByte;
    if (byte === 0x74 && this.matchKeyword(trueKeyword)) {
      return PDFBool.True;
    }
    if (byte === 0x66 && this.matchKeyword(falseKeyword)) {
      return PDFBool.False;
    }
    if (byte === 0x6e && this.matchKeyword(nullKeyword)) {
      return PDFNull;
    }
    if (byte === 0x3c) {
      return bytes[idx + 1] === 0x3c ? this.parseDictOrStream(ref) : this.parseHexString(ref);
    }
    if (byte === 0x28) {
      return this.parseString(ref);
    }
    if (byte === 0x2f) {
      return this.parseName();
    }
    if (byte === 0x5b) {
      return this.parseArray(ref);
    }
    if (startsNumber[byte] === 1) {
      return this.parseNumberOrRef();
    }
    return super.parseObject(ref);
  }

  protected override parseDict(ref?: PDFRef): PDFDict {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    if (bytes[cursor.idx] !== 0x3c || bytes[cursor.idx + 1] !== 0x3c) {
      return super.parseDict(ref);
    }
    cursor.idx += 2;
    this.skipWhitespaceAndComments();
    const entries = new Map<PDFName, PDFObject>();
    // pdf-lib stops at a `>` in either of the next two bytes; kept so damaged dictionaries end where they did.
    while (cursor.idx < length && bytes[cursor.idx] !== 0x3e && bytes[cursor.idx + 1] !== 0x3e) {
      const key = this.parseName();
      entries.set(key, this.parseObject(ref));
      this.skipWhitespaceAndComments();
    }
    this.skipWhitespaceAndComments();
    if (bytes[cursor.idx] !== 0x3e || bytes[cursor.idx + 1] !== 0x3e) {
      throw new Error(`Dictionary not closed at byte ${cursor.idx}`);
    }
    cursor.idx += 2;
    const type = entries.get(typeKey);
    if (type === catalogType) {
      return PDFCatalog.fromMapWithContext(entries, this.context);
    }
    if (type === pagesType) {
      return PDFPageTree.fromMapWithContext(entries, this.context);
    }
    if (type === pageType) {
      return PDFPageLeaf.fromMapWithContext(entries, this.context);
    }
    return PDFDict.fromMapWithContext(entries, this.context);
  }

  protected override parseDictOrStream(ref?: PDFRef): PDFDict | PDFStream {
    const cursor = this.cursor;
    const startOffset = cursor.idx;
    const dict = this.parseDict(ref);
    this.skipWhitespaceAndComments();
    if (!this.matchStreamKeyword()) {
      return dict;
    }
    const start = cursor.idx;
    const length = dict.get(lengthKey);
    // Views, not copies: the file's bytes outlive the document, and preflight only reads stream contents.
    if (length instanceof PDFNumber) {
      const end = start + length.asNumber();
      cursor.idx = end;
      this.skipWhitespaceAndComments();
      if (this.matchKeyword(endstreamKeyword)) {
        return PDFRawStream.of(dict, cursor.bytes.subarray(start, end));
      }
      cursor.idx = start;
    }
    const found = findStreamEnd(cursor.bytes, start);
    if (found === null) {
      throw new Error(`The stream starting at byte ${startOffset} never ends`);
    }
    cursor.idx = found.after;
    return PDFRawStream.of(dict, cursor.bytes.subarray(start, found.end));
  }

  protected override parseNumberOrRef(): PDFNumber | PDFRef {
    const cursor = this.cursor;
    const plainFirst = this.readPlainInteger();
    const first = plainFirst < 0 ? this.parseRawNumber() : plainFirst;
    this.skipWhitespaceAndComments();
    const lookahead = cursor.idx;
    const next = cursor.bytes[lookahead] ?? noByte;
    if (next >= 0x30 && next <= 0x39) {
      const plainSecond = this.readPlainInteger();
      const second = plainSecond < 0 ? this.parseRawNumber() : plainSecond;
      this.skipWhitespaceAndComments();
      if (cursor.bytes[cursor.idx] === 0x52) {
        cursor.idx += 1;
        return this.referenceTo(first, second);
      }
    }
    cursor.idx = lookahead;
    return this.numberOf(first);
  }

  /**
   * The unsigned integer at the cursor when it is one `parseRawNumber` reads the same way (digits only, at most
   * nine, not followed by a period, sign or exponent), read without its general bookkeeping; -1 otherwise, with
   * the cursor left where it was. Nearly every number in a file is such an object number or count.
   */
  private readPlainInteger(): number {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    const start = cursor.idx;
    const limit = Math.min(length, start + plainIntegerDigits + 1);
    let at = start;
    let value = 0;
    while (at < limit) {
      const digit = (bytes[at] ?? noByte) - 0x30;
      if (digit < 0 || digit > 9) {
        break;
      }
      value = value * 10 + digit;
      at += 1;
    }
    const next = bytes[at] ?? noByte;
    const isPlain =
      at > start &&
      at - start <= plainIntegerDigits &&
      next !== 0x2e &&
      next !== 0x2b &&
      next !== 0x2d &&
      next !== 0x65 &&
      next !== 0x45 &&
      (next < 0x30 || next > 0x39);
    if (!isPlain) {
      return -1;
    }
    cursor.idx = at;
    return value;
  }

  /**
   * pdf-lib's string reader (nesting and escapes counted the same way, the text between the outer parentheses
   * kept as it is), taking the text in one piece instead of one character at a time. A string that never closes
   * is left to pdf-lib's reader, which fails on it.
   */
  protected override parseString(ref?: PDFRef): PDFString {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    const start = cursor.idx;
    let nesting = 0;
    let isEscaped = false;
    for (let at = start; at < length; at += 1) {
      const byte = bytes[at] ?? noByte;
      if (!isEscaped) {
        if (byte === 0x28) {
          nesting += 1;
        } else if (byte === 0x29) {
          nesting -= 1;
        }
      }
      if (byte === 0x5c) {
        isEscaped = !isEscaped;
      } else {
        isEscaped = false;
      }
      if (nesting === 0) {
        cursor.idx = at + 1;
        return PDFString.of(latin1Text(bytes, start + 1, at));
      }
    }
    return super.parseString(ref);
  }

  protected override parseArray(ref?: PDFRef): PDFArray {
    const cursor = this.cursor;
    if (cursor.bytes[cursor.idx] !== 0x5b) {
      return super.parseArray(ref);
    }
    cursor.idx += 1;
    this.skipWhitespaceAndComments();
    const array = PDFArray.withContext(this.context);
    const pending = this.pendingItems;
    const first = pending.length;
    try {
      // As in pdf-lib, only a `]` ends the array: the end of the file makes the next item fail to parse.
      while (cursor.bytes[cursor.idx] !== 0x5d) {
        pending.push(this.parseObject(ref));
        this.skipWhitespaceAndComments();
      }
      cursor.idx += 1;
      // A copy holds exactly its items, where an array grown by `push` keeps room for more in every PDFArray.
      (array as unknown as ArrayItems).array = pending.slice(first);
    } finally {
      pending.length = first;
    }
    return array;
  }

  protected override parseName(): PDFName {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    const slash = cursor.idx;
    if (bytes[slash] !== 0x2f) {
      return super.parseName();
    }
    const start = slash + 1;
    let end = start;
    let hash = 0x811c9dc5;
    while (end < length) {
      const byte = bytes[end] ?? noByte;
      if (endsName[byte] === 1) {
        break;
      }
      // A `#xx` escape is decoded by pdf-lib's reader, which has its own rules for bad escapes.
      if (byte === 0x23) {
        return super.parseName();
      }
      hash = Math.imul(hash ^ byte, 0x01000193);
      end += 1;
    }
    cursor.idx = end;
    const bucket = this.namesByHash[hash & (nameBuckets - 1)];
    if (bucket !== undefined) {
      for (let index = 0; index < bucket.length; index += 1) {
        const known = bucket[index];
        if (known !== undefined && spells(known.text, bytes, start, end)) {
          return known.name;
        }
      }
    }
    return this.nameOf(latin1Text(bytes, start, end), hash);
  }

  /** `PDFName.of(text)`, remembered by text and, while its hash bucket has room, by the hash of its bytes. */
  private nameOf(text: string, hash: number): PDFName {
    let name = this.namesByText.get(text);
    if (name === undefined) {
      name = PDFName.of(text);
      this.namesByText.set(text, name);
    }
    const slot = hash & (nameBuckets - 1);
    const bucket = this.namesByHash[slot];
    if (bucket === undefined) {
      this.namesByHash[slot] = [{ text, name }];
    } else if (bucket.length < namesPerBucket) {
      bucket.push({ text, name });
    }
    return name;
  }

  protected override parseRawInt(): number {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    const start = cursor.idx;
    let end = start;
    let value = 0;
    while (end < length) {
      const digit = (bytes[end] ?? noByte) - 0x30;
      if (digit < 0 || digit > 9) {
        break;
      }
      value = value * 10 + digit;
      end += 1;
    }
    if (end === start || end - start > exactDigits) {
      return super.parseRawInt();
    }
    cursor.idx = end;
    return value;
  }

  /** `[+-]digits[.digits]` within 15 digits, with an exponent as pdf.js reads one (number-exponent.ts); any other shape goes to pdf-lib's reader (which rejects most). */
  protected override parseRawNumber(): number {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    const start = cursor.idx;
    let at = start;
    const sign = bytes[at];
    if (sign === 0x2d || sign === 0x2b) {
      at += 1;
    }
    let digits = 0;
    let fractionDigits = 0;
    let mantissa = 0;
    let isFraction = false;
    while (at < length) {
      const byte = bytes[at] ?? noByte;
      if (byte >= 0x30 && byte <= 0x39) {
        mantissa = mantissa * 10 + (byte - 0x30);
        digits += 1;
        if (isFraction) {
          fractionDigits += 1;
        }
      } else if (byte === 0x2e && !isFraction) {
        isFraction = true;
      } else {
        break;
      }
      at += 1;
    }
    // Without a period pdf-lib keeps reading signs into the token (`12-3` is one bad number), so it decides.
    const next = bytes[at] ?? noByte;
    const isOddShape = digits === 0 || digits > exactDigits || (!isFraction && (next === 0x2b || next === 0x2d));
    if (isOddShape) {
      cursor.idx = start;
      return super.parseRawNumber();
    }
    // An integer stays an integer: divided by 1 it would become a heap number, and object numbers read that way
    // give PDFRef's fields a slower representation that every later comparison of references pays for.
    let magnitude = fractionDigits === 0 ? mantissa : mantissa / (powersOfTen[fractionDigits] ?? 1);
    let end = at;
    if (bytes[at] === 0x65 || bytes[at] === 0x45) {
      const exponent = readExponent((index) => bytes[index], at);
      magnitude *= 10 ** exponent.value;
      // An exponent that overflows is left to pdf-lib, which stops before it, so the object still reads as damaged.
      if (!Number.isFinite(magnitude)) {
        cursor.idx = start;
        return super.parseRawNumber();
      }
      end = exponent.end;
    }
    cursor.idx = end;
    return sign === 0x2d ? -magnitude : magnitude;
  }

  protected override skipWhitespace(): void {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    let at = cursor.idx;
    while (at < length && whitespace[bytes[at] ?? noByte] === 1) {
      at += 1;
    }
    cursor.idx = at;
  }

  protected override skipWhitespaceAndComments(): void {
    const cursor = this.cursor;
    const { bytes, length } = cursor;
    let at = cursor.idx;
    while (at < length) {
      const byte = bytes[at] ?? noByte;
      if (whitespace[byte] === 1) {
        at += 1;
      } else if (byte === 0x25) {
        at += 1;
        while (at < length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) {
          at += 1;
        }
      } else {
        break;
      }
    }
    cursor.idx = at;
  }

  protected override matchKeyword(keyword: number[]): boolean {
    const cursor = this.cursor;
    const start = cursor.idx;
    if (start + keyword.length > cursor.length) {
      return false;
    }
    for (let index = 0; index < keyword.length; index += 1) {
      if (cursor.bytes[start + index] !== keyword[index]) {
        return false;
      }
    }
    cursor.idx = start + keyword.length;
    return true;
  }

  /** pdf-lib's order: `stream` followed by its end-of-line forms first, then the bare keyword. */
  private matchStreamKeyword(): boolean {
    for (const keyword of streamKeywords) {
      if (this.matchKeyword(keyword)) {
        return true;
      }
    }
    return false;
  }

  /** The same shared PDFRef instance `PDFRef.of` returns, found without building its `"n g R"` key each time. */
  protected referenceTo(objectNumber: number, generation: number): PDFRef {
    if (generation !== 0 || !Number.isInteger(objectNumber) || objectNumber < 0 || objectNumber > 0xffffff) {
      return PDFRef.of(objectNumber, generation);
    }
    let reference = this.referencesByNumber[objectNumber];
    if (reference === undefined) {
      reference = PDFRef.of(objectNumber, generation);
      this.referencesByNumber[objectNumber] = reference;
    }
    return reference;
  }
}

/** Whether `bytes[start..end)` are the characters of `text`, each a byte as pdf-lib reads names. */
function spells(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) {
    return false;
  }
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) !== bytes[start + index]) {
      return false;
    }
  }
  return true;
}

/** The bytes as text, one character per byte (ISO 8859-1), as pdf-lib builds a string's or a name's text. */
function latin1Text(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);
}

function byteTable(members: readonly number[]): Uint8Array {
  const table = new Uint8Array(256);
  for (const member of members) {
    table[member] = 1;
  }
  return table;
}
