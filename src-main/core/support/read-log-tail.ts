import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The most of a log's end read to find its last lines: a log of runaway lines must not fill the bundle. */
const maxTailBytes = 4 * 1024 * 1024;

/** The end of a log file: its last lines, how large the whole file is, and whether earlier lines were left out. */
export interface LogTail {
  readonly totalBytes: number;
  readonly lines: readonly string[];
  readonly isShortened: boolean;
}

/**
 * Reads the last `count` lines of a text file without reading all of it (the app log is never rotated).
 * A missing file is null; the first, partial line of a window that starts mid-file is dropped.
 */
export function readLogTail(file: string, count: number): LogTail | null {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const totalBytes = fstatSync(descriptor).size;
    const start = Math.max(0, totalBytes - maxTailBytes);
    const buffer = Buffer.alloc(totalBytes - start);
    readSync(descriptor, buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) {
      lines.shift();
    }
    if (lines.at(-1) === '') {
      lines.pop();
    }
    const kept = lines.slice(-count);
    return { totalBytes, lines: kept, isShortened: start > 0 || kept.length < lines.length };
  } finally {
    closeSync(descriptor);
  }
}
