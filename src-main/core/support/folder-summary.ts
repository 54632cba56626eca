import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** How many files a folder holds and their total size; never what is in them. */
export interface FolderSummary {
  readonly exists: boolean;
  readonly files: number;
  readonly bytes: number;
}

/** Counts the files under a folder (all depths) and adds up their sizes, reading no file's content. */
export function summarizeFolder(folder: string): FolderSummary {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch {
    return { exists: false, files: 0, bytes: 0 };
  }
  let files = 0;
  let bytes = 0;
  for (const name of names) {
    try {
      const stats = statSync(path.join(folder, name));
      if (!stats.isFile()) {
        continue;
      }
      files += 1;
      bytes += stats.size;
    } catch {
      // A file removed while it was being counted is simply not counted.
    }
  }
  return { exists: true, files, bytes };
}
