import type { InboxItem, NoticeDeadline, NoticeDocument } from '../../../shared/inbox';

/** An `inbox_items` row as the store reads it (the free-look links are read apart, never into an item). */
export interface ItemRow {
  readonly seq: number;
  readonly id: string;
  readonly court: string | null;
  readonly kind: 'nef' | 'nda';
  readonly subject: string;
  readonly case_number: string;
  readonly case_name: string | null;
  readonly case_id: string | null;
  readonly document_number: string | null;
  readonly docket_text: string | null;
  readonly short_description: string | null;
  readonly date_filed: string | null;
  readonly de_seq_num: string | null;
  readonly received_at: string;
  readonly is_read: number;
  readonly resend_count: number;
  readonly modified_at: string | null;
  readonly link_warning: string | null;
  readonly firm_server: string | null;
  readonly documents: string;
  readonly deadlines: string;
  readonly recipients: string;
}

/** The columns an item is read from, for `SELECT ${itemColumns} FROM inbox_items`. */
export const itemColumns =
  'seq, id, court, kind, subject, case_number, case_name, case_id, document_number, docket_text, short_description, date_filed, de_seq_num, received_at, is_read, resend_count, modified_at, link_warning, firm_server, documents, deadlines, recipients';

/** The plain inbox item a row holds. */
export function toItem(row: ItemRow): InboxItem {
  return {
    id: row.id,
    court: row.court,
    kind: row.kind,
    subject: row.subject,
    caseNumber: row.case_number,
    caseName: row.case_name,
    caseId: row.case_id,
    documentNumber: row.document_number,
    docketText: row.docket_text,
    shortDescription: row.short_description,
    dateFiled: row.date_filed,
    deSeqNum: row.de_seq_num,
    receivedAt: row.received_at,
    isRead: row.is_read === 1,
    resendCount: row.resend_count,
    modifiedAt: row.modified_at,
    linkWarning: row.link_warning,
    firmServer: row.firm_server,
    documents: JSON.parse(row.documents) as NoticeDocument[],
    deadlines: JSON.parse(row.deadlines) as NoticeDeadline[],
    recipients: JSON.parse(row.recipients) as InboxItem['recipients'],
  };
}
