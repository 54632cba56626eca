import {
  countNonBlank,
  countOccurrences,
  matchesAt,
  objectNumberAt,
  readDictionaryText,
  readInteger,
  skipBlank,
} from './byte-scan';
import { DecodeBudget } from './parse/decode-budget';
import { decodeStreamEntries } from './xref-stream';

/**
 * What the raw bytes say about a PDF's skeleton, read without parsing objects: the header, the end-of-file
 * markers, and the chain of cross-reference sections (the file's index of where each object starts).
 * Court FAQ 50: CM/ECF rejects files that are "not a well-formed PDF document".
 */
export interface StructureAudit {
  /** The version in the `%PDF-x.y` header, or null when the first 1024 bytes hold no header. */
  readonly headerVersion: string | null;
  /** How many `%%EOF` markers the file has (one per saved revision, plus one for a linearized file's first page). */
  readonly endOfFileMarkers: number;
  /** What the last `startxref` points at. */
  readonly lastCrossReference: 'table' | 'stream' | 'nowhere' | 'missing';
  /** Whether the file is linearized ("fast web view"), which adds a first-page section that is not a revision. */
  readonly isLinearized: boolean;
  /** How many saved versions the file holds: 1 for a file saved once, more when edits were appended. */
  readonly revisions: number;
  /** Where each cross-reference section starts, newest first, as `startxref` and each `/Prev` name them. */
  readonly sections: readonly number[];
  /** Whether a trailer (or cross-reference stream) names an `/Encrypt` dictionary. */
  readonly hasEncryptEntry: boolean;
  /** How many cross-reference entries were checked against the bytes, and how many of them point at no object. */
  readonly checkedEntries: number;
  readonly misplacedEntries: number;
  /** Non-blank bytes after the last `%%EOF`. */
  readonly bytesAfterLastEndOfFile: number;
  /** What is broken, in plain words; empty when a reader needs no repair to open the file. */
  readonly problems: readonly string[];
}

const headerWindow = 1024;
/** Readers look for `startxref` in the last 1024 bytes (qpdf, pdf.js); beyond that they must rebuild the index. */
const tailWindow = 1024;

/**
 * Audits the byte-level structure of a PDF: fast (indexOf over the buffer, no whole-file string) and never throws.
 * Cross-reference streams are decoded within `budget`, the document's decoding budget when there is one.
 */
export function auditStructure(bytes: Uint8Array, budget: DecodeBudget = new DecodeBudget()): StructureAudit {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problems: string[] = [];
  const headerVersion = readHeaderVersion(buffer);
  const endOfFileMarkers = countOccurrences(buffer, '%%EOF');
  const linearizedSection = findLinearizedSectionWindow(buffer);
  const lastEndOfFile = buffer.lastIndexOf('%%EOF');
  const bytesAfterLastEndOfFile = lastEndOfFile < 0 ? 0 : countNonBlank(buffer, lastEndOfFile + 5);
  if (endOfFileMarkers === 0) {
    problems.push(
      'the end-of-file marker is missing, so the file is probably incomplete (cut off while saving or downloading)',
    );
  }

  const chain = walkCrossReferenceChain(buffer, problems, bytesAfterLastEndOfFile, budget);
  const firstPageSections = chain.sections.filter((offset) => isInWindow(offset, linearizedSection)).length;
  const revisions =
    chain.lastCrossReference === 'table' || chain.lastCrossReference === 'stream'
      ? Math.max(1, chain.sections.length - firstPageSections)
      : Math.max(1, endOfFileMarkers - (linearizedSection === null ? 0 : 1));
  return {
    headerVersion,
    endOfFileMarkers,
    lastCrossReference: chain.lastCrossReference,
    isLinearized: linearizedSection !== null,
    revisions,
    sections: chain.sections,
    hasEncryptEntry: chain.hasEncryptEntry || lastTrailerHasEncrypt(buffer),
    checkedEntries: chain.checkedEntries,
    misplacedEntries: chain.misplacedEntries,
    bytesAfterLastEndOfFile,
    problems: [...new Set(problems)],
  };
}

interface ChainResult {
  lastCrossReference: StructureAudit['lastCrossReference'];
  sections: number[];
  hasEncryptEntry: boolean;
  checkedEntries: number;
  misplacedEntries: number;
}

