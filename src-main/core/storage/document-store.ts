import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import { writeFileAtomically } from './atomic-file';

/**
 * The app's own copies of the PDFs a user added, named by their SHA-256, so a draft never depends on
 * where the original lives and the same file added twice is stored once.
 */
export interface DocumentStore {
  /** Stores the bytes under their hash; does nothing when that document is already stored. */
  put(bytes: Uint8Array, sha256: string): Promise<void>;
  /** Whether a document with this hash is stored. */
  has(sha256: string): boolean;
  /** The stored bytes of a document. */
  read(sha256: string): Promise<Uint8Array>;
  /** Where the document with this hash lives (or would live) on disk. */
  pathOf(sha256: string): string;
  /** Deletes the stored copy (nothing when there is none); the caller makes sure nothing names it any more. */
  remove(sha256: string): Promise<void>;
}

/** Large enough that hashing is fast, small enough that the app stays responsive and progress moves. */
const hashChunkBytes = 4 * 1024 * 1024;

/** A SHA-256 as the store names files: 64 lowercase hex digits and nothing that could reach another folder. */
const sha256Pattern = /^[0-9a-f]{64}$/;

/** Opens the content-addressed document store kept in `folder` (`<folder>/<sha256>.pdf`). */
export function createDocumentStore(folder: string): DocumentStore {
  const pathOf = (sha256: string): string => path.join(folder, `${checkedSha256(sha256)}.pdf`);

  return {
    async put(bytes, sha256) {
      const file = pathOf(sha256);
      const actual = await sha256Of(bytes);
      if (actual !== sha256) {
        throw new Error(`The document changed while it was being added (expected SHA-256 ${sha256}, got ${actual}).`);
      }
      if (existsSync(file)) {
        return;
      }
      await mkdir(folder, { recursive: true });
      await writeFileAtomically(file, bytes);
    },
    has(sha256) {
      return existsSync(pathOf(sha256));
    },
    async read(sha256) {
      const file = pathOf(sha256);
      try {
        return new Uint8Array(await readFile(file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new AppError(
            'document.copy-missing',
            "ECF Desk's saved copy of this document is missing, so it cannot be opened or filed. Remove it from the list and add the PDF again.",
          );
        }
        throw error;
      }
    },
    pathOf,
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

/**
 * The SHA-256 of `bytes` as lowercase hex, computed a chunk at a time with a pause for the event
 * loop between chunks, so a large PDF neither freezes the app nor hides its progress.
 */
export async function sha256Of(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<string> {
  const hash = createHash('sha256');
  for (let start = 0; start < bytes.byteLength; start += hashChunkBytes) {
    const end = Math.min(start + hashChunkBytes, bytes.byteLength);
    hash.update(bytes.subarray(start, end));
    onProgress?.(end / bytes.byteLength);
    if (end < bytes.byteLength) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (bytes.byteLength === 0) {
    onProgress?.(1);
  }
  return hash.digest('hex');
}

/** The fingerprint itself, once it is known to be one: a name that can never reach another folder. */
export function checkedSha256(sha256: string): string {
  if (!sha256Pattern.test(sha256)) {
    throw new Error(
      `Not a document fingerprint (a SHA-256 is 64 lowercase hex digits): ${JSON.stringify(sha256.slice(0, 80))}`,
    );
  }
  return sha256;
}
