import { constants, deflateRawSync } from 'node:zlib';

/**
 * Hostile PDFs built in code, byte by byte, because no library writes them: page trees that fan out or loop,
 * pages that other readers show and pdf-lib dropped, and streams that decompress to gigabytes.
 */

/** One object of a hand-written PDF: its number and what goes between `obj` and `endobj`. */
export type HandWrittenObject = readonly [number, string | Uint8Array];

/** A PDF of `objects` in order, with a cross-reference table listing each and a trailer naming object 1 as the catalog. */
export function handWrittenPdf(objects: readonly HandWrittenObject[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets = new Map<number, number>();
  for (const [number, body] of objects) {
    offsets.set(number, length);
    const part = Buffer.concat([
      Buffer.from(`${number} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(part);
    length += part.length;
  }
  const size = Math.max(0, ...offsets.keys()) + 1;
  let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let number = 1; number < size; number += 1) {
    const offset = offsets.get(number);
    table += offset === undefined ? '0000000000 00001 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  table += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(table, 'latin1')]);
}

/** A stream object's text: `dictionary` entries (without the brackets), its /Length, and `data`. */
export function streamObject(dictionary: string, data: string | Uint8Array): Uint8Array {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${bytes.length} >>\nstream\n`, 'latin1'),
    bytes,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** The words a black box hides on the leaking page: a social security number, which Fed. R. Civ. P. 5.2 says must not be filed. */
export const leakedText = 'SSN 123-45-6789';

/** Content that shows `leakedText` and then paints a black box over it: a bad redaction preflight must block. */
export const leakingContent = `BT /F1 12 Tf 72 700 Td (${leakedText}) Tj ET\n0 0 0 rg 70 695 120 18 re f\n`;

const helvetica = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A one-page PDF whose page leaks `leakedText` under a box; `pageEntries` are added to the page dictionary as written. */
export function makeLeakingPdf(pageEntries = '', page: { type?: string; mediaBox?: string } = {}): Uint8Array {
  return handWrittenPdf([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [3, leakingPage(pageEntries, page)],
    [4, streamObject('', leakingContent)],
    [5, helvetica],
  ]);
}

/** A PDF whose page tree has no pages at all. */
export function makeEmptyPageTreePdf(): Uint8Array {
  return handWrittenPdf([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [] /Count 0 >>'],
  ]);
}

/**
 * A page tree `levels` deep whose every node lists the next level `fanOut` times, above one page: fanOut^levels
 * pages to a reader that follows every entry (10^12 with the defaults) in a file of a few kilobytes.
 */
export function makeFanOutPdf(levels = 12, fanOut = 10): Uint8Array {
  const objects: HandWrittenObject[] = [[1, '<< /Type /Catalog /Pages 2 0 R >>']];
  for (let level = 0; level < levels; level += 1) {
    const kids = Array.from({ length: fanOut }, () => `${level + 3} 0 R`).join(' ');
    objects.push([level + 2, `<< /Type /Pages /Kids [${kids}] /Count ${fanOut ** (levels - level)} >>`]);
  }
  const page = levels + 2;
  objects.push([page, `<< /Type /Page /MediaBox [0 0 612 792] /Contents ${page + 1} 0 R >>`]);
  objects.push([page + 1, streamObject('', 'q Q')]);
  return handWrittenPdf(objects);
}

/**
 * zlib data that inflates to `head` and then `mebibytes` MiB of spaces, from about a kilobyte per MiB: one Deflate
 * block of a MiB of spaces, repeated (a full flush makes each copy stand alone), an empty final block, and the
 * Adler-32 of it all (RFC 1950 §8.2, extended over the spaces without writing them out).
 */
export function makeFlateBomb(mebibytes: number, head: Uint8Array = new Uint8Array(0)): Uint8Array {
  const mebibyte = 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(mebibyte, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const headBlock = head.length === 0 ? Buffer.alloc(0) : deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH });
  const modulus = 65521n;
  let a = 1n;
  let b = 0n;
  for (const byte of head) {
    a = (a + BigInt(byte)) % modulus;
    b = (b + a) % modulus;
  }
  const spaces = BigInt(mebibytes) * BigInt(mebibyte);
  b = (b + spaces * a + 32n * ((spaces * (spaces + 1n)) / 2n)) % modulus;
  a = (a + 32n * spaces) % modulus;
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([
    Buffer.from([0x78, 0x9c]),
    headBlock,
    ...Array.from({ length: mebibytes }, () => block),
    Buffer.from([0x03, 0x00]),
    checksum,
  ]);
}

/** A one-page PDF whose only content stream inflates to `mebibytes` MiB of spaces: blank to a viewer, and nothing else to find. */
export function makeContentBombPdf(mebibytes: number): Uint8Array {
  return handWrittenPdf([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>'],
    [4, streamObject('/Filter /FlateDecode', makeFlateBomb(mebibytes))],
  ]);
}

/**
 * A PDF whose page is stored in an object stream that inflates to `mebibytes` MiB: the page's dictionary, then
 * spaces. Reading the page means decoding the whole stream while the file is parsed.
 */
export function makeObjectStreamBombPdf(mebibytes: number): Uint8Array {
  const offsets = '3 0 ';
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>';
  return handWrittenPdf([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [
      4,
      streamObject(
        `/Type /ObjStm /N 1 /First ${offsets.length} /Filter /FlateDecode`,
        makeFlateBomb(mebibytes, Buffer.from(offsets + page, 'latin1')),
      ),
    ],
  ]);
}

/** The leaking page's dictionary, with `entries` added as written (and `type` and `mediaBox` as given, or left out when empty). */
export function leakingPage(entries: string, options: { type?: string; mediaBox?: string } = {}): string {
  const type = options.type ?? '/Type /Page';
  const mediaBox = options.mediaBox ?? '/MediaBox [0 0 612 792]';
  return `<< ${type} /Parent 2 0 R ${mediaBox} ${entries} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`;
}

/** Like `makeLeakingPdf('/UserUnit 1e0')`, but with the page inside an object stream, where pdf-lib's own reader parses it. */
export function makeLeakingPdfInObjectStream(pageEntries: string): Uint8Array {
  const page = leakingPage(pageEntries);
  const offsets = '3 0 ';
  return handWrittenPdf([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [4, streamObject('', leakingContent)],
    [5, helvetica],
    [6, streamObject(`/Type /ObjStm /N 1 /First ${offsets.length}`, offsets + page)],
  ]);
}

/**
 * A page tree whose root lists `kids` (written as they stand in /Kids), over page objects 3 and 7 (plain) and
 * 6 (the leaking one, or `leakingPage` as written), with `extra` objects added.
 */
export function makeThreePagePdf(
  kids: string,
  options: { leakingPage?: string; extra?: readonly HandWrittenObject[] } = {},
): Uint8Array {
  const plain = (number: number): HandWrittenObject => [
    number,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 8 0 R >>',
  ];
  return handWrittenPdf([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, `<< /Type /Pages /Kids [${kids}] /Count 3 >>`],
    plain(3),
    [4, streamObject('', leakingContent)],
    [5, helvetica],
    [6, options.leakingPage ?? leakingPage('')],
    plain(7),
    [8, streamObject('', 'BT /F1 12 Tf 72 700 Td (A plain page.) Tj ET')],
    ...(options.extra ?? []),
  ]);
}
