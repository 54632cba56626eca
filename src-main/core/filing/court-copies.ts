import type { CourtCopyCheck, OutboxStatus } from '../../shared/filing';

/** A document of a filed entry as the inbox saved it from the NEF's free look (FAQ 46). */
export interface SavedCourtCopy {
  /** The NEF's document number: '0' the main document, '1'… the attachments in order. */
  readonly number: string;
  readonly description: string;
  readonly sha256: string;
  /** The NEF's electronic document stamp for it, as printed, or null. */
  readonly stamp: string | null;
}

/** The documents the inbox saved for one docket entry, announced once none is left to fetch. */
export interface SavedEntryCopies {
  readonly caseId: number;
  readonly deSeqNum: number;
  readonly documents: readonly SavedCourtCopy[];
}

/**
 * Compares each saved court copy with the document sent in its place: the main document is the first sent, the
 * attachments follow in order (the NEF's FileNumber "-0" is the main document). A court may stamp a header on the
 * copies it serves, so a mismatch is recorded as such with both hashes, never hidden or explained away.
 */
export function compareCourtCopies(
  sent: OutboxStatus['sentDocuments'],
  saved: readonly SavedCourtCopy[],
  checkedAt: Date,
): CourtCopyCheck[] {
  return [...saved]
    .sort((a, b) => Number(a.number) - Number(b.number))
    .map((copy) => {
      const position = Number(copy.number);
      const original = Number.isInteger(position) ? sent[position] : undefined;
      return {
        name: original?.name ?? copy.description,
        sentSha256: original?.sha256 ?? null,
        courtSha256: copy.sha256,
        matches: original?.sha256 === copy.sha256,
        stamp: copy.stamp,
        checkedAt: checkedAt.toISOString(),
      };
    });
}

/** The same documents with the same hashes were checked already (a notice sent again saves nothing new). */
export function isSameCheck(previous: readonly CourtCopyCheck[], next: readonly CourtCopyCheck[]): boolean {
  return (
    previous.length === next.length &&
    previous.every((check, index) => check.name === next[index]?.name && check.courtSha256 === next[index]?.courtSha256)
  );
}

/** What the record says about one check, in plain words. */
export function describeCourtCopies(checks: readonly CourtCopyCheck[]): string {
  return checks
    .map((check) =>
      check.matches
        ? `The court's copy of ${check.name} matches what was sent (SHA-256 ${check.courtSha256}).`
        : `The court's copy of ${check.name} differs from what was sent: sent ${check.sentSha256 ?? 'nothing in this place'}, the court's copy ${check.courtSha256}. A court may stamp a header on the copies it serves; open both and compare.`,
    )
    .join(' ');
}
