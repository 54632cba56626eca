import type { PDFContext, PDFRef } from '@cantoo/pdf-lib';
import { matchesAt, readDictionaryText, skipBlank } from '../byte-scan';
import { budgetOf } from '../parse/decode-budget';
import type { DecodeBudget } from '../parse/decode-budget';
import { auditStructure } from '../structure-audit';
import { decodeStreamRows } from '../xref-stream';

/** The newest cross-reference entry of an object number: in use at a generation, or free. */
interface Entry {
  readonly generation: number;
  readonly isFree: boolean;
}

/** A cross-reference stream's dictionary starts this close to its `N G obj` line. */
const objectHeaderWindow = 64;

/**
 * Which objects the file's own index says are deleted: an object number the newest cross-reference entry marks
 * free, or an older generation of a reused number. pdf-lib reads every object in the bytes and ignores that
 * index, so without this a page that still names a deleted object would bring the deleted text back
 * (docs/court-rules.md#clean-copies; qpdf's incremental-3.pdf deletes "Potato" but the page still refers to it). The
 * index is trusted only when the structure audit found it intact; a repaired file falls back to reachability alone.
 * Sections are applied oldest first in the order the file chains them (`startxref`, then each `/Prev`), not in
 * the order they sit in the file: a linearized file's newest-but-one section sits at its very start.
 */
export function findFreedObjects(bytes: Uint8Array, context: PDFContext): (reference: PDFRef) => boolean {
  const budget = budgetOf(context);
  const audit = auditStructure(bytes, budget);
  if (audit.problems.length > 0 || audit.misplacedEntries > 0) {
    return () => false;
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newest = new Map<number, Entry>();
  for (const offset of [...audit.sections].reverse()) {
    const entries = readSection(buffer, skipBlank(buffer, offset), budget);
    if (entries === null) {
      return () => false;
    }
    for (const [objectNumber, entry] of entries) {
      newest.set(objectNumber, entry);
    }
  }
  return (reference) => {
    const entry = newest.get(reference.objectNumber);
    if (entry === undefined) {
      return false;
    }
    return entry.isFree || entry.generation !== reference.generationNumber;
  };
}

/**
 * The entries of the section at `at`. A table's trailer may name a cross-reference stream (`/XRefStm`, a hybrid
 * file, ISO 32000-1 §7.5.8.4): its entries describe the objects the table leaves free for older readers, so they
 * are applied after the table's.
 */
function readSection(buffer: Buffer, at: number, budget: DecodeBudget): [number, Entry][] | null {
  if (!matchesAt(buffer, at, 'xref')) {
    return readStream(buffer, at, budget);
  }
  const table = readTable(buffer, at + 4);
  if (table === null) {
    return null;
  }
  if (table.streamOffset === null) {
    return table.entries;
  }
  const stream = readStream(buffer, skipBlank(buffer, table.streamOffset), budget);
  return stream === null ? null : [...table.entries, ...stream];
}

/** A classic `xref` table: subsections of "first count" followed by "offset generation n|f" lines, then its trailer. */
function readTable(buffer: Buffer, from: number): { entries: [number, Entry][]; streamOffset: number | null } | null {
  const trailer = buffer.indexOf('trailer', from);
  if (trailer < 0) {
    return null;
  }
  const text = buffer.toString('latin1', from, trailer);
  const entries: [number, Entry][] = [];
  const subsection = /\s*(\d+)\s+(\d+)\s*[\r\n]+/y;
  const line = /(\d{10})\s(\d{5})\s([nf])\s*[\r\n]*/y;
  let position = 0;
  for (;;) {
    subsection.lastIndex = position;
    const header = subsection.exec(text);
    if (header === null) {
      break;
    }
    position = subsection.lastIndex;
    const first = Number(header[1]);
    const count = Number(header[2]);
    for (let index = 0; index < count; index += 1) {
      line.lastIndex = position;
      const match = line.exec(text);
      if (match === null) {
        return null;
      }
      position = line.lastIndex;
      entries.push([first + index, { generation: Number(match[2]), isFree: match[3] === 'f' }]);
    }
  }
  const dictionary = readDictionaryText(buffer, skipBlank(buffer, trailer + 7));
  const streamOffset = dictionary === null ? undefined : /\/XRefStm\s+(\d+)/.exec(dictionary)?.[1];
  return { entries, streamOffset: streamOffset === undefined ? null : Number(streamOffset) };
}

/** A cross-reference stream object starting at `at`: type 0 rows are free, type 2 objects live at generation 0. */
function readStream(buffer: Buffer, at: number, budget: DecodeBudget): [number, Entry][] | null {
  const dictionaryStart = buffer.indexOf('<<', at);
  if (dictionaryStart < 0 || dictionaryStart - at > objectHeaderWindow) {
    return null;
  }
  const dictionary = readDictionaryText(buffer, dictionaryStart);
  if (dictionary === null || !/\/Type\s*\/XRef\b/.test(dictionary)) {
    return null;
  }
  const rows = decodeStreamRows(buffer, dictionaryStart + dictionary.length, dictionary, budget)?.rows;
  return (
    rows?.map((row): [number, Entry] => [
      row.objectNumber,
      { generation: row.type === 2 ? 0 : row.third, isFree: row.type === 0 },
    ]) ?? null
  );
}
