import { PDFDict, PDFInvalidObject } from '@cantoo/pdf-lib';
import { DecodeBudget } from './decode-budget';
import { loadDocument } from './load-document';
import { pageTreeLimits, readPageTree } from './page-tree';
import { describeError } from '../../../shared/describe-error';

/** How many pages an untrusted PDF has, or why that cannot be told. */
export type PageCount =
  { readonly kind: 'counted'; readonly pages: number } | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Counts the pages of an untrusted PDF with the parse and the bounded page walk preflight uses (load-document.ts,
 * page-tree.ts): every page its page list names, readable or not, each once; a file that needs a password is
 * counted without decrypting it. A file whose streams expand past the decoding limits, or whose page list loops,
 * names its pages more often than the walk's node limit or goes past the walk's limits, has no count readers
 * could agree on. With `isStrict`, neither has a file with any object that cannot be parsed.
 */
export async function countPages(bytes: Uint8Array, options: { readonly isStrict?: boolean } = {}): Promise<PageCount> {
  const budget = new DecodeBudget();
  try {
    const document = await loadDocument(bytes, budget).catch((error: unknown) => {
      // A file that needs a password still shows its page list: only its strings and streams are encrypted.
      if (error instanceof Error && error.message === 'NEEDS PASSWORD') {
        return loadDocument(bytes, budget, { isDecrypting: false });
      }
      throw error;
    });
    if (budget.overrun !== null) {
      return unreadable('it expands to far more than any filing when it is opened');
    }
    if (!(document.context.lookup(document.context.trailerInfo.Root) instanceof PDFDict)) {
      return unreadable('it has no document catalog');
    }
    if (options.isStrict === true) {
      const invalid = document.context
        .enumerateIndirectObjects()
        .find(([, object]) => object instanceof PDFInvalidObject);
      if (invalid !== undefined) {
        return unreadable(`object ${invalid[0].objectNumber} cannot be parsed`);
      }
    }
    const tree = readPageTree(document);
    if (tree.stoppedAt !== null || tree.listedPages > pageTreeLimits.nodes) {
      return unreadable('its list of pages loops, repeats itself without end or goes past what ECF Desk reads');
    }
    return { kind: 'counted', pages: tree.pageCount };
  } catch (error) {
    return unreadable(describeError(error).message);
  }
}

function unreadable(reason: string): PageCount {
  return { kind: 'unreadable', reason };
}
