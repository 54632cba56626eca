import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { findDeadlines } from '../deadlines';
import { docketFields, partyNames } from '../nef/docket-fields';
import type { NoticeDocket, ParsedNotice } from '../nef/notice-types';
import { entryKey, normaliseDocId } from './entry-key';
import { countPending, entryDocuments, mergeResentDocuments, type EntryDocuments } from './notice-documents';

/** Where an email came from and how it is known: the same bytes or Message-ID again is the same email. */
export interface IngestMeta {
  readonly messageId: string | null;
  readonly rawSha256: string;
  /** `imap:<mailbox id>`, `file:<name>`, `maildir`, … */
  readonly source: string;
  readonly receivedAt: Date;
  /** Why the notice's links are not trusted (the URL gate refused one); its documents are then never fetched. */
  readonly linkWarning?: string | null;
  /** Each link the URL gate refused, with the reason: such a link is never kept as a document's link. */
  readonly refusedLinks?: ReadonlyMap<string, string>;
}

/** What ingesting one email did. */
export interface IngestResult {
  readonly outcome: 'new' | 'duplicate' | 'resend' | 'modified' | 'set-aside';
  readonly itemIds: string[];
  /** Why it was set aside or taken as a duplicate: the parser's reason, or the store's. */
  readonly reason?: string;
}

interface ExistingEntry {
  readonly id: string;
  readonly documents: string;
  readonly document_urls: string;
}

/**
 * Takes one parsed email into the inbox (docs/court-rules.md#re-sent-notices): the same message again is a duplicate; a
 * modified-entry notice updates the entry it names; a notice for an entry already known is a resend and keeps the
 * first notice's free look; anything else becomes one item per docket entry. Runs in one transaction.
 */
