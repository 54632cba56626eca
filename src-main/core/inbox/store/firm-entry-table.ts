import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FirmEntry } from '../../../shared/firm-server';
import type { NoticeDocument } from '../../../shared/inbox';
import { findDeadlines } from '../deadlines';
import { docketFields, partyNames } from '../nef/docket-fields';
import { normaliseDocId } from './entry-key';
import { countPending } from './notice-documents';

/** What taking a page of the firm server's entries did: the items added and those changed. */
export interface FirmEntriesApplied {
  readonly added: readonly { readonly id: string; readonly entry: FirmEntry }[];
  readonly changed: readonly string[];
}

/** Where this desktop is in a firm server's list of changes, for one user, and the cases that list covered. */
export interface FirmSyncPlace {
  readonly cursor: string;
  readonly cases: readonly string[];
  readonly seesEveryCase: boolean;
}

/** A document saved already (by this desktop, or by the server and said so before) is never replaced. */
const isSaved = (document: NoticeDocument): boolean =>
  (document.state === 'saved' || document.state === 'paid') && document.sha256 !== null;

/**
 * The firm server's entries in the desktop's inbox (docs/firm-server.md#notices-on-desktops), over the inbox's own
 * table: a new entry becomes an item like one read from mail, with no free-look link of its own (the server fetched
 * the look; this desktop never spends one for it); an entry known already takes the server's documents, except those
 * this desktop saved itself.
 */
export function createFirmEntryTable(db: Database.Database) {
  const statements = {
    find: db.prepare('SELECT id, documents FROM inbox_items WHERE entry_key = ?'),
    insert: db.prepare(
      `INSERT INTO inbox_items (id, entry_key, court, kind, subject, case_number, case_name, case_id, document_number, docket_text, short_description, date_filed,
         de_seq_num, doc_id, party_names, received_at, source, firm_server, link_warning, documents, document_urls, pending_count, deadlines, recipients)
       VALUES (@id, @entryKey, @court, @kind, @subject, @caseNumber, @caseName, @caseId, @documentNumber, @docketText, @shortDescription, @dateFiled,
         @deSeqNum, @docId, @partyNames, @receivedAt, 'firm', @firmServer, NULL, @documents, '{}', @pendingCount, @deadlines, @recipients)`,
    ),
    update: db.prepare(
      'UPDATE inbox_items SET documents = @documents, pending_count = @pendingCount, firm_server = coalesce(firm_server, @firmServer) WHERE id = @id',
    ),
    readPlace: db.prepare(
      'SELECT cursor, cases, sees_every_case FROM firm_sync WHERE origin = @origin AND user_name = @userName',
    ),
    savePlace: db.prepare(
      `INSERT INTO firm_sync (origin, user_name, cursor, cases, sees_every_case, synced_at)
       VALUES (@origin, @userName, @cursor, @cases, @seesEveryCase, @syncedAt)
       ON CONFLICT (origin, user_name) DO UPDATE SET cursor = excluded.cursor, cases = excluded.cases,
         sees_every_case = excluded.sees_every_case, synced_at = excluded.synced_at`,
    ),
  };

  /** Takes a page of entries and moves this desktop's place past it, in one transaction. */
  const apply = db.transaction(
    (origin: string, userName: string, entries: readonly FirmEntry[], place: FirmSyncPlace, now: Date) => {
      const added: { id: string; entry: FirmEntry }[] = [];
      const changed: string[] = [];
      for (const entry of entries) {
        const existing = statements.find.get(entry.entryKey) as { id: string; documents: string } | undefined;
        if (!existing) {
          const id = randomUUID();
          statements.insert.run({
            id,
            entryKey: entry.entryKey,
            court: entry.court,
            kind: entry.kind,
            subject: entry.subject,
            ...docketFields(entry),
            docId: entry.docId === null ? null : normaliseDocId(entry.docId),
            partyNames: partyNames(entry.filer, entry.recipients),
            receivedAt: entry.receivedAt,
            firmServer: origin,
            documents: JSON.stringify(fromServer(entry.documents)),
            pendingCount: countPending(entry.documents),
            deadlines: JSON.stringify(findDeadlines(entry.docketText ?? '')),
            recipients: JSON.stringify(entry.recipients),
          });
          added.push({ id, entry });
          continue;
        }
        const held = JSON.parse(existing.documents) as NoticeDocument[];
        const merged = mergeDocuments(held, fromServer(entry.documents));
        if (JSON.stringify(merged) !== existing.documents) {
          statements.update.run({
            id: existing.id,
            documents: JSON.stringify(merged),
            pendingCount: countPending(merged),
            firmServer: origin,
          });
          changed.push(existing.id);
        }
      }
      statements.savePlace.run({
        origin,
        userName,
        cursor: place.cursor,
        cases: JSON.stringify(place.cases),
        seesEveryCase: place.seesEveryCase ? 1 : 0,
        syncedAt: now.toISOString(),
      });
      return { added, changed };
    },
  );

  return {
    apply: (
      origin: string,
      userName: string,
      entries: readonly FirmEntry[],
      place: FirmSyncPlace,
      now: Date,
    ): FirmEntriesApplied => apply(origin, userName, entries, place, now),

    /** Where this desktop is in the server's list for the user, or null before the first page. */
    place(origin: string, userName: string): FirmSyncPlace | null {
      const row = statements.readPlace.get({ origin, userName }) as
        { cursor: string; cases: string; sees_every_case: number } | undefined;
      return row
        ? { cursor: row.cursor, cases: JSON.parse(row.cases) as string[], seesEveryCase: row.sees_every_case === 1 }
        : null;
    },
  };
}

/** The firm server's documents as this desktop keeps them: a saved one is read from the server when first opened. */
function fromServer(documents: readonly NoticeDocument[]): NoticeDocument[] {
  return documents.map((document) => ({ ...document, documentId: null, feeCents: null }));
}

/** The server's documents, except those saved already; a document only this desktop knows stays. */
function mergeDocuments(held: readonly NoticeDocument[], server: readonly NoticeDocument[]): NoticeDocument[] {
  const byNumber = new Map(held.map((document) => [document.number, document]));
  const merged = server.map((document) => {
    const mine = byNumber.get(document.number);
    return mine && isSaved(mine) ? mine : document;
  });
  const numbers = new Set(server.map((document) => document.number));
  return [...merged, ...held.filter((document) => !numbers.has(document.number))];
}
