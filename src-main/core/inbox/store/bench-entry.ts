import { parseNotice } from '../nef/parse-notice';
import type { ParsedNotice } from '../nef/notice-types';
import { openDatabase } from '../../storage/database';
import { createNoticeTable } from './notice-table';
import { toSearchQuery } from './search-text';

/**
 * What `npm run bench:inbox` (src-main/build/bench-inbox.mjs) runs, bundled: the parser, the app's database as it
 * opens it, the notice table, the words-to-FTS5 query (for the bare MATCH the searches are compared with), and a notice to vary when ../shared (the real fixtures) is absent.
 */
export { createNoticeTable, openDatabase, parseNotice, toSearchQuery };

/**
 * A CIT NEF built in code, in the shape the parser gives (no public CIT NEF exists: docs/court-rules.md#cit-notices).
 */
export function syntheticTemplate(): ParsedNotice {
  return {
    kind: 'nef',
    reason: null,
    court: 'cit',
    subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion for Extension of Time',
    regenerated: false,
    forwarded: false,
    isAcms: false,
    dockets: [
      {
        caseNumber: '1:26-cv-00123-MMB',
        caseName: 'Acme Steel Corp. v. United States',
        caseId: '17',
        documentNumber: '5',
        docketText:
          'MOTION for Extension of Time to File Complaint & Summons. Response due by 3/16/2026. (Attachments: # (1) Text of Proposed Order)(Doe, Jane)',
        shortDescription: 'Motion for Extension of Time',
        dateFiled: '2026-03-02',
        dateEntered: '2026-03-02',
        deSeqNum: '5',
        docId: '0141000001',
        magicNum: '12345678',
        documentUrl: 'https://ecf.cit.uscourts.gov/doc1/0141000001?caseid=17&de_seq_num=5&magic_num=12345678',
        filer: 'Acme Steel Corp.',
        caseClosedOn: null,
      },
    ],
    attachments: [
      { number: '0', description: 'Main Document', documentUrl: null, docId: null, stamp: null },
      { number: '1', description: 'Text of Proposed Order', documentUrl: null, docId: null, stamp: null },
    ],
    recipients: [
      { name: 'Jane Doe', emails: ['jdoe@example.com'] },
      { name: 'Trade Attorney', emails: ['trade.attorney@usdoj.gov'] },
    ],
    otherMeansRecipients: [],
  };
}