export function createIngest(db: Database.Database): (notice: ParsedNotice, meta: IngestMeta) => IngestResult {
  const statements = {
    seenMessage: db.prepare(
      'SELECT 1 FROM notice_messages WHERE raw_sha256 = @rawSha256 OR (@messageId IS NOT NULL AND message_id = @messageId)',
    ),
    recordMessage: db.prepare(
      'INSERT INTO notice_messages (raw_sha256, message_id, source, received_at, kind, reason, outcome, item_ids) VALUES (@rawSha256, @messageId, @source, @receivedAt, @kind, @reason, @outcome, @itemIds)',
    ),
    findEntry: db.prepare('SELECT id, documents, document_urls FROM inbox_items WHERE entry_key = ?'),
    insertItem: db.prepare(
      `INSERT INTO inbox_items (id, entry_key, court, kind, subject, case_number, case_name, case_id, document_number, docket_text, short_description, date_filed,
         de_seq_num, doc_id, party_names, received_at, source, link_warning, documents, document_urls, pending_count, deadlines, recipients)
       VALUES (@id, @entryKey, @court, @kind, @subject, @caseNumber, @caseName, @caseId, @documentNumber, @docketText, @shortDescription, @dateFiled,
         @deSeqNum, @docId, @partyNames, @receivedAt, @source, @linkWarning, @documents, @documentUrls, @pendingCount, @deadlines, @recipients)`,
    ),
    // A re-send with a refused link adds its warning to the entry's; a warning, once given, is never lost. Only a notice
    // the court re-sent counts as one (`resendCount`): a copy of the same notice to another of the firm's addressees is
    // not a re-send, though its free look is taken like one.
    resend: db.prepare(
      'UPDATE inbox_items SET resend_count = resend_count + @counted, documents = @documents, document_urls = @documentUrls, pending_count = @pendingCount, link_warning = coalesce(link_warning, @linkWarning) WHERE id = @id',
    ),
    modify: db.prepare(
      'UPDATE inbox_items SET modified_at = @modifiedAt, docket_text = coalesce(@docketText, docket_text), deadlines = coalesce(@deadlines, deadlines) WHERE id = @id',
    ),
  };

  const addEntry = (
    notice: ParsedNotice,
    docket: NoticeDocket,
    documents: EntryDocuments,
    meta: IngestMeta,
  ): string => {
    const id = randomUUID();
    statements.insertItem.run({
      id,
      entryKey: entryKey(notice.court, docket),
      court: notice.court,
      kind: notice.kind,
      subject: notice.subject,
      ...docketFields(docket),
      docId: docket.docId === null ? null : normaliseDocId(docket.docId),
      partyNames: partyNames(docket.filer, notice.recipients),
      receivedAt: meta.receivedAt.toISOString(),
      source: meta.source,
      linkWarning: meta.linkWarning ?? null,
      documents: JSON.stringify(documents.documents),
      documentUrls: JSON.stringify(documents.urls),
      pendingCount: countPending(documents.documents),
      deadlines: JSON.stringify(findDeadlines(docket.docketText ?? '')),
      recipients: JSON.stringify(notice.recipients),
    });
    return id;
  };

  const takeEntries = (notice: ParsedNotice, meta: IngestMeta): IngestResult => {
    let isAnyNew = false;
    const itemIds = notice.dockets.map((docket, index) => {
      const fresh = entryDocuments(notice, index, meta.linkWarning ?? null, meta.refusedLinks);
      const existing = statements.findEntry.get(entryKey(notice.court, docket)) as ExistingEntry | undefined;
      if (!existing) {
        isAnyNew = true;
        return addEntry(notice, docket, fresh, meta);
      }
      const kept = {
        documents: JSON.parse(existing.documents) as EntryDocuments['documents'],
        urls: JSON.parse(existing.document_urls) as EntryDocuments['urls'],
      };
      const merged = mergeResentDocuments(kept, fresh);
      statements.resend.run({
        id: existing.id,
        documents: JSON.stringify(merged.documents),
        documentUrls: JSON.stringify(merged.urls),
        pendingCount: countPending(merged.documents),
        linkWarning: meta.linkWarning ?? null,
        counted: notice.regenerated ? 1 : 0,
      });
      return existing.id;
    });
    return { outcome: isAnyNew ? 'new' : 'resend', itemIds };
  };

  const applyModification = (notice: ParsedNotice, meta: IngestMeta): IngestResult => {
    const itemIds: string[] = [];
    for (const docket of notice.dockets) {
      const existing = statements.findEntry.get(entryKey(notice.court, docket)) as ExistingEntry | undefined;
      if (!existing) {
        continue;
      }
      const docketText = docket.docketText?.trim() ? docket.docketText : null;
      statements.modify.run({
        id: existing.id,
        modifiedAt: meta.receivedAt.toISOString(),
        docketText,
        deadlines: docketText === null ? null : JSON.stringify(findDeadlines(docketText)),
      });
      itemIds.push(existing.id);
    }
    return itemIds.length > 0
      ? { outcome: 'modified', itemIds }
      : { outcome: 'set-aside', itemIds, reason: 'modified-entry' };
  };

  const decide = (notice: ParsedNotice, meta: IngestMeta): IngestResult => {
    if (notice.kind === 'ignored') {
      if (notice.reason === 'modified-entry') {
        return applyModification(notice, meta);
      }
      return { outcome: 'set-aside', itemIds: [], reason: notice.reason ?? 'not-a-notice' };
    }
    if (notice.dockets.length === 0) {
      return { outcome: 'set-aside', itemIds: [], reason: 'no-docket-entry' };
    }
    return takeEntries(notice, meta);
  };

  return db.transaction((notice: ParsedNotice, meta: IngestMeta): IngestResult => {
    if (statements.seenMessage.get({ rawSha256: meta.rawSha256, messageId: meta.messageId })) {
      return { outcome: 'duplicate', itemIds: [], reason: 'same-message' };
    }
    const result = decide(notice, meta);
    statements.recordMessage.run({
      rawSha256: meta.rawSha256,
      messageId: meta.messageId,
      source: meta.source,
      receivedAt: meta.receivedAt.toISOString(),
      kind: notice.kind,
      reason: result.reason ?? notice.reason,
      outcome: result.outcome,
      itemIds: JSON.stringify(result.itemIds),
    });
    return result;
  });
}
