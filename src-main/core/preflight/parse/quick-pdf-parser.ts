import {
  PDFDict,
  PDFHeader,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFXRefStreamParser,
} from '@cantoo/pdf-lib';
import type { PDFContext, PDFObject } from '@cantoo/pdf-lib';
import { decodedForParsing } from './bounded-object-streams';
import { ObjectStreamParser } from './object-stream-parser';
import type { DecodeBudget } from './decode-budget';
import { attachBudget } from './decode-budget';
import { QuickTokenParser } from './quick-token-parser';

const headerKeyword = [0x25, 0x50, 0x44, 0x46, 0x2d];
const objKeyword = [0x6f, 0x62, 0x6a];
const endobjKeyword = [0x65, 0x6e, 0x64, ...objKeyword];
const xrefKeyword = [0x78, 0x72, 0x65, 0x66];
const trailerKeyword = [0x74, 0x72, 0x61, 0x69, 0x6c, 0x65, 0x72];
const startxrefKeyword = [0x73, 0x74, 0x61, 0x72, 0x74, ...xrefKeyword];
const endOfFileKeyword = [0x25, 0x25, 0x45, 0x4f, 0x46];
const typeKey = PDFName.of('Type');
const objectStreamType = PDFName.of('ObjStm');
const crossReferenceStreamType = PDFName.of('XRef');
const catalogType = PDFName.of('Catalog');

/**
 * `PDFParser.parseDocument` step for step, on the quicker token readers. Like pdf-lib it reads every object
 * in the file body in order (objects no cross-reference table lists included, a later definition of an
 * object number replacing an earlier one), skips what it cannot read the same way, and recovers a lost
 * catalog the same way. It leaves out only work whose result pdf-lib throws away: the per-object pauses,
 * the entries of cross-reference tables (pdf-lib reads them, then drops them, since it scans the body), and
 * its console note about dropping an object numbered 0. Object streams and cross-reference streams are decoded
 * within `budget` (bounded-object-streams.ts), never by pdf-lib's unbounded decoders.
 */
export class QuickPdfParser extends QuickTokenParser {
  constructor(bytes: Uint8Array, budget: DecodeBudget, isForWriting = false) {
    super(bytes, isForWriting);
    attachBudget(this.context, budget);
  }

  override async parseDocument(): Promise<PDFContext> {
    this.context.header = this.readHeader();
    let previousOffset: number | undefined;
    while (this.cursor.idx < this.cursor.length) {
      await this.readDocumentSection();
      if (this.cursor.idx === previousOffset) {
        throw new Error(`The parser stalled at byte ${this.cursor.idx}`);
      }
      previousOffset = this.cursor.idx;
    }
    this.recoverCatalog();
    // Object 0 is the head of the free list, never a real object: pdf-lib drops one a file defines.
    this.context.delete(PDFRef.of(0));
    return this.context;
  }

  private readHeader(): PDFHeader {
    const cursor = this.cursor;
    while (cursor.idx < cursor.length) {
      if (this.matchKeyword(headerKeyword)) {
        const major = this.parseRawInt();
        if (cursor.bytes[cursor.idx] !== 0x2e) {
          throw new Error(`The header has no minor version at byte ${cursor.idx}`);
        }
        cursor.idx += 1;
        const minor = this.parseRawInt();
        const header = PDFHeader.forVersion(major, minor);
        this.skipHeaderComment();
        return header;
      }
      cursor.idx += 1;
    }
    throw new Error('No PDF header');
  }

  /** pdf-lib throws away everything up to the first object header, to get past binary comments however they are written. */
  private skipHeaderComment(): void {
    this.skipWhitespaceAndComments();
    const start = this.cursor.idx;
    try {
      this.readIndirectObjectHeader();
      this.cursor.idx = start;
    } catch {
      this.cursor.idx += 1;
      this.skipWhitespaceAndComments();
    }
  }

  private async readDocumentSection(): Promise<void> {
    await this.readIndirectObjects();
    this.skipCrossReferenceTable();
    this.readTrailerDictionary();
    this.readStartxref();
    this.skipUnreadableBytes();
  }

