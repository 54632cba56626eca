import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parseNotice } from '../../../../src-main/core/inbox/nef/parse-notice';
import type { NoticeDocket, ParsedNotice } from '../../../../src-main/core/inbox/nef/notice-types';
import {
  createNoticeTable,
  type NoticeTable,
  type IngestMeta,
} from '../../../../src-main/core/inbox/store/notice-table';
import { migrate } from '../../../../src-main/core/storage/migrations';
import { sharedFixture } from '../../../support/paths';

/** A fresh in-memory database at the newest schema, with the inbox store over it. */
export function openInbox(): { db: Database.Database; inbox: NoticeTable } {
  const db = new Database(':memory:');
  migrate(db);
  return { db, inbox: createNoticeTable(db) };
}

/** A real notice from ../shared/fixtures/nef/tests/examples/pacer, with its raw bytes; null when absent. */
export async function realNotice(relative: string): Promise<{ notice: ParsedNotice; raw: Buffer } | null> {
  const file = sharedFixture(`nef/tests/examples/pacer/${relative}`);
  if (!file) {
    return null;
  }
  const raw = readFileSync(file);
  return { notice: await parseNotice(raw), raw };
}

/** The ingest meta of a raw message, as the importers build it. */
export function metaOf(raw: string | Buffer, overrides: Partial<IngestMeta> = {}): IngestMeta {
  return {
    messageId: null,
    rawSha256: createHash('sha256').update(raw).digest('hex'),
    source: 'file:test.eml',
    receivedAt: new Date('2026-03-02T21:10:00Z'),
    ...overrides,
  };
}

let counter = 0;
/** Meta for a notice built in code: a new message each call unless told otherwise. */
export function freshMeta(overrides: Partial<IngestMeta> = {}): IngestMeta {
  counter += 1;
  return metaOf(`synthetic message ${counter}`, overrides);
}

/** One docket of a CIT district NEF built in code (no public CIT NEF exists: docs/court-rules.md#cit-notices). */
export function citDocket(overrides: Partial<NoticeDocket> = {}): NoticeDocket {
  const caseId = overrides.caseId ?? '17';
  const deSeqNum = overrides.deSeqNum ?? '5';
  const magicNum = overrides.magicNum === undefined ? '12345678' : overrides.magicNum;
  return {
    caseNumber: '1:26-cv-00123-MMB',
    caseName: 'Acme Steel Corp. v. United States',
    caseId,
    documentNumber: '5',
    docketText:
      'MOTION for Extension of Time to File Complaint & Summons. (Attachments: # (1) Text of Proposed Order)(Doe, Jane)',
    shortDescription: 'Motion for Extension of Time',
    dateFiled: '2026-03-02',
    dateEntered: '2026-03-02',
    deSeqNum,
    docId: '0141000001',
    magicNum,
    documentUrl: `https://ecf.cit.uscourts.gov/doc1/0141000001?caseid=${caseId}&de_seq_num=${deSeqNum}&magic_num=${magicNum ?? 'MAGIC'}`,
    filer: 'Acme Steel Corp.',
    caseClosedOn: null,
    ...overrides,
  };
}

/** A CIT NEF built in code, with a main document and one attachment. */
export function citNotice(overrides: Partial<ParsedNotice> = {}): ParsedNotice {
  return {
    kind: 'nef',
    reason: null,
    court: 'cit',
    subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion for Extension of Time',
    regenerated: false,
    forwarded: false,
    isAcms: false,
    dockets: [citDocket()],
    attachments: [
      { number: '0', description: 'Main Document', documentUrl: null, docId: null, stamp: null },
      { number: '1', description: 'Text of Proposed Order', documentUrl: null, docId: null, stamp: null },
    ],
    recipients: [
      { name: 'Jane Doe', emails: ['jdoe@example.com'] },
      { name: 'Trade Attorney', emails: ['trade.attorney@usdoj.gov'] },
    ],
    otherMeansRecipients: [],
    ...overrides,
  };
}
