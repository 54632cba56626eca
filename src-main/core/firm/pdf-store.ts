import { existsSync } from 'node:fs';
import { access, constants, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../storage/atomic-file';
import { checkedSha256, sha256Of } from '../storage/document-store';

/**
 * The firm's PDFs (every free look saved, every document a notice brings), each kept once under its SHA-256, in a
 * folder that may be a file share: `<folder>/sha256/ab/cd/abcd….pdf`. Two levels of fan-out keep each folder small
 * (65,536 of them hold millions of files). Files are written whole or not at all and never change afterwards, so a
 * backup copies only what is new. Why PDFs live here and not in the database: docs/firm-server.md#where-pdfs-are-kept.
 */
export interface FirmPdfStore {
  readonly folder: string;
  /** Keeps the bytes under their SHA-256 (once: the same bytes again change nothing) and returns it. */
  put(bytes: Uint8Array): Promise<string>;
  /** Whether a PDF with this SHA-256 is kept. */
  has(sha256: string): boolean;
  /** The kept bytes, checked against their SHA-256 (a damaged copy is refused, never served). */
  read(sha256: string): Promise<Uint8Array>;
}

/** Opens the store in `folder`, making its layout, and checks that the server may write there. */
export async function openFirmPdfStore(folder: string): Promise<FirmPdfStore> {
  const root = path.resolve(folder);
  const byHash = path.join(root, 'sha256');
  await mkdir(byHash, { recursive: true });
  await access(byHash, constants.R_OK | constants.W_OK);
  const pathOf = (sha256: string): string => {
    const name = checkedSha256(sha256);
    return path.join(byHash, name.slice(0, 2), name.slice(2, 4), `${name}.pdf`);
  };
  return {
    folder: root,
    async put(bytes) {
      const sha256 = await sha256Of(bytes);
      const file = pathOf(sha256);
      if (!existsSync(file)) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomically(file, bytes);
      }
      return sha256;
    },
    has: (sha256) => existsSync(pathOf(sha256)),
    async read(sha256) {
      const bytes = new Uint8Array(await readFile(pathOf(sha256)));
      const actual = await sha256Of(bytes);
      if (actual !== sha256) {
        throw new Error(
          `The stored PDF ${sha256} is damaged (its bytes now hash to ${actual}); restore it from a backup.`,
        );
      }
      return bytes;
    },
  };
}
