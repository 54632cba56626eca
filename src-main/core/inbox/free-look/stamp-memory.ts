import type { DocumentStamp, ParsedNotice } from '../nef/notice-types';

/** How many entries' stamps are kept at most (the oldest go first); a stamp missing is shown as none, never guessed. */
const maxEntries = 500;

/** A stamp as the NEF prints it: `[STAMP dcecfStamp_ID=… [Date=…] [FileNumber=…] […]]`. */
export function formatStamp(stamp: DocumentStamp): string {
  const parts = [
    stamp.date === null ? null : `[Date=${stamp.date}]`,
    stamp.fileNumber === null ? null : `[FileNumber=${stamp.fileNumber}]`,
    stamp.hash === null ? null : `[${stamp.hash}]`,
  ].filter((part) => part !== null);
  return `[STAMP ${stamp.kind}Stamp_ID=${stamp.stampId}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}]`.slice(
    0,
    1_000,
  );
}

/**
 * The electronic document stamps of each new notice's entry, kept in memory from the moment the notice is read until
 * its free-look documents are saved, so the comparison with what was filed (FAQ 46) can show them. The notice's lead
 * entry carries the documents (docs/court-rules.md#free-looks); a restart in between leaves those stamps out.
 */
export function createStampMemory() {
  const byEntry = new Map<string, Map<string, string>>();
  const keyOf = (caseId: string | null, deSeqNum: string | null): string => `${caseId ?? ''}/${deSeqNum ?? ''}`;
  return {
    remember(notice: ParsedNotice): void {
      const lead = notice.dockets[0];
      if (!lead?.caseId || !lead.deSeqNum) {
        return;
      }
      const stamps = new Map<string, string>();
      for (const attachment of notice.attachments) {
        if (attachment.stamp) {
          stamps.set(attachment.number, formatStamp(attachment.stamp));
        }
      }
      const key = keyOf(lead.caseId, lead.deSeqNum);
      byEntry.delete(key);
      byEntry.set(key, stamps);
      while (byEntry.size > maxEntries) {
        const oldest = byEntry.keys().next().value;
        if (oldest === undefined) {
          break;
        }
        byEntry.delete(oldest);
      }
    },
    /** The stamp of one document of an entry, or null when the notice printed none (or it was read before a restart). */
    stampOf(caseId: string | null, deSeqNum: string | null, number: string): string | null {
      return byEntry.get(keyOf(caseId, deSeqNum))?.get(number) ?? null;
    },
  };
}
