// The training court's own upload screening. It imitates a crude server-side scanner on purpose and shares no code
// with the app's preflight engine (src-main/core/preflight): the two are meant to disagree sometimes, so that tests
// notice when the app lets through a file the court would refuse, or blocks one the court would take.
// It reads raw bytes like pdfid does and, unlike pdfid, also inflates object streams, where raw bytes hide names
// (docs/court-rules.md#external-actions).
import { constants, inflateSync } from 'node:zlib';

/** Which of the court's upload rules refused a file (court FAQ 48–51). */
export type UploadRule = 'too-large' | 'not-pdf' | 'active-content' | 'encrypted';

/** The court's answer to an upload: accepted, or refused with the rule and the exact message CM/ECF shows. */
export type UploadVerdict =
  { readonly accepted: true } | { readonly accepted: false; readonly rule: UploadRule; readonly message: string };

/** The largest file the court takes, in bytes (FAQ 48: "over 50 Megabytes (MB)" is refused). */
export const UPLOAD_LIMIT_BYTES = 50_000_000;

/** The court's wording for each refusal, verbatim from the CIT CM/ECF FAQ. */
export const UPLOAD_MESSAGES: Readonly<Record<UploadRule, string>> = {
  'too-large': "You cannot load this file because it's over 50 Megabytes (MB)", // FAQ 48
  'not-pdf': 'ERROR: Document is not a well-formed PDF document', // FAQ 50
  // FAQ 49
  'active-content':
    'ERROR: Document is malformed or contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted.',
  // FAQ 51
  encrypted:
    'ERROR: This document has security measures in effect, such as password protection or access restriction. This PDF document cannot be accepted.',
};

// Names that start or carry an action outside the document (docs/court-rules.md#external-actions).
const ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'SubmitForm', 'ImportData', 'RichMedia', 'GoToE', 'GoToR']);
const EDGE_BYTES = 1024;
const INFLATE_BUDGET_BYTES = 200_000_000; // A zip bomb in an object stream must not stall the court.
const DICTIONARY_LIMIT_CHARS = 262_144; // A dictionary still open after this many bytes is treated as unclosed.
// PDF 1.7 §7.2.2: white-space and delimiter characters; every other byte is a regular character of a name.
const WHITESPACE = '[\\x00\\t\\n\\f\\r ]';
const REGULAR = '[^\\x00\\t\\n\\f\\r /[\\]<>(){}%]';
const NAME_PATTERN = new RegExp(`/(${REGULAR}+)`, 'g');
const END_OF_STREAM_PATTERN = new RegExp(`^${WHITESPACE}*endstream`);
const OBJECT_DICTIONARY_PATTERN = new RegExp(`\\d+${WHITESPACE}+\\d+${WHITESPACE}+obj${WHITESPACE}*<<`, 'g');
const TRAILER_PATTERN = new RegExp(`trailer${WHITESPACE}*<<`, 'g');

/**
 * Screens an upload the way the court does: size first (without reading the bytes), then the PDF frame, then
 * encryption, then active content — in the raw bytes and inside Flate-compressed object streams.
 */
export function screenUpload(bytes: Uint8Array): UploadVerdict {
  if (bytes.byteLength > UPLOAD_LIMIT_BYTES) {
    return refuse('too-large');
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!hasPdfFrame(text)) {
    return refuse('not-pdf');
  }
  const trailers = findTrailerDictionaries(text);
  const objects = findObjectDictionaries(text);
  const crossReferenceStreams = objects.filter((object) => hasTypeName(object.dictionary, 'XRef'));
  if (trailers.length + crossReferenceStreams.length === 0) {
    return refuse('not-pdf');
  }
  // FAQ 51: any /Encrypt is refused, even when the file opens without a password.
  const frames = [...trailers, ...crossReferenceStreams.map((object) => object.dictionary)];
  if (frames.some((dictionary) => decodedNames(dictionary).includes('Encrypt'))) {
    return refuse('encrypted');
  }
  if (hasActiveName(withoutStreamData(text))) {
    return refuse('active-content');
  }
  let budget = INFLATE_BUDGET_BYTES;
  for (const object of objects.filter((candidate) => hasTypeName(candidate.dictionary, 'ObjStm'))) {
    const contents = readObjectStream(text, object, budget);
    // An object stream the court cannot read is "malformed" in FAQ 49's words.
    if (contents === null) {
      return refuse('active-content');
    }
    budget -= contents.length;
    if (hasActiveName(contents)) {
      return refuse('active-content');
    }
  }
  return { accepted: true };
}

interface ObjectDictionary {
  readonly dictionary: string;
  readonly end: number;
}

function refuse(rule: UploadRule): UploadVerdict {
  return { accepted: false, rule, message: UPLOAD_MESSAGES[rule] };
}

// FAQ 50: a "%PDF-1.x" or "%PDF-2.0" header near the start and "%%EOF" near the end.
function hasPdfFrame(text: string): boolean {
  return /%PDF-(?:1\.\d|2\.0)/.test(text.slice(0, EDGE_BYTES)) && text.slice(-EDGE_BYTES).includes('%%EOF');
}

