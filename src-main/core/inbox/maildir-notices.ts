import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NoticeParser } from './notice-reading';

/** One docket entry a notice announced. */
export interface NoticedEntry {
  readonly caseId: number;
  readonly deSeqNum: number;
}

/**
 * The notices in a Maildir tree (`<root>/<address>/Maildir/{new,cur}`, as the training court delivers them), each
 * file read once, by `parser` (in a child process in the app). The outbox uses it to learn that a submitted filing's NEF
 * has arrived (FAQ 28).
 */
export function createMaildirNotices(root: string, parser: NoticeParser) {
  const seen = new Set<string>();

  const files = (): string[] => {
    let addresses: string[];
    try {
      addresses = readdirSync(root);
    } catch {
      return [];
    }
    return addresses.flatMap((address) =>
      ['new', 'cur'].flatMap((folder) => {
        const full = path.join(root, address, 'Maildir', folder);
        try {
          return readdirSync(full).map((name) => path.join(full, name));
        } catch {
          return [];
        }
      }),
    );
  };

  return {
    /** The entries announced by notices that arrived since the last call. */
    async newEntries(): Promise<NoticedEntry[]> {
      const entries: NoticedEntry[] = [];
      for (const file of files()) {
        // Maildir moves a read message from new/ to cur/ with flags added: the unique part before ':' names it.
        const key = path.basename(file).split(':')[0] ?? file;
        if (seen.has(key)) continue;
        seen.add(key);
        const reading = await parser.parse(readFileSync(file));
        if (reading.kind !== 'read' || reading.notice.kind !== 'nef') continue;
        for (const docket of reading.notice.dockets) {
          if (docket.caseId && docket.deSeqNum)
            entries.push({ caseId: Number(docket.caseId), deSeqNum: Number(docket.deSeqNum) });
        }
      }
      return entries;
    },
  };
}
