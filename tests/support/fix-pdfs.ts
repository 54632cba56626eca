import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFRef } from '@cantoo/pdf-lib';
import { text } from './preflight-pdfs';

/** PDFs and qpdf helpers for the one-click fixes: built in code so the history and size cases run without ../shared. */

/** `qpdf --check` on the bytes: 0 clean, 2 errors, 3 warnings. CI installs qpdf; without it the test fails and says so. */
export function qpdfCheck(bytes: Uint8Array): number {
  return withTemporaryFile(bytes, (file) => runQpdf(['--check', file]).status);
}

/** The bytes as qpdf's QDF form, every stream decompressed and no object streams, as one latin1 string to search. */
export function decompressedText(bytes: Uint8Array): string {
  return withTemporaryFile(bytes, (file) => {
    const output = `${file}.qdf`;
    runQpdf(['--qdf', '--object-streams=disable', file, output]);
    return readFileSync(output).toString('latin1');
  });
}

/** The words a reader sees on every page, as poppler's `pdftotext` extracts them (CI installs poppler-utils). */
export function readerText(bytes: Uint8Array): string {
  return withTemporaryFile(bytes, (file) => {
    try {
      return execFileSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error('pdftotext is not installed: apt-get install poppler-utils.', { cause: error });
      }
      return '';
    }
  });
}

/** The bytes rewritten by `qpdf --linearize` with object streams: its newest index section sits at the start of the file. */
export function linearized(bytes: Uint8Array): Uint8Array {
  return withTemporaryFile(bytes, (file) => {
    const output = `${file}.linearized`;
    runQpdf(['--linearize', '--object-streams=generate', file, output]);
    return new Uint8Array(readFileSync(output));
  });
}

/**
 * The bytes encrypted by qpdf with AES-256, as real tools make them: with `userPassword` empty the file opens without
 * a password but may not be printed (restrictions only); with one, it needs that password to open.
 */
export function qpdfEncrypted(bytes: Uint8Array, userPassword: string): Uint8Array {
  return withTemporaryFile(bytes, (file) => {
    const output = `${file}.encrypted.pdf`;
    const restrictions = userPassword === '' ? ['--print=none'] : [];
    if (runQpdf(['--encrypt', userPassword, 'owner-secret', '256', ...restrictions, '--', file, output]).status !== 0) {
      throw new Error('qpdf could not encrypt the test PDF.');
    }
    return new Uint8Array(readFileSync(output));
  });
}

/** The bytes with an object numbered 0 after the header: pdf-lib's parser prints "Removing parsed object: 0 0 R" on it. */
export function withObjectZero(bytes: Uint8Array): Uint8Array {
  const source = Buffer.from(bytes);
  const afterHeader = source.indexOf(0x0a, source.indexOf(0x0a) + 1) + 1;
  return Buffer.concat([
    source.subarray(0, afterHeader),
    Buffer.from('0 0 obj\n<< /Junk true >>\nendobj\n', 'latin1'),
    source.subarray(afterHeader),
  ]);
}

function runQpdf(args: string[]): { status: number } {
  try {
    execFileSync('qpdf', args, { stdio: 'pipe' });
    return { status: 0 };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null };
    if (failure.code === 'ENOENT') {
      throw new Error('qpdf is not installed: the fix tests check their output with it (apt-get install qpdf).', {
        cause: error,
      });
    }
    return { status: failure.status ?? -1 };
  }
}

function withTemporaryFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'ecf-fix-'));
  try {
    const file = path.join(folder, 'input.pdf');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A hand-written PDF saved twice: the first version shows "SECRET-ACCOUNT-4417" and has a sticky note
 * "SECRET-NOTE-8812"; the second replaces the page text by reusing the content stream's object number at a new
 * generation and frees the note — the qpdf incremental-1 pattern, so the check runs without ../shared.
 */
export function makeRevisedSecretPdf(): Uint8Array {
  const first = writeSection(
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n',
    [
      [1, 0, '<< /Type /Catalog /Pages 2 0 R >>'],
      [2, 0, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      [
        3,
        0,
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>',
      ],
      [4, 0, stream('BT /F1 24 Tf 72 700 Td (SECRET-ACCOUNT-4417) Tj ET')],
      [5, 0, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
      [6, 0, '<< /Type /Annot /Subtype /Text /Rect [400 700 420 720] /Contents (SECRET-NOTE-8812) >>'],
    ],
    [],
    7,
    null,
  );
  const second = writeSection(
    first.text,
    [
      [
        3,
        0,
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 1 R /Resources << /Font << /F1 5 0 R >> >> >>',
      ],
      [4, 1, stream('BT /F1 24 Tf 72 700 Td (Public text) Tj ET')],
    ],
    [[6, 1]],
    7,
    first.xref,
  );
  return latin1Bytes(second.text);
}

function stream(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

/** Appends objects and a cross-reference section (with `freed` [number, next generation] entries) to `prefix`. */
function writeSection(
  prefix: string,
  objects: [number, number, string][],
  freed: [number, number][],
  size: number,
  previous: number | null,
): { text: string; xref: number } {
  let body = prefix;
  const entries = new Map<number, string>();
  for (const [number, generation, value] of objects) {
    entries.set(number, `${String(body.length).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`);
    body += `${number} ${generation} obj\n${value}\nendobj\n`;
  }
  for (const [number, generation] of freed) {
    entries.set(number, `0000000000 ${String(generation).padStart(5, '0')} f \n`);
  }
  if (previous === null) {
    entries.set(0, '0000000000 65535 f \n');
  }
  const xref = body.length;
  let table = 'xref\n';
  for (const number of [...entries.keys()].sort((left, right) => left - right)) {
    table += `${number} 1\n${entries.get(number)}`;
  }
  const trailer = `trailer\n<< /Size ${size} /Root 1 0 R${previous === null ? '' : ` /Prev ${previous}`} >>\nstartxref\n${xref}\n%%EOF\n`;
  return { text: body + table + trailer, xref };
}

/** Converts a hand-written latin1 PDF to bytes. */
export function latin1Bytes(source: string): Uint8Array {
  return Buffer.from(source, 'latin1');
}

/**
 * A `pages`-page PDF where every page shows its own incompressible image of `imageBytes` bytes, with a top-level
 * bookmark at each page of `bookmarkPages` (1-based), for splitting at "logical divisions" (court FAQ 48).
 */
export async function makePaddedPdf(
  pages: number,
  imageBytes: number,
  bookmarkPages: readonly number[],
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const width = 1000;
  for (let index = 0; index < pages; index += 1) {
    const page = document.addPage([612, 792]);
    const image = document.context.register(
      PDFRawStream.of(
        document.context.obj({
          Type: 'XObject',
          Subtype: 'Image',
          Width: width,
          Height: Math.ceil(imageBytes / width),
          ColorSpace: 'DeviceGray',
          BitsPerComponent: 8,
        }),
        randomBytes(width * Math.ceil(imageBytes / width)),
      ),
    );
    page.node.set(PDFName.of('Resources'), document.context.obj({ XObject: { Im0: image } }));
    page.node.set(
      PDFName.of('Contents'),
      document.context.register(document.context.stream('q 400 0 0 400 100 200 cm /Im0 Do Q')),
    );
  }
  addBookmarks(document, bookmarkPages);
  return document.save({ useObjectStreams: false });
}

function addBookmarks(document: PDFDocument, bookmarkPages: readonly number[]): void {
  if (bookmarkPages.length === 0) {
    return;
  }
  const outlines = document.context.nextRef();
  const items: PDFRef[] = bookmarkPages.map(() => document.context.nextRef());
  bookmarkPages.forEach((pageNumber, index) => {
    const entries = {
      Title: text(`Exhibit ${index + 1}`),
      Parent: outlines,
      Dest: [document.getPage(pageNumber - 1).ref, 'Fit'],
      ...(index > 0 ? { Prev: items[index - 1] as PDFRef } : {}),
      ...(index + 1 < items.length ? { Next: items[index + 1] as PDFRef } : {}),
    };
    document.context.assign(items[index] as PDFRef, document.context.obj(entries));
  });
  document.context.assign(
    outlines,
    document.context.obj({
      Type: 'Outlines',
      First: items[0] as PDFRef,
      Last: items[items.length - 1] as PDFRef,
      Count: PDFNumber.of(items.length),
    }),
  );
  document.catalog.set(PDFName.of('Outlines'), outlines);
}

/** How many top-level bookmarks a saved PDF has. */
export async function countTopLevelBookmarks(bytes: Uint8Array): Promise<number> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let count = 0;
  const seen = new Set<PDFDict>();
  for (
    let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
    item !== undefined && !seen.has(item);
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
  ) {
    seen.add(item);
    count += 1;
  }
  return count;
}
