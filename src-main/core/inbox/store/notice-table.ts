import type Database from 'better-sqlite3';
import type { InboxItem, InboxQuery, NoticeDeadline, NoticeDocument } from '../../../shared/inbox';
import { entryKeyOf } from './entry-key';
import { createIngest } from './ingest-notice';
import { listItems, type InboxPage } from './inbox-list';
import { itemColumns, toItem, type ItemRow } from './inbox-rows';
import { countPending } from './notice-documents';

export type { IngestMeta, IngestResult } from './ingest-notice';
export type { InboxPage } from './inbox-list';

/** A document whose free look has not been used yet, with the link to use it. */
export interface PendingDocument {
  readonly itemId: string;
  readonly number: string;
  /** The document's own link (ACMS), else the entry's doc1 link, which covers the attachments too. */
  readonly url: string;
}

/** Where an IMAP sync of one mailbox stopped: UIDs are only comparable within one UIDVALIDITY (RFC 3501 §2.3.1.1). */
export interface MailboxCursor {
  readonly uidValidity: number;
  readonly lastUid: number;
}

/**
 * The inbox over the tables of migration 0006: ingesting parsed notices with the dedupe rules, the list and its
 * search, read marks, the free-look documents waiting to be fetched, the deadlines, and each mailbox's sync cursor.
 */