function walkCrossReferenceChain(
  buffer: Buffer,
  problems: string[],
  bytesAfterLastEndOfFile: number,
  budget: DecodeBudget,
): ChainResult {
  const result: ChainResult = {
    lastCrossReference: 'missing',
    sections: [],
    hasEncryptEntry: false,
    checkedEntries: 0,
    misplacedEntries: 0,
  };
  const lastStartxref = buffer.lastIndexOf('startxref');
  if (lastStartxref < 0) {
    problems.push('the pointer to the cross-reference table ("startxref") is missing, so the file is probably cut off');
    return result;
  }
  if (lastStartxref < buffer.length - tailWindow) {
    problems.push(
      `${bytesAfterLastEndOfFile} bytes of unexpected data follow the end-of-file marker, so readers cannot find where the file's index starts`,
    );
  }
  const pointer = readInteger(buffer, skipBlank(buffer, lastStartxref + 9));
  let offset = pointer === null ? -1 : pointer.value;
  let hasRoot = false;
  const visited = new Set<number>();
  while (offset >= 0) {
    if (visited.has(offset)) {
      problems.push('the chain of cross-reference tables loops back on itself');
      break;
    }
    visited.add(offset);
    const section = readSection(buffer, offset, result, budget);
    if (section === null) {
      if (visited.size === 1) {
        result.lastCrossReference = 'nowhere';
      }
      problems.push(
        visited.size === 1
          ? 'the pointer to the cross-reference table ("startxref") points to the wrong place'
          : 'an earlier cross-reference table named by the file is not where the file says it is',
      );
      break;
    }
    if (visited.size === 1) {
      result.lastCrossReference = section.kind;
    }
    result.sections.push(offset);
    if (section.problem !== null) {
      problems.push(section.problem);
    }
    if (section.hasEncrypt) {
      result.hasEncryptEntry = true;
    }
    if (section.hasRoot) {
      hasRoot = true;
    }
    offset = section.previous ?? -1;
  }
  if (result.sections.length > 0 && !hasRoot) {
    problems.push('the trailer does not say where the document starts (it has no /Root entry)');
  }
  if (result.misplacedEntries > 0) {
    problems.push(
      `${result.misplacedEntries} of ${result.checkedEntries} entries in the cross-reference table point to the wrong place`,
    );
  }
  return result;
}

interface Section {
  kind: 'table' | 'stream';
  previous: number | null;
  hasEncrypt: boolean;
  hasRoot: boolean;
  problem: string | null;
}

function readSection(buffer: Buffer, offset: number, counts: ChainResult, budget: DecodeBudget): Section | null {
  if (offset >= buffer.length) {
    return null;
  }
  const start = skipBlank(buffer, offset);
  if (matchesAt(buffer, start, 'xref')) {
    return readTable(buffer, start + 4, counts);
  }
  if (objectNumberAt(buffer, start) >= 0) {
    return readStream(buffer, start, counts, budget);
  }
  return null;
}

function readTable(buffer: Buffer, position: number, counts: ChainResult): Section {
  let cursor = skipBlank(buffer, position);
  let problem: string | null = null;
  let irregularEntries = 0;
  let highestObjectNumber = -1;
  while (cursor < buffer.length && !matchesAt(buffer, cursor, 'trailer')) {
    const first = readInteger(buffer, cursor);
    const count = first === null ? null : readInteger(buffer, skipBlank(buffer, first.end));
    if (first === null || count === null || count.value * 18 > buffer.length - count.end) {
      problem = 'the cross-reference table is damaged';
      break;
    }
    cursor = skipBlank(buffer, count.end);
    for (let index = 0; index < count.value; index += 1) {
      const entryOffset = readInteger(buffer, cursor);
      const generation = entryOffset === null ? null : readInteger(buffer, skipBlank(buffer, entryOffset.end));
      const typeAt = generation === null ? -1 : skipBlank(buffer, generation.end);
      const type = typeAt < 0 ? -1 : buffer[typeAt];
      if (entryOffset === null || (type !== 0x6e && type !== 0x66)) {
        problem = 'the cross-reference table is damaged';
        break;
      }
      if (entryOffset.end - cursor !== 10 || generation?.end !== entryOffset.end + 6 || typeAt !== generation.end + 1) {
        irregularEntries += 1;
      }
      highestObjectNumber = Math.max(highestObjectNumber, first.value + index);
      if (type === 0x6e) {
        counts.checkedEntries += 1;
        if (objectNumberAt(buffer, entryOffset.value) !== first.value + index) {
          counts.misplacedEntries += 1;
        }
      }
      cursor = skipBlank(buffer, typeAt + 1);
    }
    if (problem !== null) {
      break;
    }
  }
  if (!matchesAt(buffer, cursor, 'trailer')) {
    return {
      kind: 'table',
      previous: null,
      hasEncrypt: false,
      hasRoot: false,
      problem: problem ?? 'the trailer after the cross-reference table is missing',
    };
  }
  const dictionary = readDictionaryText(buffer, skipBlank(buffer, cursor + 7));
  if (dictionary === null) {
    return {
      kind: 'table',
      previous: null,
      hasEncrypt: false,
      hasRoot: false,
      problem: 'the trailer is cut off or not closed',
    };
  }
  const size = Number(/\/Size\s+(\d+)/.exec(dictionary)?.[1] ?? -1);
  if (problem === null && irregularEntries > 0) {
    problem = `${irregularEntries} entries of the cross-reference table are not written in the standard form`;
  }
  if (problem === null && size <= highestObjectNumber) {
    problem = 'the trailer gives the wrong number of objects';
  }
  return { kind: 'table', ...describeTrailer(dictionary), problem: problem ?? findTrailerDamage(dictionary) };
}

