import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ParseSpeeds,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
} from '@cantoo/pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../../src-main/core/preflight/parse/load-document';
import { buildPdf } from '../../support/preflight-pdfs';
import { sharedFixture } from '../../support/paths';

/** What `PDFDocument.load` gave before the quick parser, as the checks see it; throws where the two differ. */
function expectSameValue(quick: unknown, slow: unknown, where: string): void {
  if (quick === slow) {
    return;
  }
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}`);
  };
  if (quick instanceof PDFNumber && slow instanceof PDFNumber) {
    if (!Object.is(quick.asNumber(), slow.asNumber()) || quick.toString() !== slow.toString()) {
      fail(`${quick.toString()} is not ${slow.toString()}`);
    }
    return;
  }
  if (quick === null || slow === null || typeof quick !== 'object' || typeof slow !== 'object') {
    return fail('values differ');
  }
  if (Object.getPrototypeOf(quick) !== Object.getPrototypeOf(slow)) {
    return fail('kinds differ');
  }
  if (quick instanceof PDFRef || quick instanceof PDFName || quick instanceof PDFBool) {
    return fail('not the same shared instance');
  }
  if (quick instanceof PDFString || quick instanceof PDFHexString) {
    if (quick.toString() !== String(slow)) {
      fail('strings differ');
    }
  } else if (quick instanceof Uint8Array) {
    if (Buffer.compare(quick, slow as Uint8Array) !== 0) {
      fail('bytes differ');
    }
  } else if (quick instanceof PDFRawStream) {
    expectSameValue(quick.dict, (slow as PDFRawStream).dict, `${where} dictionary`);
    expectSameValue(quick.contents, (slow as PDFRawStream).contents, `${where} contents`);
  } else if (quick instanceof PDFDict) {
    const slowEntries = (slow as PDFDict).entries();
    const quickEntries = quick.entries();
    if (quickEntries.length !== slowEntries.length) {
      fail('dictionary sizes differ');
    }
    quickEntries.forEach(([key, value], index) => {
      if (key !== slowEntries[index]?.[0]) {
        fail(`keys differ at ${index}`);
      }
      expectSameValue(value, slowEntries[index]?.[1], `${where}${key.toString()}`);
    });
  } else if (quick instanceof PDFArray) {
    const slowItems = (slow as PDFArray).asArray();
    if (quick.size() !== slowItems.length) {
      fail('array sizes differ');
    }
    quick.asArray().forEach((item, index) => expectSameValue(item, slowItems[index], `${where}[${index}]`));
  } else {
    const quickRecord = quick as Record<string, unknown>;
    const slowRecord = slow as Record<string, unknown>;
    if (Object.keys(quickRecord).join() !== Object.keys(slowRecord).join()) {
      fail('fields differ');
    }
    for (const key of Object.keys(quickRecord)) {
      expectSameValue(quickRecord[key], slowRecord[key], `${where}.${key}`);
    }
  }
}

async function loadAsBefore(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, {
    ignoreEncryption: true,
    password: '',
    updateMetadata: false,
    throwOnInvalidObject: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
}

/** Loads both ways and compares everything a check can reach: errors, header, trailer, every object in file order. */
async function expectSameDocument(bytes: Uint8Array): Promise<void> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const [slow, quick] = await Promise.allSettled([loadAsBefore(bytes), loadDocument(bytes)]);
  warn.mockRestore();
  if (slow.status === 'rejected' || quick.status === 'rejected') {
    expect(quick.status === 'rejected' ? String(quick.reason) : 'loaded').toBe(
      slow.status === 'rejected' ? String(slow.reason) : 'loaded',
    );
    return;
  }
  const [before, after] = [slow.value.context, quick.value.context];
  expectSameValue(after.header, before.header, 'header');
  expectSameValue(after.trailerInfo, before.trailerInfo, 'trailer');
  expectSameValue(after.pdfFileDetails, before.pdfFileDetails, 'file details');
  expect([after.largestObjectNumber, after.isDecrypted, quick.value.isEncrypted]).toEqual([
    before.largestObjectNumber,
    before.isDecrypted,
    slow.value.isEncrypted,
  ]);
  const objects = after.enumerateIndirectObjects();
  const objectsBefore = before.enumerateIndirectObjects();
  expect(objects.map(([ref]) => ref)).toEqual(objectsBefore.map(([ref]) => ref));
  objects.forEach(([ref, object], index) => expectSameValue(object, objectsBefore[index]?.[1], ref.toString()));
}

/** A hand-written file: objects in the given order, a table that lists only the first, and a trailer. */
function handWrittenPdf(objects: readonly string[], trailer = '<< /Size 9 /Root 1 0 R >>'): Uint8Array {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const firstOffset = body.length;
  body += objects.join('\n') + '\n';
  const xref = body.length;
  body += `xref\n0 2\n0000000000 65535 f \n${String(firstOffset).padStart(10, '0')} 00000 n \ntrailer\n${trailer}\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const catalog =
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj';
const page = '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj';

