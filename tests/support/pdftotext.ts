import { execFileSync } from 'node:child_process';

/**
 * The text poppler's `pdftotext` reads from the bytes (layout kept, so each line stays a line). CI installs
 * poppler-utils; without it the test fails and says so.
 */
export function pdftotext(bytes: Uint8Array): string {
  try {
    return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext is not installed: these tests read PDFs with it (apt-get install poppler-utils).', {
        cause: error,
      });
    }
    throw error;
  }
}
