import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { decodePDFRawStream, ParseSpeeds, PDFContext, PDFDocument, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { decodeStreamBytes } from '../../../src-main/core/preflight/parse/bounded-decode';
import { budgetOf, DecodeBudget } from '../../../src-main/core/preflight/parse/decode-budget';
import { loadDocument } from '../../../src-main/core/preflight/parse/load-document';
import { auditStructure } from '../../../src-main/core/preflight/structure-audit';
import { handWrittenPdf, makeFlateBomb, makeObjectStreamBombPdf, streamObject } from '../../support/hostile-pdfs';
import { sharedFixture } from '../../support/paths';

const mebibyte = 1024 * 1024;
const smallLimits = { streamBytes: 4 * mebibyte, documentBytes: 10 * mebibyte };

/** A stream of `contents` under `filters` (written as in a dictionary), in a context of its own. */
function streamOf(filters: string, contents: Uint8Array): PDFRawStream {
  const context = PDFContext.create();
  const entries = filters === '' ? {} : { Filter: filters.split(' ').map((name) => name.replace('/', '')) };
  return PDFRawStream.of(context.obj(entries), contents);
}

describe('decoding streams within a budget', () => {
  it('decodes every stream of every real fixture exactly as pdf-lib’s own decoders did', async () => {
    const folder = sharedFixture('pdf');
    if (folder === null) {
      return;
    }
    const files = execFileSync('find', [folder, '-name', '*.pdf']).toString().trim().split('\n').sort();
    // pdf-lib warns on the console about numbers too large for some readers; the fixtures have a few.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let compared = 0;
    for (const file of files) {
      const document = await loadDocument(readFileSync(file)).catch(() => null);
      for (const [ref, object] of document?.context.enumerateIndirectObjects() ?? []) {
        if (!(object instanceof PDFRawStream)) {
          continue;
        }
        let before: Uint8Array | 'unreadable';
        try {
          before = decodePDFRawStream(object).decode();
        } catch {
          before = 'unreadable';
        }
        const now = decodeStreamBytes(object, new DecodeBudget());
        const where = `${path.relative(folder, file)} ${ref.toString()}`;
        if (before === 'unreadable') {
          expect(now, where).toBe('unreadable');
        } else {
          expect(Buffer.from(now as Uint8Array).equals(Buffer.from(before)), where).toBe(true);
        }
        compared += 1;
      }
    }
    warn.mockRestore();
    expect(compared).toBeGreaterThan(500);
  }, 120_000);

  it('stops a Flate stream at the stream limit, records it, and decodes nothing more of that document', () => {
    const budget = new DecodeBudget(smallLimits);
    expect(decodeStreamBytes(streamOf('/FlateDecode', makeFlateBomb(5)), budget)).toBe('over-limit');
    expect(budget.overrun).toEqual({ limit: 'stream', limitBytes: smallLimits.streamBytes });
    expect(decodeStreamBytes(streamOf('/FlateDecode', deflateSync('BT ET')), budget)).toBe('over-limit');
  });

  it('stops at the document limit when streams under the stream limit add up past it', () => {
    const budget = new DecodeBudget(smallLimits);
    const threeMebibytes = streamOf('/FlateDecode', makeFlateBomb(3));
    expect(decodeStreamBytes(threeMebibytes, budget)).toHaveLength(3 * mebibyte);
    expect(decodeStreamBytes(threeMebibytes, budget)).toHaveLength(3 * mebibyte);
    expect(decodeStreamBytes(threeMebibytes, budget)).toHaveLength(3 * mebibyte);
    expect(decodeStreamBytes(threeMebibytes, budget)).toBe('over-limit');
    expect(budget.overrun).toEqual({ limit: 'document', limitBytes: smallLimits.documentBytes });
  });

  it('holds every filter of a chain to the limit: Flate inside Flate, and run-length codes that multiply 64 times', () => {
    const doubled = streamOf('/FlateDecode /FlateDecode', deflateSync(makeFlateBomb(64)));
    expect(decodeStreamBytes(doubled, new DecodeBudget(smallLimits))).toBe('over-limit');
    const runs = Buffer.alloc(256 * 1024);
    for (let at = 0; at < runs.length; at += 2) {
      runs.writeUInt16BE(0x8120, at);
    }
    expect(decodeStreamBytes(streamOf('/RunLengthDecode', runs), new DecodeBudget(smallLimits))).toBe('over-limit');
    expect(
      decodeStreamBytes(streamOf('/RunLengthDecode', Buffer.from([0x81, 0x20, 0x80])), new DecodeBudget(smallLimits)),
    ).toEqual(new Uint8Array(128).fill(0x20));
  });

  it('reads damaged Flate data as far as it goes, as pdf-lib’s inflater did: a wrong checksum, a cut-off end', () => {
    const text = Buffer.from('BT (Hello) Tj ET');
    const wrongChecksum = Buffer.from(deflateSync(text));
    wrongChecksum.writeUInt8(wrongChecksum.readUInt8(wrongChecksum.length - 1) ^ 0xff, wrongChecksum.length - 1);
    expect(
      Buffer.from(
        decodeStreamBytes(streamOf('/FlateDecode', wrongChecksum), new DecodeBudget()) as Uint8Array,
      ).toString(),
    ).toBe(text.toString());
    const long = Buffer.from('q 1 0 0 1 0 0 cm Q\n'.repeat(1_000));
    const cutOff = deflateSync(long).subarray(0, 200);
    const partial = decodeStreamBytes(streamOf('/FlateDecode', cutOff), new DecodeBudget());
    expect(long.toString().startsWith(Buffer.from(partial as Uint8Array).toString())).toBe(true);
    expect(decodeStreamBytes(streamOf('/DCTDecode', Buffer.from([0xff, 0xd8])), new DecodeBudget())).toBe('unreadable');
  });

  it('bounds the object streams pdf-lib decodes while it parses, in the quick parser and in PDFDocument.load itself', async () => {
    const bomb = makeObjectStreamBombPdf(300);
    const budget = new DecodeBudget();
    const quick = await loadDocument(bomb, budget);
    expect(budget.overrun?.limit).toBe('stream');
    expect(quick.context.lookup(PDFRef.of(3))).toBeUndefined();
    const slow = await PDFDocument.load(bomb, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    expect(budgetOf(slow.context).overrun?.limit).toBe('stream');
    expect(slow.context.lookup(PDFRef.of(3))).toBeUndefined();
  });

  it('bounds the cross-reference streams the structure audit decodes', () => {
    const bytes = Buffer.from(handWrittenPdf([[1, '<< /Type /Catalog >>']]));
    const xrefAt = bytes.length;
    const xref = Buffer.concat([
      Buffer.from('9 0 obj\n', 'latin1'),
      streamObject('/Type /XRef /W [1 4 2] /Size 10 /Root 1 0 R /Filter /FlateDecode', makeFlateBomb(5)),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    const file = Buffer.concat([bytes, xref, Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1')]);
    const budget = new DecodeBudget(smallLimits);
    expect(auditStructure(file, budget).problems).toContain('the cross-reference stream cannot be decoded');
    expect(budget.overrun?.limit).toBe('stream');
  });
});
