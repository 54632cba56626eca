import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { countPages } from '../core/preflight/parse/count-pages';
import { findDocketEvent } from '../shared/cit-event-catalog';
import { nextCounter } from './court-database';
import type { CourtRecords, DocketEntryRecord } from './court-records';
import type { CourtSession } from './login-service';
import { newActionOf, openCase, recordedPartyId, type NewActionForm } from './new-action';
import type { SeedParty } from './seed';
import { screenUpload } from './upload-rules';

/** Why a filing step was refused; `message` is what CM/ECF would print. */
export interface FilingRefusal {
  readonly refused:
    | 'may-not-file'
    | 'no-such-case'
    | 'no-such-event'
    | 'no-such-filing'
    | 'not-a-party'
    | 'upload-rejected'
    | 'missing-main-document'
    | 'related-document-required'
    | 'no-such-related-document'
    | 'step-out-of-order'
    | 'already-submitted'
    | 'opens-new-action'
    | 'not-an-opening-event';
  readonly message: string;
  /** For `already-submitted`: the entry the earlier submit created. */
  readonly deSeqNum?: number;
}

/** One uploaded file of a filing, before it is committed. */
export interface UploadedDocument {
  readonly filename: string;
  readonly description: string;
  readonly bytes: Uint8Array;
  /** USCIT Rule 3(a): the complaint filed with the summons, docketed as its own entry after it. */
  readonly isComplaint?: boolean;
}

interface PendingDocument {
  readonly filename: string;
  readonly description: string;
  readonly sha256: string;
  readonly pages: number;
  readonly byteLength: number;
  readonly isComplaint?: boolean;
}

/** A filing with no case yet: it opens a new action (USCIT Rule 3(a)) and gets its case at submit. */
const noCaseYet = 0;

interface FilingRow {
  filing_id: string;
  login_id: string;
  case_id: number;
  event_id: string;
  party_ids: string;
  documents: string;
  related: string;
  docket_text: string | null;
  submitted_de_seq_num: number | null;
}

type Result<T> = T | FilingRefusal;

