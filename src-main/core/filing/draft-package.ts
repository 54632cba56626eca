import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { documentPreflight, type DocumentRecord } from '../../shared/domain';
import { draft as draftSchema, type Draft } from '../../shared/filing';
import { AppError } from '../errors';

/** The hand-off file: a draft, its documents and their preflight reports, gzip-compressed JSON. */
const packageSchema = z.object({
  format: z.literal('ecf-desk-draft'),
  version: z.literal(1),
  exportedAt: z.string(),
  draft: draftSchema,
  documents: z.array(z.object({ id: z.string(), name: z.string().min(1).max(255), sha256: z.string().regex(/^[0-9a-f]{64}$/), preflight: documentPreflight, content: z.string() })),
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

/** A package can hold several 50 MB documents; more than this unpacked is not a draft. */
const largestUnpacked = 2 * 1024 * 1024 * 1024 - 1;

/** Writes the package for one draft. The outbox state stays behind: the other desktop files it afresh. */
export function writeDraftPackage(draft: Draft, documents: readonly { record: DocumentRecord; bytes: Uint8Array }[], now: Date): Uint8Array {
  const body = {
    format: 'ecf-desk-draft',
    version: 1,
    exportedAt: now.toISOString(),
    draft: { ...draft, outbox: null },
    documents: documents.map(({ record, bytes }) => ({ id: record.id, name: record.name, sha256: record.sha256, preflight: record.preflight, content: Buffer.from(bytes).toString('base64') })),
  };
  return new Uint8Array(gzipSync(JSON.stringify(body)));
}

/** Reads a package, refusing it whole if any document's bytes do not match the SHA-256 it was exported with. */
export function readDraftPackage(bytes: Uint8Array): { draft: Draft; documents: PackagedDocument[] } {
  let parsed: z.infer<typeof packageSchema>;
  try {
    parsed = packageSchema.parse(JSON.parse(gunzipSync(bytes, { maxOutputLength: largestUnpacked }).toString('utf8')));
  } catch {
    throw new AppError('invalid-arguments', 'This file is not an ECF Desk draft package, or it is damaged. Ask for the draft to be exported again.');
  }
  const documents = parsed.documents.map((document) => {
    const content = Buffer.from(document.content, 'base64');
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== document.sha256) {
      throw new AppError('invalid-arguments', `"${document.name}" in this package is not the document that was exported (its SHA-256 differs). Nothing was imported; ask for the draft to be exported again.`);
    }
    return { id: document.id, name: document.name, sha256, bytes: new Uint8Array(content) };
  });
  const known = new Set(documents.map((document) => document.id));
  const missing = parsed.draft.documents.filter((document) => !known.has(document.documentId));
  if (missing.length > 0) throw new AppError('invalid-arguments', 'This package lacks some of its draft’s documents. Ask for the draft to be exported again.');
  return { draft: parsed.draft, documents };
}
