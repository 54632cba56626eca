import { PDFName, PDFRawStream, PDFXRefStreamParser } from '@cantoo/pdf-lib';
import type { PDFContext, PDFRef } from '@cantoo/pdf-lib';
import { budgetOf } from '../parse/decode-budget';
import { auditStructure } from '../structure-audit';

/** The newest cross-reference entry of an object number: in use at a generation, or free. */
interface Entry {
  readonly generation: number;
  readonly isFree: boolean;
}

/**
 * Which objects the file's own index says are deleted: an object number the newest cross-reference entry marks
 * free, or an older generation of a reused number. pdf-lib reads every object in the bytes and ignores that
 * index, so without this a page that still names a deleted object would bring the deleted text back
 * (docs/court-rules.md#clean-copies; qpdf's incremental-3.pdf deletes "Potato" but the page still refers to it). The
 * index is trusted only when the structure audit found it intact; a repaired file falls back to reachability alone.
 */
export function findFreedObjects(bytes: Uint8Array, context: PDFContext): (reference: PDFRef) => boolean {
  const audit = auditStructure(bytes, budgetOf(context));
  if (audit.problems.length > 0 || audit.misplacedEntries > 0) {
    return () => false;
  }
  const sections: { offset: number; entries: [number, Entry][] }[] = [
    ...readTables(bytes),
    ...readStreams(bytes, context),
  ];
  sections.sort((left, right) => left.offset - right.offset);
  const newest = new Map<number, Entry>();
  for (const section of sections) {
    for (const [objectNumber, entry] of section.entries) {
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

/** Classic `xref` tables: subsections of "first count" followed by "offset generation n|f" lines. */
function readTables(bytes: Uint8Array): { offset: number; entries: [number, Entry][] }[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sections: { offset: number; entries: [number, Entry][] }[] = [];
  for (let at = buffer.indexOf('xref'); at >= 0; at = buffer.indexOf('xref', at + 4)) {
    if (at >= 5 && buffer.toString('latin1', at - 5, at) === 'start') {
      continue;
    }
    const text = buffer.toString('latin1', at + 4, Math.min(buffer.length, at + 4 + tableWindow(buffer, at)));
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
          break;
        }
        position = line.lastIndex;
        entries.push([first + index, { generation: Number(match[2]), isFree: match[3] === 'f' }]);
      }
    }
    if (entries.length > 0) {
      sections.push({ offset: at, entries });
    }
  }
  return sections;
}

/** How far a table can reach: up to its trailer (20 bytes an entry otherwise). */
function tableWindow(buffer: Buffer, at: number): number {
  const trailer = buffer.indexOf('trailer', at);
  return trailer < 0 ? buffer.length - at : trailer - at;
}

/** Cross-reference streams, placed in file order by where their object starts. */
function readStreams(bytes: Uint8Array, context: PDFContext): { offset: number; entries: [number, Entry][] }[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sections: { offset: number; entries: [number, Entry][] }[] = [];
  for (const [reference, value] of context.enumerateIndirectObjects()) {
    if (!(value instanceof PDFRawStream) || value.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) {
      continue;
    }
    const offset = buffer.lastIndexOf(`${reference.objectNumber} ${reference.generationNumber} obj`);
    const entries = PDFXRefStreamParser.forStream(value)
      .parseIntoContext()
      .map((entry): [number, Entry] => [
        entry.ref.objectNumber,
        { generation: entry.inObjectStream ? 0 : entry.ref.generationNumber, isFree: entry.deleted },
      ]);
    sections.push({ offset, entries });
  }
  return sections;
}