describe('the quick PDF parser', () => {
  it('builds the same objects as PDFDocument.load for every real fixture', async () => {
    const folder = sharedFixture('pdf');
    if (folder === null) {
      return;
    }
    const files = execFileSync('find', [folder, '-name', '*.pdf']).toString().trim().split('\n').sort();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      await expectSameDocument(readFileSync(file)).catch((error: unknown) => {
        throw new Error(`${path.relative(folder, file)}: ${String(error)}`);
      });
    }
  }, 120_000);

  it('finds objects no table lists, and a later definition of an object number replaces the earlier one', async () => {
    const bytes = handWrittenPdf([
      catalog,
      page,
      '4 0 obj << /Length 2 >> stream\nq\nendstream endobj',
      '5 0 obj (orphan) endobj',
      '5 0 obj (later) endobj',
    ]);
    await expectSameDocument(bytes);
    const document = await loadDocument(bytes);
    expect(document.context.lookup(PDFRef.of(5))).toEqual(PDFString.of('later'));
  });

  it('reads numbers of every shape as pdf-lib does, and keeps their written form', async () => {
    const numbers =
      '+5 -.5 5. .25 -0 0.1 1.5.5 007 123456789012345 1234567890123456789 0.0000000000000001 3.14159265358979 -12.0';
    await expectSameDocument(
      handWrittenPdf([
        catalog,
        page,
        `4 0 obj [${numbers}] endobj`,
        '5 0 obj [4-3] endobj',
        '6 0 obj [1 0 R 2 0 R 1.5 0 R 7 1 R] endobj',
      ]),
    );
    await expectSameDocument(
      handWrittenPdf([
        catalog,
        page,
        '4 0 obj [1e] endobj',
        '5 0 obj [12+] endobj',
        '6 0 obj [- .] endobj',
        '7 0 obj 1e999 endobj',
      ]),
    );
  });

  it('reads a number with an exponent as pdf.js does, where pdf-lib drops the whole object', async () => {
    const bytes = handWrittenPdf([
      catalog,
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /UserUnit 1e0 /Contents 4 0 R >> endobj',
      '4 0 obj [1e5 2.5E-1 -3e+2 1e+ 4] endobj',
    ]);
    const document = await loadDocument(bytes);
    const numbers = (document.context.lookup(PDFRef.of(4)) as PDFArray)
      .asArray()
      .map((item) => (item as PDFNumber).asNumber());
    expect(numbers).toEqual([100000, 0.25, -300, 1, 4]);
    const pageObject = document.context.lookup(PDFRef.of(3));
    expect(pageObject).toBeInstanceOf(PDFDict);
    expect((pageObject as PDFDict).lookup(PDFName.of('UserUnit'), PDFNumber).asNumber()).toBe(1);
  });

  it('reads names with escapes, strings, comments and keywords as pdf-lib does', async () => {
    await expectSameDocument(
      handWrittenPdf([
        catalog,
        page,
        '4 0 obj << /A#20B /C /D#2f /E#zz % a comment\n /F true /G false /H null /I (a (nested\\) string) /J <48656c6c6f> /K{x} >> endobj',
        '5 0 obj [/trueish truex nullx] endobj',
      ]),
    );
  });

  it('finds the end of streams whose /Length is indirect, wrong or missing, as pdf-lib does', async () => {
    await expectSameDocument(
      handWrittenPdf([
        catalog,
        page,
        '4 0 obj << /Length 6 0 R >> stream\nBT ET\nendstream endobj',
        '5 0 obj << /Length 99 >> stream\r\nq Q\r\nendstream\nendobj',
        '6 0 obj 6 endobj',
        '7 0 obj << >> stream\nnested stream\nendstream\nmore\nendstream\nendobj',
        '8 0 obj << /Length -3 >>stream \r\nx\nendstream endobj',
      ]),
    );
  });

  it('recovers from damage between and inside objects as pdf-lib does', async () => {
    await expectSameDocument(
      handWrittenPdf([catalog, page, 'garbage here ]] >>', '4 0 obj << /A [1 2 >> endobj', '5 0 obj (never closed']),
    );
    await expectSameDocument(
      handWrittenPdf(
        ['1 0 obj << /Type /Catalog >> endobj', '2 0 obj << /Type /Catalog /Pages 3 0 R >> endobj'],
        '<< /Root 9 0 R >>',
      ),
    );
    await expectSameDocument(handWrittenPdf([catalog, page], '<< /Root 1 0 R'));
    await expectSameDocument(
      Buffer.from('%PDF-1.4\n\x01\x02 1 0 obj << /Type /Catalog >> endobj\n0 0 obj null endobj\n', 'latin1'),
    );
    await expectSameDocument(Buffer.from('no header at all', 'latin1'));
  });

  it('reads files that pdf-lib itself wrote, with object streams and without (synthetic)', async () => {
    await expectSameDocument(await buildPdf(undefined, { pages: 3 }));
    await expectSameDocument(await buildPdf(undefined, { pages: 3, useObjectStreams: true }));
  });
});
