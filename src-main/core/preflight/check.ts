import type { PDFDocument } from '@cantoo/pdf-lib';
import type { Finding } from '../../shared/preflight';
import type { DocumentCensus } from './document-census';
import type { DecodeBudget } from './parse/decode-budget';
import type { PageTree } from './parse/page-tree';
import type { StructureAudit } from './structure-audit';

/** What a court profile tells preflight. */
export interface PreflightOptions {
  /** The court's per-file limit in bytes (the CIT's is 50 MB). */
  readonly limitBytes: number;
  /** Whether this court rejects fillable forms (then `forms` blocks instead of warning). */
  readonly formsMustBeFlattened: boolean;
  /**
   * The firm's names as its filings' signers give them (plain strings, so they travel to the child process): metadata
   * naming only the firm is information, not a warning (docs/court-rules.md#metadata). Empty when none is known.
   */
  readonly firmNames: readonly string[];
}

/**
 * The CIT's profile: 50 MB per file (FAQ 48), read as 50,000,000 bytes, the smaller reading, so a file
 * preflight passes is never over the court's limit whichever megabyte it means; forms are a warning.
 */
export const citPreflightOptions: PreflightOptions = {
  limitBytes: 50 * 1000 * 1000,
  formsMustBeFlattened: false,
  firmNames: [],
};

/** One document as every check sees it: the raw bytes, and the parsed document when it could be parsed. */
export interface InspectedPdf {
  readonly bytes: Uint8Array;
  readonly options: PreflightOptions;
  /** Parsed with @cantoo/pdf-lib (decrypted with the empty password where that opens it); null when it cannot be parsed. */
  readonly document: PDFDocument | null;
  /** Why parsing failed, in plain words; null when it did not. */
  readonly loadError: string | null;
  /** The byte-level skeleton: header, end-of-file markers, cross-reference chain, what needed repair. */
  readonly structure: StructureAudit;
  /** none; opens-without-password: encrypted with restrictions only (owner password); needs-password: a user password. */
  readonly encryption: 'none' | 'opens-without-password' | 'needs-password';
  /**
   * The pages as one bounded walk of the page tree found them, with what was odd about it; null when the document could
   * not be parsed. A file that needs a password has its page list read without decrypting (its `document` stays null).
   */
  readonly pageTree: PageTree | null;
  /** Every dictionary, page and annotation, gathered in one walk; null when the document could not be parsed. */
  readonly census: DocumentCensus | null;
  /** How much decompressing the document's streams has cost so far, and whether it went over a limit; checks that decode add to it. */
  readonly decodeBudget: DecodeBudget;
}

/**
 * A check: one file in `checks/`, one function from the inspected document to its findings (none when clean); a
 * check that must render part of a page answers with a promise.
 */
export type Check = (pdf: InspectedPdf) => Finding[] | Promise<Finding[]>;