/** Tells a refusal from a value. */
export function isRefusal(value: unknown): value is FilingRefusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** The filing surface: case → event → parties → documents → related → docket text → submit. */
export function createFilingService(options: {
  db: Database.Database;
  records: CourtRecords;
  documentsFolder: string;
  now: () => number;
}) {
  const { db, records, documentsFolder, now } = options;
  mkdirSync(documentsFolder, { recursive: true });

  const filingOf = (session: CourtSession, filingId: string): Result<FilingRow> => {
    const row = db
      .prepare('SELECT * FROM filings WHERE filing_id = ? AND login_id = ?')
      .get(filingId, session.loginId) as FilingRow | undefined;
    if (!row) {
      return { refused: 'no-such-filing', message: 'This filing transaction was not found. Start the filing again.' };
    }
    if (row.submitted_de_seq_num !== null) {
      return {
        refused: 'already-submitted',
        message: `This transaction has already been submitted as docket entry ${row.submitted_de_seq_num}.`,
        deSeqNum: row.submitted_de_seq_num,
      };
    }
    return row;
  };

  const storeDocument = async (upload: UploadedDocument): Promise<Result<PendingDocument>> => {
    const verdict = screenUpload(upload.bytes);
    if (!verdict.accepted) {
      return { refused: 'upload-rejected', message: verdict.message };
    }
    // The court runs inside the app: the upload is counted with the app's bounded parse and page walk.
    const count = await countPages(upload.bytes);
    if (count.kind === 'unreadable') {
      return { refused: 'upload-rejected', message: 'ERROR: Document is not a well-formed PDF document' };
    }
    const pages = count.pages;
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const file = path.join(documentsFolder, `${sha256}.pdf`);
    if (!existsSync(file)) {
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(temporary, upload.bytes, { flush: true });
      renameSync(temporary, file);
    }
    return {
      filename: upload.filename,
      description: upload.description,
      sha256,
      pages,
      byteLength: upload.bytes.byteLength,
      ...(upload.isComplaint === true ? { isComplaint: true } : {}),
    };
  };

  /** Stores each upload after those kept, through the court's upload rules; the filing's documents are all of them. */
  const storeAll = async (
    filingId: string,
    kept: readonly PendingDocument[],
    uploads: readonly UploadedDocument[],
  ): Promise<Result<{ pages: number[] }>> => {
    const stored = [...kept];
    for (const upload of uploads) {
      const document = await storeDocument(upload);
      if (isRefusal(document)) {
        return document;
      }
      stored.push(document);
    }
    db.prepare('UPDATE filings SET documents = ? WHERE filing_id = ?').run(JSON.stringify(stored), filingId);
    return { pages: stored.map((document) => document.pages) };
  };

  /** The parties a filing may be made for: the case's, or those named on a new action's summons. */
  const partiesOfFiling = (filing: FilingRow): SeedParty[] => {
    if (filing.case_id !== noCaseYet) {
      return records.partiesOf(filing.case_id);
    }
    return (newActionOf(db, filing.filing_id)?.parties ?? []).map((party) => ({
      ...party,
      attorneyIds: [],
      proSe: null,
    }));
  };

  /** The docket text of one entry, as CM/ECF writes it: the event's words, the filer and the parties, then links. */
  const docketTextOf = (
    session: CourtSession,
    eventText: string,
    annotation: string,
    parties: readonly string[],
    relatedText: string,
    attachments: readonly PendingDocument[],
    prefix = '',
  ): string => {
    const attorney = records.attorney(session.attorneyId ?? '');
    const attachmentList = attachments.map((document, index) => `# (${index + 1}) ${document.description}`).join(', ');
    const attachmentText = attachmentList ? ` (Attachments: ${attachmentList})` : '';
    const extra = annotation.trim() ? ` ${annotation.trim()}` : '';
    const [lastName, firstName] = (attorney?.name ?? 'Unknown, Filer').split(', ');
    const start = prefix ? `${prefix} ${eventText.charAt(0).toLowerCase()}${eventText.slice(1)}` : eventText;
    return `${start.replace(/\.$/, '')}${extra}. Filed by ${firstName} ${lastName} of ${attorney?.firm ?? ''} on behalf of ${parties.join(', ')}.${relatedText}${attachmentText} (${attorney?.name ?? ''})`;
  };

  /** One docket entry and its documents, inside the caller's transaction. */
  const enter = (
    session: CourtSession,
    entry: {
      caseId: number;
      eventId: string;
      docketText: string;
      parties: readonly string[];
      documents: readonly PendingDocument[];
      filingId: string;
    },
  ): number => {
    const event = findDocketEvent(entry.eventId);
    const last = db
      .prepare('SELECT max(de_seq_num) AS seq, max(document_number) AS num FROM docket_entries WHERE case_id = ?')
      .get(entry.caseId) as { seq: number | null; num: number | null };
    const deSeqNum = (last.seq ?? 0) + 1;
    const documentNumber = (last.num ?? 0) + 1;
    const attorney = records.attorney(session.attorneyId ?? '');
    db.prepare('INSERT INTO docket_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      entry.caseId,
      deSeqNum,
      documentNumber,
      entry.eventId,
      event?.name ?? entry.eventId,
      entry.docketText,
      entry.parties.join(', '),
      attorney?.name ?? session.loginId,
      now(),
      Number(event?.isRestricted ?? false),
      entry.filingId,
    );
    const fileNumber = nextCounter(db, 'file_number');
    const insertDocument = db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    entry.documents.forEach((document, position) => {
      const docId = String(nextCounter(db, 'doc_id')).padStart(10, '0');
      const stampDigest = createHash('sha512').update(`${document.sha256}:${fileNumber}-${position}`).digest('hex');
      insertDocument.run(
        docId,
        entry.caseId,
        deSeqNum,
        position,
        position === 0 ? 'Main Document' : document.description,
        document.filename,
        document.pages,
        document.byteLength,
        document.sha256,
        String(nextCounter(db, 'stamp_id')),
        `${fileNumber}-${position}`,
        stampDigest,
      );
    });
    return deSeqNum;
  };

  /** Commits the filing: its docket entries, their documents and (for a new action) the case itself — all or nothing. */
  const submitWithFollowing = (
    session: CourtSession,
    filingId: string,
    onFollowing: (entry: DocketEntryRecord) => void,
  ): Result<DocketEntryRecord> => {
    const committed = db.transaction((): Result<{ caseId: number; deSeqNums: number[] }> => {
      const filing = filingOf(session, filingId);
      if (isRefusal(filing)) {
        return filing;
      }
      if (filing.docket_text === null) {
        return { refused: 'step-out-of-order', message: 'Review the docket text before submitting.' };
      }
      const documents = JSON.parse(filing.documents) as PendingDocument[];
      let partyIds = JSON.parse(filing.party_ids) as string[];
      let caseId = filing.case_id;
      const action = caseId === noCaseYet ? newActionOf(db, filingId) : null;
      if (action) {
        // USCIT Rule 3(a): the summons opens the case; the filer becomes counsel of the parties it files for.
        caseId = openCase(db, action, { attorneyId: session.attorneyId ?? '', partyIds }, now()).caseId;
        partyIds = partyIds.map((id) => recordedPartyId(caseId, id));
        db.prepare('UPDATE filings SET case_id = ? WHERE filing_id = ?').run(caseId, filingId);
      }
      const parties = records
        .partiesOf(caseId)
        .filter((party) => partyIds.includes(party.id))
        .map((party) => party.name);
      const complaint = documents.find((document) => document.isComplaint === true);
      const deSeqNum = enter(session, {
        caseId,
        eventId: filing.event_id,
        docketText: filing.docket_text,
        parties,
        documents: documents.filter((document) => document !== complaint),
        filingId,
      });
      const deSeqNums = [deSeqNum];
      const complaintEvent = findDocketEvent('complaint');
      if (complaint && complaintEvent) {
        deSeqNums.push(
          enter(session, {
            caseId,
            eventId: complaintEvent.id,
            docketText: docketTextOf(session, complaintEvent.docketText, '', parties, '', []),
            parties,
            documents: [{ ...complaint, description: 'Main Document' }],
            filingId: `${filingId}-complaint`,
          }),
        );
      }
      db.prepare('UPDATE filings SET submitted_de_seq_num = ? WHERE filing_id = ?').run(deSeqNum, filingId);
      return { caseId, deSeqNums };
    })();
    if (isRefusal(committed)) {
      return committed;
    }
    const entries = committed.deSeqNums.map((deSeqNum) => records.entry(committed.caseId, deSeqNum));
    const [first, ...following] = entries.filter((entry): entry is DocketEntryRecord => entry !== null);
    if (!first || following.length !== entries.length - 1) {
      throw new Error('The committed entry could not be read back');
    }
    following.forEach(onFollowing);
    return first;
  };

  /** Refuses a filer without filing privileges (FAQ 12). */
  const mayNotFile = (session: CourtSession): FilingRefusal | null =>
    session.kind === 'view-only' || session.attorneyId === null
      ? {
          refused: 'may-not-file',
          message:
            'This PACER account does not have filing privileges in this court. Log in with your own CM/ECF filer account.',
        }
      : null;

  return {
    /** Opens a filing transaction; view-only accounts may not file (FAQ 12). */
    start(session: CourtSession, caseId: number, eventId: string): Result<{ filingId: string }> {
      const refusal = mayNotFile(session);
      if (refusal) {
        return refusal;
      }
      if (!records.caseById(caseId)) {
        return { refused: 'no-such-case', message: 'Case number not found.' };
      }
      const event = findDocketEvent(eventId);
      if (!event) {
        return { refused: 'no-such-event', message: 'Event not found.' };
      }
      if (event.opensAction === true) {
        return {
          refused: 'opens-new-action',
          message: `${event.name} commences a new action and cannot be filed in an existing case. Open a new case with it instead.`,
        };
      }
      // CIT registration: only a CM/ECF Confidential Information Filer files confidential documents
      // (docs/court-rules.md#confidential-filings).
      if (event.isRestricted && session.kind !== 'confidential-filer') {
        return {
          refused: 'may-not-file',
          message:
            'Only a CM/ECF Confidential Information Filer may file confidential documents. File the public version, or ask a confidential information filer to file this one.',
        };
      }
      const filingId = randomBytes(12).toString('hex');
      db.prepare(
        "INSERT INTO filings (filing_id, login_id, case_id, event_id, party_ids, documents, related, created_at) VALUES (?, ?, ?, ?, '[]', '[]', '[]', ?)",
      ).run(filingId, session.loginId, caseId, eventId, now());
      return { filingId };
    },

    /** Opens a filing that commences a new action (USCIT Rule 3(a)): no case yet, the caption and parties as given. */
    startNewAction(session: CourtSession, eventId: string, action: NewActionForm): Result<{ filingId: string }> {
      const refusal = mayNotFile(session);
      if (refusal) {
        return refusal;
      }
      const event = findDocketEvent(eventId);
      if (!event) {
        return { refused: 'no-such-event', message: 'Event not found.' };
      }
      if (event.opensAction !== true) {
        return {
          refused: 'not-an-opening-event',
          message: `${event.name} is filed in an existing case. A new action begins with a summons.`,
        };
      }
      const filingId = randomBytes(12).toString('hex');
      db.transaction(() => {
        db.prepare(
          "INSERT INTO filings (filing_id, login_id, case_id, event_id, party_ids, documents, related, created_at) VALUES (?, ?, ?, ?, '[]', '[]', '[]', ?)",
        ).run(filingId, session.loginId, noCaseYet, eventId, now());
        db.prepare('INSERT INTO new_actions VALUES (?, ?, ?)').run(
          filingId,
          action.caption,
          JSON.stringify(action.parties),
        );
      })();
      return { filingId };
    },

    /** The caption and parties of a new action's filing, or null for a filing in an existing case. */
    newAction(session: CourtSession, filingId: string): NewActionForm | null {
      const filing = filingOf(session, filingId);
      return isRefusal(filing) ? null : newActionOf(db, filing.filing_id);
    },

    /** The parties the document is filed for. */
    setParties(session: CourtSession, filingId: string, partyIds: readonly string[]): Result<null> {
      const filing = filingOf(session, filingId);
      if (isRefusal(filing)) {
        return filing;
      }
      const parties = new Set(partiesOfFiling(filing).map((party) => party.id));
      if (partyIds.length === 0 || partyIds.some((id) => !parties.has(id))) {
        return { refused: 'not-a-party', message: 'Select the party or parties this document is filed for.' };
      }
      db.prepare('UPDATE filings SET party_ids = ? WHERE filing_id = ?').run(JSON.stringify(partyIds), filingId);
      return null;
    },

    /** Main document and attachments; each goes through the court's upload rules (FAQ 48–51). */
    async setDocuments(
      session: CourtSession,
      filingId: string,
      uploads: readonly UploadedDocument[],
    ): Promise<Result<{ pages: number[] }>> {
      const filing = filingOf(session, filingId);
      if (isRefusal(filing)) {
        return filing;
      }
      if (uploads.length === 0) {
        return { refused: 'missing-main-document', message: 'A main document is required.' };
      }
      return storeAll(filingId, [], uploads);
    },

    /** Links the filing to earlier entries of the same case. */
    setRelated(session: CourtSession, filingId: string, deSeqNums: readonly number[]): Result<null> {
      const filing = filingOf(session, filingId);
      if (isRefusal(filing)) {
        return filing;
      }
      if (deSeqNums.some((deSeqNum) => records.entry(filing.case_id, deSeqNum) === null)) {
        return { refused: 'no-such-related-document', message: 'The related document was not found on this docket.' };
      }
      db.prepare('UPDATE filings SET related = ? WHERE filing_id = ?').run(JSON.stringify(deSeqNums), filingId);
      return null;
    },

    /** Attachments added on a second screen, after the main document: the same upload rules (FAQ 48–51). */
    async addDocuments(
      session: CourtSession,
      filingId: string,
      uploads: readonly UploadedDocument[],
    ): Promise<Result<{ pages: number[] }>> {
      const filing = filingOf(session, filingId);
      if (isRefusal(filing)) {
        return filing;
      }
      const stored = JSON.parse(filing.documents) as PendingDocument[];
      if (stored.length === 0) {
        return { refused: 'missing-main-document', message: 'A main document is required.' };
      }
      return storeAll(filingId, stored, uploads);
    },

    /** Builds the final docket text, exactly as the entry will read: CM/ECF's prefix, the event's words, free text. */
    prepareDocketText(
      session: CourtSession,
      filingId: string,
      annotation: string,
      prefix = '',
    ): Result<{ docketText: string }> {
      const filing = filingOf(session, filingId);
      if (isRefusal(filing)) {
        return filing;
      }
      const event = findDocketEvent(filing.event_id);
      const documents = JSON.parse(filing.documents) as PendingDocument[];
      const partyIds = JSON.parse(filing.party_ids) as string[];
      const related = JSON.parse(filing.related) as number[];
      if (!event) {
        return { refused: 'no-such-event', message: 'Event not found.' };
      }
      if (partyIds.length === 0 || documents.length === 0) {
        return {
          refused: 'step-out-of-order',
          message: 'Select the filer and upload the documents before the docket text.',
        };
      }
      if (event.requires.relatedDocument && related.length === 0) {
        return {
          refused: 'related-document-required',
          message: 'This event requires a related document. Select the entry this document relates to.',
        };
      }
      const complaints = documents.filter((document) => document.isComplaint === true);
      if (event.requires.complaint === true && complaints.length !== 1) {
        return { refused: 'missing-main-document', message: 'Upload the complaint filed with the summons.' };
      }
      const parties = partiesOfFiling(filing)
        .filter((party) => partyIds.includes(party.id))
        .map((party) => party.name);
      const relatedText =
        related.length === 0
          ? ''
          : ` (related document(s) ${related.map((deSeqNum) => records.entry(filing.case_id, deSeqNum)?.documentNumber ?? deSeqNum).join(', ')})`;
      const attachments = documents.slice(1).filter((document) => document.isComplaint !== true);
      const docketText = docketTextOf(session, event.docketText, annotation, parties, relatedText, attachments, prefix);
      db.prepare('UPDATE filings SET docket_text = ? WHERE filing_id = ?').run(docketText, filingId);
      return { docketText };
    },

    /** Commits the filing: one docket entry, its documents, and its place in the docket — all or nothing. */
    submit(session: CourtSession, filingId: string): Result<DocketEntryRecord> {
      return submitWithFollowing(session, filingId, () => undefined);
    },

    /**
     * Commits the filing as `submit` does, and hands over each further entry it made: the complaint filed with a
     * summons is docketed right after it (USCIT Rule 3(a)), and has its own notice.
     */
    submitAll(session: CourtSession, filingId: string): Result<DocketEntryRecord[]> {
      const following: DocketEntryRecord[] = [];
      const first = submitWithFollowing(session, filingId, (entry) => following.push(entry));
      return isRefusal(first) ? first : [first, ...following];
    },

    /** The case and event of an open filing (case 0 for a new action, whose case is opened at submit). */
    describe(session: CourtSession, filingId: string): Result<{ caseId: number; eventId: string }> {
      const filing = filingOf(session, filingId);
      return isRefusal(filing) ? filing : { caseId: filing.case_id, eventId: filing.event_id };
    },

    /** Where a filed document's bytes are kept. */
    documentPath(sha256: string): string {
      return path.join(documentsFolder, `${sha256}.pdf`);
    },
  };
}

/** The filing surface. */
export type FilingService = ReturnType<typeof createFilingService>;
