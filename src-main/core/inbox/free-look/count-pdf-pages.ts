import { countPages } from '../../preflight/parse/count-pages';

/**
 * The number of pages of a PDF the court sent, or null when it cannot be read. The count tells the user what
 * viewing it again would cost ($0.10 a page, court fee schedule); the bytes are kept either way. It runs in the
 * app's own process, so it reads the file with the same bounded parse and page walk as preflight.
 */
export async function countPdfPages(bytes: Uint8Array): Promise<number | null> {
  const count = await countPages(bytes);
  return count.kind === 'counted' ? count.pages : null;
}
