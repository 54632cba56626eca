import type { PDFContext } from '@cantoo/pdf-lib';

/** How far one document's compressed streams may expand when ECF Desk decompresses them. */
export interface DecodeLimits {
  /** The most one stream may decode to, in bytes. */
  readonly streamBytes: number;
  /** The most all of a document's streams may decode to together, in bytes. */
  readonly documentBytes: number;
}

const mebibyte = 1024 * 1024;

/**
 * A real page's content stream is kilobytes to a few megabytes; the largest stream a filing holds is a page
 * scanned at 600 dpi in colour, 101 MB decoded for a letter page and 128 MB for a legal one. A stream may decode
 * to twice that. A whole document may decode to 1 GiB: the 4,540-page, 55 MB benchmark filing decodes to 56 MB
 * in all, and a file at the court's 50 MB limit made only of text and drawings compressed tenfold to 500 MB,
 * while a few megabytes of Deflate data can claim gigabytes (it multiplies up to 1,032 times, and chained
 * filters multiply again). Decoded bytes live outside the JavaScript heap, so the worker's heap limit does not
 * hold them: these limits do.
 */
export const decodeLimits: DecodeLimits = { streamBytes: 256 * mebibyte, documentBytes: 1024 * mebibyte };

/** Which limit a document went over. */
export interface DecodeOverrun {
  readonly limit: 'stream' | 'document';
  readonly limitBytes: number;
}

/**
 * What one document has spent of its decoding allowance. Every decompression of the document's data asks it
 * how much it may produce and reports what it did produce. Once a limit is hit the budget is spent for good:
 * nothing more of the document is decoded, and the overrun stays on record so the document can never be
 * reported as fully checked.
 */
export class DecodeBudget {
  private spentBytes = 0;
  private firstOverrun: DecodeOverrun | null = null;

  constructor(readonly limits: DecodeLimits = decodeLimits) {}

  /** How many bytes the next stream may decode to; 0 once a limit has been hit. */
  get allowance(): number {
    if (this.firstOverrun !== null) {
      return 0;
    }
    return Math.max(0, Math.min(this.limits.streamBytes, this.limits.documentBytes - this.spentBytes));
  }

  /** Bytes decoded so far. */
  get spent(): number {
    return this.spentBytes;
  }

  /** The first limit the document went over, or null. */
  get overrun(): DecodeOverrun | null {
    return this.firstOverrun;
  }

  /** Counts `bytes` of decoded output. */
  spend(bytes: number): void {
    this.spentBytes += bytes;
  }

  /** Records that a stream would have decoded to more than `allowance` (what `allowance` was when it started). */
  recordOverrun(allowance: number): void {
    if (this.firstOverrun !== null) {
      return;
    }
    this.firstOverrun =
      allowance >= this.limits.streamBytes
        ? { limit: 'stream', limitBytes: this.limits.streamBytes }
        : { limit: 'document', limitBytes: this.limits.documentBytes };
  }

  /** Takes over what another budget spent and any overrun it recorded (a parse that ran before this budget was attached). */
  absorb(other: DecodeBudget): void {
    if (other === this) {
      return;
    }
    this.spentBytes += other.spentBytes;
    if (this.firstOverrun === null && other.firstOverrun !== null) {
      this.firstOverrun = other.firstOverrun;
    }
  }
}

const budgetsByContext = new WeakMap<PDFContext, DecodeBudget>();

/** The budget of the document `context` belongs to; a document parsed without one gets its own, with the default limits. */
export function budgetOf(context: PDFContext): DecodeBudget {
  let budget = budgetsByContext.get(context);
  if (budget === undefined) {
    budget = new DecodeBudget();
    budgetsByContext.set(context, budget);
  }
  return budget;
}

/** Makes `budget` the one every later decompression of the document's streams counts against. */
export function attachBudget(context: PDFContext, budget: DecodeBudget): void {
  const earlier = budgetsByContext.get(context);
  if (earlier !== undefined) {
    budget.absorb(earlier);
  }
  budgetsByContext.set(context, budget);
}
