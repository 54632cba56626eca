/** Why a fix could not run. Each code comes with a message written for the person filing. */
export type FixErrorCode = 'fix.needs-password' | 'fix.unreadable' | 'fix.flatten-failed' | 'fix.page-too-large';

/** A fix that could not be made: what is wrong, why, and what to do, in `message`. */
export interface FixFailure {
  readonly ok: false;
  readonly code: FixErrorCode;
  readonly message: string;
}

/** The optional removals of a clean copy; active content, attachments, media, metadata and history always go. */
export interface CleanCopyChoices {
  /** none; comments: notes, highlights, drawings and stamps (never links); all: every annotation except form fields and redaction marks. */
  readonly dropAnnotations: 'none' | 'comments' | 'all';
  /** Turn form fields into ordinary page content (NextGen CM/ECF 1.8: "Fillable PDF forms must be flattened"). */
  readonly flattenForms: boolean;
}

/** A clean copy, with a plain-language list of what it left out and notes on what it could not fix. */
export type CleanCopyResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly removed: readonly string[];
      readonly notes: readonly string[];
    }
  | FixFailure;

/** One part of a split filing: a run of whole pages of the original, as its own clean PDF. */
export interface SplitPart {
  /** "Part 1 of 3 (pages 1–120)". */
  readonly name: string;
  /** First and last page of the original in this part, 1-based. */
  readonly firstPage: number;
  readonly lastPage: number;
  readonly bytes: Uint8Array;
}

/** The parts of a split filing, in page order, each within the court's limit. */
export type SplitResult = { readonly ok: true; readonly parts: readonly SplitPart[] } | FixFailure;