  private readIndirectObjectHeader(): PDFRef {
    this.skipWhitespaceAndComments();
    const objectNumber = this.parseRawInt();
    this.skipWhitespaceAndComments();
    const generation = this.parseRawInt();
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(objKeyword)) {
      throw new Error(`No "obj" keyword at byte ${this.cursor.idx}`);
    }
    return this.referenceTo(objectNumber, generation);
  }

  private isAtIndirectObjectHeader(): boolean {
    const start = this.cursor.idx;
    try {
      this.readIndirectObjectHeader();
      return true;
    } catch {
      this.cursor.idx = start;
      return false;
    }
  }

  private async readIndirectObjects(): Promise<void> {
    const cursor = this.cursor;
    this.skipWhitespaceAndComments();
    while (cursor.idx < cursor.length && isDigit(cursor.bytes[cursor.idx])) {
      const start = cursor.idx;
      try {
        const objectStream = this.readIndirectObject();
        // Only an object stream needs pdf-lib's asynchronous reader; everything else stays synchronous.
        if (objectStream !== null) {
          await objectStream;
        }
      } catch {
        cursor.idx = start;
        this.readInvalidIndirectObject();
      }
      this.skipWhitespaceAndComments();
      this.skipUnreadableBytes();
    }
  }

  /** Reads and registers one object; an object stream's contents are registered before the stream itself, as in pdf-lib. */
  private readIndirectObject(): Promise<void> | null {
    const ref = this.readIndirectObjectHeader();
    this.skipWhitespaceAndComments();
    const object = this.parseObject(ref);
    this.skipWhitespaceAndComments();
    this.matchKeyword(endobjKeyword);
    const type = object instanceof PDFRawStream ? object.dict.lookup(typeKey) : undefined;
    if (object instanceof PDFRawStream && type === objectStreamType) {
      return new ObjectStreamParser(decodedForParsing(object), () => false)
        .parseIntoContext()
        .then(() => this.context.assign(ref, object));
    }
    if (object instanceof PDFRawStream && type === crossReferenceStreamType) {
      new PDFXRefStreamParser(decodedForParsing(object)).parseIntoContext();
    }
    this.context.assign(ref, object);
    return null;
  }

  /** An object that does not parse is kept as its raw bytes up to `endobj`; one that never ends is dropped. */
  private readInvalidIndirectObject(): void {
    const cursor = this.cursor;
    const ref = this.readIndirectObjectHeader();
    this.skipWhitespaceAndComments();
    const start = cursor.idx;
    const end = indexOfKeyword(cursor.bytes, endobjKeyword, start);
    if (end < 0) {
      cursor.idx = start;
      return;
    }
    cursor.idx = end + endobjKeyword.length;
    this.context.assign(ref, PDFInvalidObject.of(cursor.bytes.slice(start, end)));
  }

  /** pdf-lib reads a cross-reference table and then drops it; only where the reading stops matters. */
  private skipCrossReferenceTable(): void {
    const cursor = this.cursor;
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(xrefKeyword)) {
      return;
    }
    this.skipWhitespaceAndComments();
    while (cursor.idx < cursor.length && isDigit(cursor.bytes[cursor.idx])) {
      this.parseRawInt();
      this.skipWhitespaceAndComments();
      if (!isDigit(cursor.bytes[cursor.idx])) {
        return;
      }
      this.parseRawInt();
      this.skipWhitespaceAndComments();
      const type = cursor.bytes[cursor.idx];
      if (type === 0x6e || type === 0x66) {
        cursor.idx += 1;
      }
      this.skipWhitespaceAndComments();
    }
  }

  private readTrailerDictionary(): void {
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(trailerKeyword)) {
      return;
    }
    this.skipWhitespaceAndComments();
    const dict = this.parseDict();
    const { context } = this;
    context.trailerInfo = {
      Size: dict.lookupMaybe(PDFName.of('Size'), PDFNumber) ?? context.trailerInfo.Size,
      Root: dict.get(PDFName.of('Root')) ?? context.trailerInfo.Root,
      Encrypt: dict.get(PDFName.of('Encrypt')) ?? context.trailerInfo.Encrypt,
      Info: dict.get(PDFName.of('Info')) ?? context.trailerInfo.Info,
      ID: dict.get(PDFName.of('ID')) ?? context.trailerInfo.ID,
    };
  }

  private readStartxref(): void {
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(startxrefKeyword)) {
      return;
    }
    this.skipWhitespaceAndComments();
    this.context.pdfFileDetails.prevStartXRef = this.parseRawInt();
    this.skipWhitespace();
    this.matchKeyword(endOfFileKeyword);
    this.skipWhitespaceAndComments();
    this.matchKeyword(endOfFileKeyword);
    this.skipWhitespaceAndComments();
  }

  /** Skips bytes between objects that are none of an object header, `xref`, `trailer` or `startxref`. */
  private skipUnreadableBytes(): void {
    const cursor = this.cursor;
    this.skipWhitespaceAndComments();
    while (cursor.idx < cursor.length) {
      const start = cursor.idx;
      const byte = cursor.bytes[start] ?? 0;
      if (byte >= 0x20 && byte <= 0x7e) {
        const isAtStructure =
          this.matchKeyword(xrefKeyword) ||
          this.matchKeyword(trailerKeyword) ||
          this.matchKeyword(startxrefKeyword) ||
          this.isAtIndirectObjectHeader();
        if (isAtStructure) {
          cursor.idx = start;
          return;
        }
      }
      cursor.idx += 1;
    }
  }

  /** When the trailer's /Root is no catalog, pdf-lib takes the last object in the file that is one. */
  private recoverCatalog(): void {
    const isCatalog = (object: PDFObject | undefined): boolean =>
      object instanceof PDFDict && object.lookup(typeKey) === catalogType;
    if (isCatalog(this.context.lookup(this.context.trailerInfo.Root))) {
      return;
    }
    for (const [ref, object] of this.context.enumerateIndirectObjects()) {
      if (isCatalog(object)) {
        this.context.trailerInfo.Root = ref;
      }
    }
  }
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function indexOfKeyword(bytes: Uint8Array, keyword: readonly number[], from: number): number {
  for (let at = from; at + keyword.length <= bytes.length; at += 1) {
    let index = 0;
    while (index < keyword.length && bytes[at + index] === keyword[index]) {
      index += 1;
    }
    if (index === keyword.length) {
      return at;
    }
  }
  return -1;
}