function readStream(buffer: Buffer, position: number, counts: ChainResult, budget: DecodeBudget): Section | null {
  const dictionaryStart = buffer.indexOf('<<', position);
  if (dictionaryStart < 0 || dictionaryStart - position > 64) {
    return null;
  }
  const dictionary = readDictionaryText(buffer, dictionaryStart);
  if (dictionary === null || !/\/Type\s*\/XRef\b/.test(dictionary)) {
    return null;
  }
  const trailer = describeTrailer(dictionary);
  const decoded = decodeStreamEntries(buffer, dictionaryStart + dictionary.length, dictionary, budget);
  if (decoded === null) {
    return { kind: 'stream', ...trailer, problem: 'the cross-reference stream cannot be decoded' };
  }
  for (const entry of decoded.entries) {
    counts.checkedEntries += 1;
    if (objectNumberAt(buffer, entry.offset) !== entry.objectNumber) {
      counts.misplacedEntries += 1;
    }
  }
  const problem =
    decoded.missingRows > 0
      ? `the cross-reference stream is cut short: ${decoded.missingRows} of the entries it announces are missing`
      : decoded.invalidRows > 0
        ? `the cross-reference stream is damaged: ${decoded.invalidRows} of its entries are of no known type`
        : findTrailerDamage(dictionary);
  return { kind: 'stream', ...trailer, problem };
}

function describeTrailer(dictionary: string): Omit<Section, 'kind' | 'problem'> {
  const previous = /\/Prev\s+(\d+)/.exec(dictionary);
  return {
    previous: previous?.[1] === undefined ? null : Number(previous[1]),
    hasEncrypt: /\/Encrypt(?![A-Za-z0-9])/.test(dictionary),
    hasRoot: /\/Root(?![A-Za-z0-9])/.test(dictionary),
  };
}

/**
 * Damage inside a trailer dictionary that a lenient parser reads past and a strict one, such as qpdf, refuses:
 * no /Size (ISO 32000-1 §7.5.5 requires it), a /Root naming object 0, the head of the list of free objects (so
 * there is no catalog to start from), or a hexadecimal string (the file's /ID) holding characters that are not
 * hexadecimal digits (ISO 32000-1 §7.3.4.3).
 */
function findTrailerDamage(dictionary: string): string | null {
  if (!/\/Size\s*\d/.test(dictionary)) {
    return 'the trailer does not say how many objects the file holds (it has no /Size entry)';
  }
  if (/\/Root\s+0+\s+\d+\s+R/.test(dictionary)) {
    return 'the trailer names a document catalog (the object every reader starts from) that does not exist';
  }
  const hexStrings = dictionary.replace(/<<|>>/g, '  ').matchAll(/<([^<>]*)>/g);
  for (const [, digits] of hexStrings) {
    if (digits !== undefined && /[^0-9A-Fa-f\s]/.test(digits)) {
      return 'the trailer is damaged: it holds characters where only hexadecimal digits belong';
    }
  }
  return null;
}

function readHeaderVersion(buffer: Buffer): string | null {
  const at = buffer.subarray(0, headerWindow).indexOf('%PDF-');
  if (at < 0) {
    return null;
  }
  const match = /^(\d+\.\d+)/.exec(buffer.toString('latin1', at + 5, Math.min(at + 13, buffer.length)));
  return match?.[1] ?? '';
}

interface Window {
  start: number;
  end: number;
}

/** Where a linearized file's first-page cross-reference section sits: right after the linearization dictionary. */
function findLinearizedSectionWindow(buffer: Buffer): Window | null {
  const at = buffer.subarray(0, headerWindow * 2).indexOf('/Linearized');
  if (at < 0) {
    return null;
  }
  const end = buffer.indexOf('endobj', at);
  return end < 0 ? null : { start: end + 6, end: end + 6 + 256 };
}

function isInWindow(offset: number, window: Window | null): boolean {
  return window !== null && offset >= window.start && offset <= window.end;
}

/** When the chain could not be followed, the last trailer dictionary in the file still tells whether it is encrypted. */
function lastTrailerHasEncrypt(buffer: Buffer): boolean {
  const at = buffer.lastIndexOf('trailer');
  if (at < 0) {
    return false;
  }
  const dictionaryStart = buffer.indexOf('<<', at);
  const dictionary = dictionaryStart < 0 ? null : readDictionaryText(buffer, dictionaryStart);
  return dictionary !== null && /\/Encrypt(?![A-Za-z0-9])/.test(dictionary);
}