function findTrailerDictionaries(text: string): string[] {
  const dictionaries: string[] = [];
  for (const match of text.matchAll(TRAILER_PATTERN)) {
    const found = readDictionary(text, match.index + match[0].length - 2);
    if (found !== null) {
      dictionaries.push(found.dictionary);
    }
  }
  return dictionaries;
}

function findObjectDictionaries(text: string): ObjectDictionary[] {
  const objects: ObjectDictionary[] = [];
  for (const match of text.matchAll(OBJECT_DICTIONARY_PATTERN)) {
    const found = readDictionary(text, match.index + match[0].length - 2);
    if (found !== null) {
      objects.push(found);
    }
  }
  return objects;
}

// Reads a `<< … >>` dictionary starting at `start`, skipping strings and comments; null when it never closes.
function readDictionary(text: string, start: number): ObjectDictionary | null {
  let depth = 0;
  let index = start;
  const limit = Math.min(text.length, start + DICTIONARY_LIMIT_CHARS);
  while (index < limit) {
    const character = text[index];
    const next = text[index + 1];
    if (character === '<' && next === '<') {
      depth++;
      index += 2;
    } else if (character === '>' && next === '>') {
      depth--;
      index += 2;
      if (depth === 0) {
        return { dictionary: text.slice(start, index), end: index };
      }
    } else if (character === '<') {
      index = text.indexOf('>', index) + 1;
      if (index === 0 || index > limit) {
        return null;
      }
    } else if (character === '(') {
      index = skipLiteralString(text, index, limit);
      if (index < 0) {
        return null;
      }
    } else if (character === '%') {
      while (index < limit && text[index] !== '\r' && text[index] !== '\n') {
        index++;
      }
    } else {
      index++;
    }
  }
  return null;
}

function skipLiteralString(text: string, start: number, limit: number): number {
  let depth = 0;
  for (let index = start; index < limit; index++) {
    const character = text[index];
    if (character === '\\') {
      index++;
    } else if (character === '(') {
      depth++;
    } else if (character === ')' && --depth === 0) {
      return index + 1;
    }
  }
  return -1;
}

// PDF 1.7 §7.3.5: a name may spell any byte as #xx, so /J#61vaScript is /JavaScript.
function decodeName(raw: string): string {
  return raw.includes('#')
    ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : raw;
}

function decodedNames(text: string): string[] {
  return [...text.matchAll(NAME_PATTERN)].map((match) => decodeName(match[1] ?? ''));
}

function hasActiveName(text: string): boolean {
  for (const match of text.matchAll(NAME_PATTERN)) {
    if (ACTIVE_NAMES.has(decodeName(match[1] ?? ''))) {
      return true;
    }
  }
  return false;
}

// Stream bodies (images, fonts, page content) are data, not objects: compressed bytes spell "/JS " by chance about
// once in every few dozen megabytes, and a real scanner does not refuse a scan for that.
function withoutStreamData(text: string): string {
  return text.replace(/stream(?:\r\n|\n|\r)[\s\S]*?endstream/g, 'stream\nendstream');
}

function hasTypeName(dictionary: string, type: string): boolean {
  const names = decodedNames(dictionary);
  return names.some((name, index) => name === 'Type' && names[index + 1] === type);
}

// The decoded contents of an object stream, or null when its filter is unknown, its data is corrupt, or it would
// inflate past the remaining budget. An object stream without a filter is plain bytes, already scanned.
function readObjectStream(text: string, object: ObjectDictionary, budget: number): string | null {
  const filters = filterNames(object.dictionary);
  if (filters.length === 0) {
    return '';
  }
  if (filters.length > 1 || !['FlateDecode', 'Fl'].includes(filters[0] ?? '')) {
    return null;
  }
  const data = streamData(text, object);
  if (data === null) {
    return null;
  }
  try {
    const inflated = inflateSync(Buffer.from(data, 'latin1'), {
      maxOutputLength: Math.max(1, budget),
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    return inflated.toString('latin1');
  } catch {
    return null;
  }
}

function filterNames(dictionary: string): string[] {
  const filter = new RegExp(`/Filter${WHITESPACE}*(\\[[^\\]]*\\]|/${REGULAR}+)`).exec(dictionary);
  return filter === null ? [] : decodedNames(filter[1] ?? '');
}

// The bytes between `stream` and `endstream`: /Length when it is a direct number that lands on `endstream`,
// otherwise up to the next `endstream` keyword.
function streamData(text: string, object: ObjectDictionary): string | null {
  const keyword = new RegExp(`${WHITESPACE}*stream(?:\\r\\n|\\n|\\r)`, 'y');
  keyword.lastIndex = object.end;
  if (keyword.exec(text) === null) {
    return null;
  }
  const start = keyword.lastIndex;
  const declared = new RegExp(`/Length${WHITESPACE}+(\\d+)(?!${WHITESPACE}+\\d+${WHITESPACE}+R)`).exec(
    object.dictionary,
  );
  const length = declared === null ? -1 : Number(declared[1]);
  if (length >= 0 && END_OF_STREAM_PATTERN.test(text.slice(start + length, start + length + 64))) {
    return text.slice(start, start + length);
  }
  const end = text.indexOf('endstream', start);
  return end < 0 ? null : text.slice(start, end);
}
