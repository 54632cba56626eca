import { constants as bufferConstants } from 'node:buffer';
import { createHash } from 'node:crypto';
import { constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { DocumentRecord } from '../../shared/domain';
import { findFileNameProblem, showFileNameSafely } from '../../shared/file-name';
import { draft as draftSchema, packagedDocument, type Draft } from '../../shared/filing';
import { AppError } from '../errors';

/** The hand-off file: a draft, its documents and their preflight reports, gzip-compressed JSON. */
const packageSchema = z.object({
  format: z.literal('ecf-desk-draft'),
  version: z.literal(1),
  exportedAt: z.string().max(100),
  draft: draftSchema,
  documents: z.array(packagedDocument.extend({ content: z.string() })).max(100),
});

/** One document read back from a package, its SHA-256 verified. */
export interface PackagedDocument {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** Reads a package in a child process in the app (`IsolatedReaders.readDraftPackage`); throws `AppError`. */
export type DraftPackageReader = (bytes: Uint8Array) => Promise<{ draft: Draft; documents: PackagedDocument[] }>;

/**
 * The most a package may unpack to: 300 MB. A package is read in a child process held to 1.5 GB (docs/security.md),
 * and reading one holds the file, its unpacked text, the parsed text and the documents at once: about 4.3 times the
 * unpacked size (1.3 GB measured for 267 MB of PDFs that do not compress). 300 MB keeps a package ECF Desk writes
 * readable there with room to spare, and well under V8's longest string, which `JSON.parse` needs the whole text as.
 * In base64 that is about 225 MB of PDFs: four documents at the court's 50 MB limit (FAQ 48), or 2.2 MB for each of a
 * draft's hundred documents at most.
 */
export const largestUnpackedPackageBytes = Math.min(bufferConstants.MAX_STRING_LENGTH, 300 * 1024 * 1024);

/** gzip never makes its content meaningfully bigger, so the package file is held to the same size. */
export const largestPackageBytes = largestUnpackedPackageBytes;

const megabyte = 1024 * 1024;
const gzipMagic = [0x1f, 0x8b] as const;

function damaged(
  message = 'This file is not an ECF Desk draft package, or it is damaged, so nothing was imported. Ask for the draft to be exported again.',
): AppError {
  return new AppError('package.damaged', message);
}

function tooLargeToRead(): AppError {
  return new AppError(
    'package.too-large',
    `This file unpacks to more than ${Math.round(largestUnpackedPackageBytes / megabyte)} MB, more than any draft package ECF Desk writes, so nothing was imported. ` +
      'It is not a package from ECF Desk, or it was damaged; ask for the draft to be exported again.',
  );
}

/** The size a gzip file says it unpacks to (RFC 1952 §2.3.1: ISIZE, the last four bytes, little-endian, modulo 2^32). */
function declaredUnpackedBytes(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(bytes.byteLength - 4);
}

/** Inflates the package, stopping as soon as it passes the limit: a gzip bomb costs at most the limit, never gigabytes. */
function unpack(bytes: Uint8Array): string {
  if (bytes.byteLength > largestPackageBytes) {
    throw tooLargeToRead();
  }
  if (bytes.byteLength < 18 || bytes[0] !== gzipMagic[0] || bytes[1] !== gzipMagic[1]) {
    throw damaged();
  }
  // An honest trailer refuses a package too large to read before a byte is inflated; a lying one is stopped below.
  if (declaredUnpackedBytes(bytes) > largestUnpackedPackageBytes) {
    throw tooLargeToRead();
  }
  let unpacked: Buffer;
  try {
    // Inflated into one buffer of the size the trailer gives, where the package is honest about it (as ECF Desk's own
    // are): in pieces, joined at the end, it would be held twice over for a moment.
    unpacked = gunzipSync(bytes, {
      maxOutputLength: largestUnpackedPackageBytes,
      chunkSize: Math.max(zlibConstants.Z_DEFAULT_CHUNK, declaredUnpackedBytes(bytes) + 1),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLargeToRead();
    }
    throw damaged();
  }
  return unpacked.toString('utf8');
}

/** The base64 length of `byteLength` bytes (RFC 4648 §4: four characters for every three bytes, padded). */
function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

/** Writes the package for one draft. The outbox state stays behind: the other desktop files it afresh. */
export function writeDraftPackage(
  draft: Draft,
  documents: readonly { record: DocumentRecord; bytes: Uint8Array }[],
  now: Date,
): Uint8Array {
  const body = {
    format: 'ecf-desk-draft',
    version: 1,
    exportedAt: now.toISOString(),
    draft: { ...draft, outbox: null },
    documents: documents.map(({ record }) => ({
      id: record.id,
      name: record.name,
      sha256: record.sha256,
      preflight: record.preflight,
      content: '',
    })),
  };
  // Measured before the documents are encoded: a package too large to import is never built.
  const contentBytes = documents.reduce((total, { bytes }) => total + base64Length(bytes.byteLength), 0);
  if (Buffer.byteLength(JSON.stringify(body)) + contentBytes > largestUnpackedPackageBytes) {
    const documentMegabytes = Math.ceil(documents.reduce((total, { bytes }) => total + bytes.byteLength, 0) / megabyte);
    throw new AppError(
      'package.too-large',
      `This draft's documents come to ${documentMegabytes} MB, more than one package can carry (about ${Math.round((largestUnpackedPackageBytes * 0.75) / megabyte)} MB). ` +
        "Split the largest documents into parts under the court's 50 MB limit, or hand the largest ones over separately, then export again.",
    );
  }
  body.documents = body.documents.map((document, index) => ({
    ...document,
    content: Buffer.from(documents[index]?.bytes ?? new Uint8Array()).toString('base64'),
  }));
  return new Uint8Array(gzipSync(JSON.stringify(body)));
}

/** The package's JSON, checked against its schema; the unpacked text is let go as soon as it is parsed. */
function parsePackage(bytes: Uint8Array): z.infer<typeof packageSchema> {
  try {
    return packageSchema.parse(JSON.parse(unpack(bytes)));
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw damaged();
  }
}

/**
 * Reads a package, refusing it whole if it is too large to read, damaged, names a document in a way that could
 * disguise it, or holds a document whose bytes do not match the SHA-256 it was exported with. A pure function of the
 * bytes: it touches nothing else, so it may run wherever its caller chooses.
 */
export function readDraftPackage(bytes: Uint8Array): { draft: Draft; documents: PackagedDocument[] } {
  const parsed = parsePackage(bytes);
  for (const document of parsed.documents) {
    const problem = findFileNameProblem(document.name);
    if (problem !== null) {
      throw damaged(
        `The name of "${showFileNameSafely(document.name)}" in this package ${problem}, so nothing was imported. Ask for the document to be renamed in ECF Desk and the draft exported again.`,
      );
    }
  }
  const documents = parsed.documents.map((document) => {
    const content = Buffer.from(document.content, 'base64');
    // Each document's text is let go once its bytes are read: the package is never held twice over.
    document.content = '';
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== document.sha256) {
      throw damaged(
        `"${document.name}" in this package is not the document that was exported (its SHA-256 differs). Nothing was imported; ask for the draft to be exported again.`,
      );
    }
    return { id: document.id, name: document.name, sha256, bytes: content };
  });
  const known = new Set(documents.map((document) => document.id));
  const missing = parsed.draft.documents.filter((document) => !known.has(document.documentId));
  if (missing.length > 0) {
    throw damaged(
      'This package lacks some of its draft’s documents, so nothing was imported. Ask for the draft to be exported again.',
    );
  }
  return { draft: parsed.draft, documents };
}
