import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import {
  recordEntry,
  recordFacts,
  chainStart,
  type FilingRecord,
  type RecordEntry,
  type RecordFacts,
  type RecordVerdict,
} from '../../shared/filing-record';
import type { Clock } from '../ports';
import { canonicalJson, entryHash, recordSeal, verifyEntries } from './record-chain';

/** What the journal needs: the database (migration 0008's `filing_journal`), the clock and who runs the app. */
export interface FilingJournalOptions {
  readonly database: Database.Database;
  readonly clock: Clock;
  readonly osUser: string;
}

/** The operating-system user running ECF Desk, as the record names them; 'unknown' where the OS does not say. */
export function currentOsUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The filing record, kept in `filing_journal` (docs/architecture.md#the-filing-record): each filing's entries chained by
 * SHA-256, only ever appended (the table's triggers refuse an update or a delete).
 */
export function createFilingJournal(options: FilingJournalOptions) {
  const db = options.database;
  const lastOf = db.prepare('SELECT entry, hash FROM filing_journal WHERE draft_id = ? ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO filing_journal (draft_id, entry, hash, previous_hash) VALUES (?, ?, ?, ?)');
  const rowsOf = db.prepare('SELECT entry FROM filing_journal WHERE draft_id = ? ORDER BY seq');

  // IMMEDIATE takes the write lock before reading the last entry, so two appends (from two windows or two hosts on
  // the same data folder) cannot both follow the same entry and fork the chain.
  const appendInOrder = db.transaction((draftId: string, facts: RecordFacts): RecordEntry => {
    const last = lastOf.get(draftId) as { entry: string; hash: string } | undefined;
    const lastIndex = last ? Number((JSON.parse(last.entry) as { index?: unknown }).index) : 0;
    const unhashed = {
      ...facts,
      index: (Number.isInteger(lastIndex) ? lastIndex : 0) + 1,
      draftId,
      at: options.clock.now().toISOString(),
      osUser: options.osUser,
      previousHash: last?.hash ?? chainStart,
    };
    const entry: RecordEntry = { ...unhashed, hash: entryHash(unhashed) };
    insert.run(draftId, canonicalJson(entry), entry.hash, entry.previousHash);
    return entry;
  });

  const storedRows = (draftId: string): unknown[] =>
    (rowsOf.all(draftId) as { entry: string }[]).map((row) => JSON.parse(row.entry) as unknown);

  return {
    /** Records one action on a filing; the facts are checked against their bounds first. */
    append(draftId: string, facts: RecordFacts): RecordEntry {
      return appendInOrder.immediate(draftId, recordFacts.parse(facts));
    },
    /** A filing's entries, oldest first (an entry that no longer reads as one is left out; `verifyStored` names it). */
    entries(draftId: string): RecordEntry[] {
      return storedRows(draftId).flatMap((row) => {
        const parsed = recordEntry.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    /** Checks the chain as stored in the database. */
    verifyStored(draftId: string): RecordVerdict {
      return verifyEntries(storedRows(draftId), draftId);
    },
    /** The record as a file anyone can check with `ecf-desk audit verify`. */
    exportRecord(draftId: string, about: { readonly court: string; readonly caseNumber: string | null }): FilingRecord {
      const entries = storedRows(draftId) as RecordEntry[];
      const last = entries.at(-1);
      const unsealed = {
        format: 'ecf-desk-filing-record' as const,
        version: 1 as const,
        draftId,
        court: about.court,
        caseNumber: about.caseNumber,
        exportedAt: options.clock.now().toISOString(),
        entries,
        count: entries.length,
        headHash: last?.hash ?? chainStart,
      };
      return { ...unsealed, seal: recordSeal(unsealed) };
    },
  };
}

/** The filing record. */
export type FilingJournal = ReturnType<typeof createFilingJournal>;
