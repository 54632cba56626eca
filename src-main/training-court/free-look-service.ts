import type Database from 'better-sqlite3';
import type { CourtRecords, DocketEntryRecord, DocumentRecord } from './court-records';
import { documentFeeCents } from './fees';
import type { CourtSession } from './login-service';

/** A `/doc1/<id>` request, read from its query (docs/court-rules.md#notice-format). */
export interface DocumentRequest {
  readonly docId: string;
  readonly caseId: number | null;
  readonly deSeqNum: number | null;
  readonly magicNum: string | null;
  /** `use_magic=1`: skip the "verify free look" page (juriscraper#663). */
  readonly useMagic: boolean;
  /** The document itself rather than the entry's document selection menu. */
  readonly selectsDocument: boolean;
  /** The user saw the price on the receipt page and chose to view (and pay). */
  readonly hasAcceptedReceipt: boolean;
}

/** What the court answers to a document request. */
export type DocumentAnswer =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'selection'; readonly entry: DocketEntryRecord }
  | { readonly kind: 'confirm-free-look'; readonly document: DocumentRecord }
  | { readonly kind: 'free'; readonly document: DocumentRecord }
  | { readonly kind: 'login-required'; readonly reason: 'no-free-look' | 'used' | 'expired' | 'restricted' }
  | { readonly kind: 'not-authorized' }
  | { readonly kind: 'receipt'; readonly document: DocumentRecord; readonly cents: number }
  | { readonly kind: 'paid'; readonly document: DocumentRecord; readonly cents: number };

interface MagicRow {
  magic_num: string;
  case_id: number;
  de_seq_num: number;
  verifies_free_look: number;
  expires_at: number;
}

/** One free look per document per magic number, then login and fees ($0.10 a page, $3.00 cap). */
export function createFreeLookService(options: { db: Database.Database; records: CourtRecords; now: () => number }) {
  const { db, records, now } = options;

  const charge = (session: CourtSession, document: DocumentRecord, entry: DocketEntryRecord): number => {
    const cents = documentFeeCents(document.pages);
    db.prepare(
      "INSERT INTO fee_ledger (login_id, client_code, at, kind, description, billable_pages, cents) VALUES (?, ?, ?, 'document', ?, ?, ?)",
    ).run(
      session.loginId,
      session.clientCode,
      now(),
      `Case ${entry.caseId} entry ${entry.deSeqNum}: ${document.description}`,
      Math.min(document.pages, 30),
      cents,
    );
    return cents;
  };

  const freeLook = (
    request: DocumentRequest,
    entry: DocketEntryRecord,
    document: DocumentRecord,
  ): DocumentAnswer | null => {
    if (request.magicNum === null || !/^\d+$/.test(request.magicNum)) {
      return null;
    }
    const magic = db.prepare('SELECT * FROM magic_links WHERE magic_num = ?').get(request.magicNum) as
      MagicRow | undefined;
    if (!magic || magic.case_id !== entry.caseId || magic.de_seq_num !== entry.deSeqNum) {
      return null;
    }
    // Sealed and restricted documents ask for a login even through a fresh link.
    if (entry.isRestricted) {
      return { kind: 'login-required', reason: 'restricted' };
    }
    if (magic.expires_at <= now()) {
      return { kind: 'login-required', reason: 'expired' };
    }
    const used = db
      .prepare('SELECT 1 FROM magic_uses WHERE magic_num = ? AND doc_id = ?')
      .get(magic.magic_num, document.docId);
    if (used) {
      return { kind: 'login-required', reason: 'used' };
    }
    if (magic.verifies_free_look && !request.useMagic) {
      return { kind: 'confirm-free-look', document };
    }
    db.prepare('INSERT INTO magic_uses VALUES (?, ?, ?)').run(magic.magic_num, document.docId, now());
    return { kind: 'free', document };
  };

  return {
    answer(request: DocumentRequest, session: CourtSession | null): DocumentAnswer {
      const entry = records.entryOfDocument(request.docId);
      const document = entry?.documents.find((candidate) => candidate.docId === request.docId);
      if (!entry || !document) {
        return { kind: 'not-found' };
      }
      if (
        (request.caseId !== null && request.caseId !== entry.caseId) ||
        (request.deSeqNum !== null && request.deSeqNum !== entry.deSeqNum)
      ) {
        return { kind: 'not-found' };
      }
      // The main document's link opens the entry's document menu when it has attachments.
      if (document.position === 0 && entry.documents.length > 1 && !request.selectsDocument) {
        return { kind: 'selection', entry };
      }
      const viaMagic = freeLook(request, entry, document);
      if (viaMagic && viaMagic.kind !== 'login-required') {
        return viaMagic;
      }
      if (session === null) {
        return viaMagic ?? { kind: 'login-required', reason: 'no-free-look' };
      }
      if (entry.isRestricted && session.kind !== 'confidential-filer') {
        return { kind: 'not-authorized' };
      }
      if (!request.hasAcceptedReceipt) {
        return { kind: 'receipt', document, cents: documentFeeCents(document.pages) };
      }
      return { kind: 'paid', document, cents: charge(session, document, entry) };
    },

    /** The fee ledger of one account, oldest first. */
    ledger(loginId: string): {
      entries: {
        at: number;
        kind: string;
        description: string;
        billablePages: number;
        cents: number;
        clientCode: string | null;
      }[];
      totalCents: number;
    } {
      const entries = (
        db
          .prepare(
            'SELECT at, kind, description, billable_pages, cents, client_code FROM fee_ledger WHERE login_id = ? ORDER BY id',
          )
          .all(loginId) as {
          at: number;
          kind: string;
          description: string;
          billable_pages: number;
          cents: number;
          client_code: string | null;
        }[]
      ).map((row) => ({
        at: row.at,
        kind: row.kind,
        description: row.description,
        billablePages: row.billable_pages,
        cents: row.cents,
        clientCode: row.client_code,
      }));
      return { entries, totalCents: entries.reduce((sum, entry) => sum + entry.cents, 0) };
    },

    /** Charges a docket report to the account (billed by its HTML size, capped like a document). */
    chargeDocketReport(session: CourtSession, caseId: number, billablePages: number, cents: number): void {
      db.prepare(
        "INSERT INTO fee_ledger (login_id, client_code, at, kind, description, billable_pages, cents) VALUES (?, ?, ?, 'docket-report', ?, ?, ?)",
      ).run(session.loginId, session.clientCode, now(), `Docket report, case ${caseId}`, billablePages, cents);
    },
  };
}

/** Free looks and fees. */
export type FreeLookService = ReturnType<typeof createFreeLookService>;
