import type Database from 'better-sqlite3';
import type { SeedAttorney, SeedParty } from './seed';

/** A case as the court's pages show it. */
export interface CourtCaseRecord {
  readonly caseId: number;
  readonly caseNumber: string;
  readonly judgeInitials: readonly string[];
  readonly caption: string;
  readonly filedOn: string;
}

/** One docket entry with its documents. */
export interface DocketEntryRecord {
  readonly caseId: number;
  readonly deSeqNum: number;
  readonly documentNumber: number | null;
  readonly eventId: string;
  readonly shortDescription: string;
  readonly docketText: string;
  readonly filer: string;
  readonly enteredBy: string;
  readonly enteredAt: number;
  readonly isRestricted: boolean;
  readonly filingId: string | null;
  readonly documents: readonly DocumentRecord[];
}

/** One filed PDF (main document at position 0, attachments after). */
export interface DocumentRecord {
  readonly docId: string;
  readonly position: number;
  readonly description: string;
  readonly originalFilename: string;
  readonly pages: number;
  readonly byteLength: number;
  readonly sha256: string;
  readonly stampId: string;
  readonly fileNumber: string;
  readonly stampDigest: string;
}

interface CaseRow {
  case_id: number;
  case_number: string;
  judge_initials: string;
  caption: string;
  filed_on: string;
}

function toCase(row: CaseRow): CourtCaseRecord {
  return {
    caseId: row.case_id,
    caseNumber: row.case_number,
    judgeInitials: JSON.parse(row.judge_initials) as string[],
    caption: row.caption,
    filedOn: row.filed_on,
  };
}

/**
 * Reads a case number the ways people type it — `1:26-cv-00123`, `26-00123`, `Court No. 26-00123`, `26-cv-123` —
 * as { year, number }, or null.
 */
export function readCaseNumber(text: string): { year: number; number: number } | null {
  const match = /(?:^|[^\d])(?:\d:)?(\d{2})-(?:[a-z]{2}-)?(\d{1,5})(?:-[a-z]{2,3})*\s*$/i.exec(
    text.trim().replace(/^court\s+no\.?\s*/i, ''),
  );
  if (!match) {
    return null;
  }
  return { year: Number(match[1]), number: Number(match[2]) };
}

/** Read access to the court's cases, parties, attorneys and docket. */
export function createCourtRecords(db: Database.Database) {
  const documentsOf = (caseId: number, deSeqNum: number): DocumentRecord[] =>
    (
      db
        .prepare('SELECT * FROM documents WHERE case_id = ? AND de_seq_num = ? ORDER BY position')
        .all(caseId, deSeqNum) as Record<string, string | number>[]
    ).map((row) => ({
      docId: String(row['doc_id']),
      position: Number(row['position']),
      description: String(row['description']),
      originalFilename: String(row['original_filename']),
      pages: Number(row['pages']),
      byteLength: Number(row['byte_length']),
      sha256: String(row['sha256']),
      stampId: String(row['stamp_id']),
      fileNumber: String(row['file_number']),
      stampDigest: String(row['stamp_digest']),
    }));

  const toEntry = (row: Record<string, string | number | null>): DocketEntryRecord => ({
    caseId: Number(row['case_id']),
    deSeqNum: Number(row['de_seq_num']),
    documentNumber: row['document_number'] === null ? null : Number(row['document_number']),
    eventId: String(row['event_id']),
    shortDescription: String(row['short_description']),
    docketText: String(row['docket_text']),
    filer: String(row['filer']),
    enteredBy: String(row['entered_by']),
    enteredAt: Number(row['entered_at']),
    isRestricted: row['is_restricted'] === 1,
    filingId: row['filing_id'] === null ? null : String(row['filing_id']),
    documents: documentsOf(Number(row['case_id']), Number(row['de_seq_num'])),
  });

  return {
    caseById(caseId: number): CourtCaseRecord | null {
      const row = db.prepare('SELECT * FROM cases WHERE case_id = ?').get(caseId) as CaseRow | undefined;
      return row ? toCase(row) : null;
    },
    /** Cases whose number matches (any accepted form) or whose caption contains the words. */
    searchCases(query: string): CourtCaseRecord[] {
      const rows = (db.prepare('SELECT * FROM cases ORDER BY case_number').all() as CaseRow[]).map(toCase);
      const number = readCaseNumber(query);
      if (number) {
        return rows.filter((row) => {
          const own = readCaseNumber(row.caseNumber);
          return own?.year === number.year && own.number === number.number;
        });
      }
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return words.length === 0
        ? rows
        : rows.filter((row) => words.every((word) => row.caption.toLowerCase().includes(word)));
    },
    partiesOf(caseId: number): SeedParty[] {
      return (
        db.prepare('SELECT * FROM parties WHERE case_id = ? ORDER BY rowid').all(caseId) as Record<string, string>[]
      ).map((row) => ({
        id: String(row['id']),
        name: String(row['name']),
        role: String(row['role']),
        attorneyIds: JSON.parse(String(row['attorney_ids'])) as string[],
        proSe: row['pro_se'] ? (JSON.parse(String(row['pro_se'])) as SeedParty['proSe']) : null,
      }));
    },
    attorney(id: string): SeedAttorney | null {
      const row = db.prepare('SELECT * FROM attorneys WHERE id = ?').get(id) as
        Record<string, string | number> | undefined;
      if (!row) {
        return null;
      }
      return {
        id: String(row['id']),
        name: String(row['name']),
        firm: String(row['firm']),
        email: String(row['email']),
        secondaryEmails: JSON.parse(String(row['secondary_emails'])) as string[],
        isRegisteredForEService: row['is_registered'] === 1,
        verifiesFreeLook: row['verifies_free_look'] === 1,
        addressLines: JSON.parse(String(row['address_lines'])) as string[],
      };
    },
    docket(caseId: number): DocketEntryRecord[] {
      return (
        db.prepare('SELECT * FROM docket_entries WHERE case_id = ? ORDER BY de_seq_num').all(caseId) as Record<
          string,
          string | number | null
        >[]
      ).map(toEntry);
    },
    entry(caseId: number, deSeqNum: number): DocketEntryRecord | null {
      const row = db
        .prepare('SELECT * FROM docket_entries WHERE case_id = ? AND de_seq_num = ?')
        .get(caseId, deSeqNum) as Record<string, string | number | null> | undefined;
      return row ? toEntry(row) : null;
    },
    /** The entry that holds a document, found by the document's id. */
    entryOfDocument(docId: string): DocketEntryRecord | null {
      const row = db.prepare('SELECT case_id, de_seq_num FROM documents WHERE doc_id = ?').get(docId) as
        { case_id: number; de_seq_num: number } | undefined;
      return row ? this.entry(row.case_id, row.de_seq_num) : null;
    },
    entryCount(): number {
      return (db.prepare('SELECT count(*) AS n FROM docket_entries').get() as { n: number }).n;
    },
  };
}

/** Read access to the court's records. */
export type CourtRecords = ReturnType<typeof createCourtRecords>;