export function createNoticeTable(db: Database.Database) {
  const ingest = createIngest(db);
  const selectById = db.prepare(`SELECT ${itemColumns} FROM inbox_items WHERE id = ?`);
  const get = (id: string): InboxItem | null => {
    const row = selectById.get(id) as ItemRow | undefined;
    return row ? toItem(row) : null;
  };

  const updateDocument = db.transaction(
    (itemId: string, number: string, changes: Partial<NoticeDocument>): InboxItem | null => {
      const item = get(itemId);
      if (!item?.documents.some((document) => document.number === number)) {
        return null;
      }
      const documents = item.documents.map((document) =>
        document.number === number ? { ...document, ...changes, number } : document,
      );
      db.prepare('UPDATE inbox_items SET documents = ?, pending_count = ? WHERE id = ?').run(
        JSON.stringify(documents),
        countPending(documents),
        itemId,
      );
      return { ...item, documents };
    },
  );

  const flagUnsafe = db.transaction(
    (itemId: string, numbers: readonly string[], reason: string, dropsLinks: boolean): InboxItem | null => {
      const row = db.prepare('SELECT documents, document_urls FROM inbox_items WHERE id = ?').get(itemId) as
        { documents: string; document_urls: string } | undefined;
      if (!row) {
        return null;
      }
      const urls = JSON.parse(row.document_urls) as Record<string, string | null>;
      const documents = (JSON.parse(row.documents) as NoticeDocument[]).map((document) => {
        // What was saved or bought stays: the warning is about the link, not about a copy already kept.
        if (!numbers.includes(document.number) || document.state === 'saved' || document.state === 'paid') {
          return document;
        }
        if (dropsLinks) {
          urls[document.number] = null;
        }
        return { ...document, state: 'unsafe-link' as const, message: reason };
      });
      db.prepare(
        'UPDATE inbox_items SET documents = ?, document_urls = ?, pending_count = ?, link_warning = coalesce(link_warning, ?) WHERE id = ?',
      ).run(JSON.stringify(documents), JSON.stringify(urls), countPending(documents), reason, itemId);
      return get(itemId);
    },
  );

  const removeExpired = db.transaction((receivedBefore: string, deadlinesFrom: string) => {
    const rows = db
      .prepare(
        `SELECT seq, documents FROM inbox_items
         WHERE is_read = 1 AND received_at < ? AND pending_count = 0
           AND NOT EXISTS (SELECT 1 FROM json_each(inbox_items.deadlines) WHERE json_extract(value, '$.date') >= ?)`,
      )
      .all(receivedBefore, deadlinesFrom) as { seq: number; documents: string }[];
    const remove = db.prepare('DELETE FROM inbox_items WHERE seq = ?');
    for (const row of rows) {
      remove.run(row.seq);
    }
    const sha256s = rows.flatMap((row) =>
      (JSON.parse(row.documents) as NoticeDocument[]).flatMap((document) => (document.sha256 ? [document.sha256] : [])),
    );
    return { removed: rows.length, sha256s };
  });

  return {
    ingest,
    list(query: InboxQuery): InboxPage {
      return listItems(db, query);
    },
    get,
    /** Marks an item read or unread; false when there is no such item. */
    markRead(id: string, isRead: boolean): boolean {
      return db.prepare('UPDATE inbox_items SET is_read = ? WHERE id = ?').run(isRead ? 1 : 0, id).changes > 0;
    },
    /** Records what happened to one document (saved, used, sealed…); its number never changes. Null when unknown. */
    setDocument(itemId: string, number: string, changes: Partial<NoticeDocument>): InboxItem | null {
      return updateDocument(itemId, number, changes);
    },
    /**
     * Flags documents whose link, or a court page it led to, the URL gate refused: they are never fetched, and the entry
     * carries the warning. `dropsLinks` when the documents' own link was refused, so it is not kept to be fetched later.
     */
    flagUnsafe(
      itemId: string,
      numbers: readonly string[],
      reason: string,
      options: { readonly dropsLinks: boolean },
    ): InboxItem | null {
      return flagUnsafe(itemId, numbers, reason, options.dropsLinks);
    },
    /** Every document still waiting for its free look, oldest notice first (the 15-day clock runs from the notice). */
    pendingDocuments(): PendingDocument[] {
      const rows = db
        .prepare(
          'SELECT id, documents, document_urls FROM inbox_items WHERE pending_count > 0 ORDER BY received_at, seq',
        )
        .all() as { id: string; documents: string; document_urls: string }[];
      return rows.flatMap((row) => {
        const urls = JSON.parse(row.document_urls) as Record<string, string | null>;
        return (JSON.parse(row.documents) as NoticeDocument[]).flatMap((document) => {
          const url = urls[document.number];
          return document.state === 'pending' && url ? [{ itemId: row.id, number: document.number, url }] : [];
        });
      });
    },
    /** A document's link from its notice (the entry's doc1 link for attachments), or null; a link the URL gate refused is never given. */
    documentUrl(itemId: string, number: string): string | null {
      const row = db.prepare('SELECT document_urls FROM inbox_items WHERE id = ?').get(itemId) as
        { document_urls: string } | undefined;
      const urls = row ? (JSON.parse(row.document_urls) as Record<string, string | null>) : {};
      return Object.hasOwn(urls, number) ? (urls[number] ?? null) : (urls['0'] ?? null);
    },
    /** The item for a docket entry, by the court's case id and de_seq_num. */
    findByEntry(court: string | null, caseId: string, deSeqNum: string): InboxItem | null {
      const row = db
        .prepare(`SELECT ${itemColumns} FROM inbox_items WHERE entry_key = ?`)
        .get(entryKeyOf(court, caseId, deSeqNum)) as ItemRow | undefined;
      return row ? toItem(row) : null;
    },
    /** The entries whose docket text names a motion, which may start a response period (USCIT Rule 7(d)). */
    motionEntries(): InboxItem[] {
      const rows = db
        .prepare(`SELECT ${itemColumns} FROM inbox_items WHERE docket_text LIKE '%motion%' AND date_filed IS NOT NULL`)
        .all() as ItemRow[];
      return rows.map(toItem);
    },
    /** Every date the docket texts set, soonest first. */
    deadlines(): { item: InboxItem; deadline: NoticeDeadline }[] {
      const rows = db.prepare(`SELECT ${itemColumns} FROM inbox_items WHERE deadline_count > 0`).all() as ItemRow[];
      return rows
        .map(toItem)
        .flatMap((item) => item.deadlines.map((deadline) => ({ item, deadline })))
        .sort(
          (a, b) =>
            a.deadline.date.localeCompare(b.deadline.date) || a.item.caseNumber.localeCompare(b.item.caseNumber),
        );
    },
    /**
     * Removes the notices a retention policy lets go: read, received before `receivedBefore`, no free look still
     * waiting, and no deadline on or after `deadlinesFrom` (YYYY-MM-DD). The emails stay remembered, so a mailbox
     * read again does not bring them back. Answers how many went, and the SHA-256 of every PDF they had saved.
     */
    removeExpired(receivedBefore: Date, deadlinesFrom: string): { removed: number; sha256s: string[] } {
      return removeExpired(receivedBefore.toISOString(), deadlinesFrom);
    },
    /** Where the last sync of a mailbox stopped, or null before the first. */
    cursor(mailboxId: string): MailboxCursor | null {
      const row = db
        .prepare('SELECT uid_validity, last_uid FROM mailbox_cursors WHERE mailbox_id = ?')
        .get(mailboxId) as { uid_validity: number; last_uid: number } | undefined;
      return row ? { uidValidity: row.uid_validity, lastUid: row.last_uid } : null;
    },
    /** Records how far a mailbox sync got, after the messages up to `lastUid` are stored. */
    saveCursor(mailboxId: string, uidValidity: number, lastUid: number): void {
      db.prepare(
        `INSERT INTO mailbox_cursors (mailbox_id, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (mailbox_id) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = excluded.updated_at`,
      ).run(mailboxId, uidValidity, lastUid, new Date().toISOString());
    },
  };
}

/** The table of notices behind the inbox. */
export type NoticeTable = ReturnType<typeof createNoticeTable>;
