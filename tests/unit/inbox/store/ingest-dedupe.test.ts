import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../../src-main/core/inbox/nef/parse-notice';
import {
  buildMessage,
  districtCaseTable,
  districtNefBody,
  districtRecipients,
  documentEntry,
} from '../synthetic-notices';
import { citDocket, citNotice, freshMeta, metaOf, openInbox, realNotice } from './store-support';

const nysd1 = await realNotice('nef/s3/nysd_1.txt');
const nysd3 = await realNotice('nef/s3/nysd_3.txt');
const njb4 = await realNotice('nef/s3/njb_4.txt');
const pawb1 = await realNotice('nef/s3/pawb_1.txt');
const cacb4 = await realNotice('nef/s3/cacb_4.txt');
const ohsd3 = await realNotice('nef/s3/ohsd_3.txt');
const ca2Acms = await realNotice('nda/ca2_6.txt');

/** A raw CIT NEF in the district template (synthetic-notices.ts), so the raw-message rules run without ../shared. */
function rawCitNef(): string {
  const table = districtCaseTable({
    caseName: 'Acme Steel Corp. v. United States',
    caseNumber: '1:26-cv-00123-MMB',
    docketUrl: 'https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?17',
    filer: 'Acme Steel Corp.',
    documentNumber: '5',
    documentUrl: 'https://ecf.cit.uscourts.gov/doc1/0141000001?caseid=17&de_seq_num=5&magic_num=12345678',
    docketText: 'MOTION for Extension of Time. Response due by 3/16/2026. (Doe, Jane)',
  });
  return buildMessage(
    {
      From: 'cmecf_notice@cit.uscourts.gov',
      Subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion for Extension of Time',
      'Content-Type': ' text/html',
    },
    districtNefBody({
      court: 'United States Court of International Trade',
      transaction:
        'The following transaction was entered by Doe, Jane on 3/2/2026 at 4:06 PM EST and filed on 3/2/2026',
      tables: [table],
      recipients: districtRecipients('1:26-cv-00123-MMB', [{ name: 'Jane Doe', emails: ['jdoe@example.com'] }]),
      documents: documentEntry('Main Document', '1008691343', '3/2/2026', '28116328-0'),
    }),
  );
}

describe('the same email never comes in twice', () => {
  it('the same raw message read twice (an IMAP re-sync, a file dropped again) is a duplicate', async () => {
    const { inbox } = openInbox();
    const raw = rawCitNef();
    const notice = await parseNotice(raw);
    const first = inbox.ingest(notice, metaOf(raw));
    expect(first.outcome).toBe('new');
    expect(inbox.ingest(notice, metaOf(raw, { source: 'imap:firm' }))).toEqual({
      outcome: 'duplicate',
      itemIds: [],
      reason: 'same-message',
    });
    expect(inbox.list({}).total).toBe(1);
    expect(inbox.get(first.itemIds[0] ?? '')?.deadlines).toEqual([{ date: '2026-03-16', label: 'Response due' }]);
  });

  it('the same Message-ID with other bytes (saved as .eml and also synced) is a duplicate', () => {
    const { inbox } = openInbox();
    expect(inbox.ingest(citNotice(), freshMeta({ messageId: '<1@cit.uscourts.gov>' })).outcome).toBe('new');
    expect(inbox.ingest(citNotice(), freshMeta({ messageId: '<1@cit.uscourts.gov>' })).outcome).toBe('duplicate');
  });

  it.skipIf(!nysd1)(
    'a real NEF (nysd_1) read twice is one item with its two documents waiting for the free look',
    () => {
      const { notice, raw } = nysd1 ?? { notice: citNotice(), raw: Buffer.alloc(0) };
      const { inbox } = openInbox();
      const [id] = inbox.ingest(notice, metaOf(raw)).itemIds;
      expect(inbox.ingest(notice, metaOf(raw)).outcome).toBe('duplicate');
      const item = inbox.get(id ?? '');
      expect(item).toMatchObject({
        court: 'nysd',
        caseNumber: '1:20-cv-08924-CM',
        deSeqNum: '2447',
        documentNumber: '716',
        resendCount: 0,
        isRead: false,
      });
      expect(item?.documents.map((document) => [document.number, document.state])).toEqual([
        ['0', 'pending'],
        ['1', 'pending'],
      ]);
      expect(inbox.pendingDocuments().map((pending) => pending.url)).toEqual([
        notice.dockets[0]?.documentUrl,
        notice.dockets[0]?.documentUrl,
      ]);
    },
  );
});

describe('the court sends an entry again (docs/court-rules.md#re-sent-notices)', () => {
  it('a regenerated NEF is a resend of the entry, which keeps the document the first notice saved', () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    inbox.setDocument(id, '0', { state: 'saved', documentId: 'doc-1', sha256: 'a'.repeat(64), pages: 3 });
    const resent = inbox.ingest(
      citNotice({ regenerated: true, dockets: [citDocket({ magicNum: '99999999' })] }),
      freshMeta(),
    );
    expect(resent).toEqual({ outcome: 'resend', itemIds: [id] });
    const item = inbox.get(id);
    expect(item?.resendCount).toBe(1);
    expect(item?.documents[0]).toMatchObject({ state: 'saved', documentId: 'doc-1' });
    expect(inbox.list({}).total).toBe(1);
  });

  it('a "Re-send:" notice to a second address brings a fresh free look for a document whose first link was used', () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    inbox.setDocument(id, '1', { state: 'used', message: 'The court asked for a login.' });
    const fresh = citDocket({ magicNum: '99999999' });
    inbox.ingest(citNotice({ subject: 'Re-send: Activity in Case 1:26-cv-00123-MMB', dockets: [fresh] }), freshMeta());
    expect(inbox.get(id)?.documents.map((document) => document.state)).toEqual(['pending', 'pending']);
    expect(inbox.pendingDocuments().find((pending) => pending.number === '1')?.url).toBe(fresh.documentUrl);
  });

  it("a copy of the notice to another of the firm's addressees is not a re-send, but its free look is taken", () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    inbox.setDocument(id, '1', { state: 'used', message: 'The court asked for a login.' });
    const copy = citDocket({ magicNum: '99999999' });
    inbox.ingest(citNotice({ dockets: [copy] }), freshMeta());
    expect(inbox.get(id)?.resendCount).toBe(0);
    expect(inbox.pendingDocuments().find((pending) => pending.number === '1')?.url).toBe(copy.documentUrl);
    inbox.ingest(citNotice({ subject: 'Re-send: Activity in Case 1:26-cv-00123-MMB', regenerated: true }), freshMeta());
    expect(inbox.get(id)?.resendCount).toBe(1);
  });

  it('a re-send whose links are not the court’s own changes none of the entry’s documents or links, and the entry keeps its warning', () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    inbox.setDocument(id, '0', { state: 'saved', documentId: 'doc-1', sha256: 'a'.repeat(64), pages: 3 });
    inbox.setDocument(id, '1', { state: 'used', message: 'The court asked for a login.' });
    const forged = citDocket({
      magicNum: '99999999',
      documentUrl: 'http://127.0.0.1:8080/doc1/0141000001?caseid=17&de_seq_num=5&magic_num=99999999',
    });
    const warning = 'This link is not encrypted (http): court links always use https. ECF Desk did not open it.';
    const resent = inbox.ingest(
      citNotice({ subject: 'Re-send: Activity in Case 1:26-cv-00123-MMB', dockets: [forged] }),
      freshMeta({ linkWarning: warning, refusedLinks: new Map([[forged.documentUrl ?? '', warning]]) }),
    );
    expect(resent).toEqual({ outcome: 'resend', itemIds: [id] });
    expect(inbox.get(id)?.documents.map((document) => document.state)).toEqual(['saved', 'used']);
    expect(inbox.get(id)?.linkWarning).toBe(warning);
    expect(inbox.pendingDocuments()).toEqual([]);
    expect(inbox.documentUrl(id, '1')).toBe(citDocket().documentUrl);
  });

  it('a genuine notice after a forged one for the same entry brings its free look, and the warning stays', () => {
    const { inbox } = openInbox();
    const forged = citDocket({
      documentUrl:
        'https://ecf.cit.uscourts.gov.payments-check.example/doc1/0141000001?caseid=17&de_seq_num=5&magic_num=12345678',
    });
    const warning =
      "This link does not go to the court's own site (ecf.cit.uscourts.gov): it may be phishing. ECF Desk did not open it.";
    const [id = ''] = inbox.ingest(
      citNotice({ dockets: [forged] }),
      freshMeta({ linkWarning: warning, refusedLinks: new Map([[forged.documentUrl ?? '', warning]]) }),
    ).itemIds;
    expect(inbox.get(id)?.documents.map((document) => document.state)).toEqual(['unsafe-link', 'unsafe-link']);
    expect(inbox.documentUrl(id, '0')).toBeNull();

    inbox.ingest(citNotice(), freshMeta());
    expect(inbox.get(id)?.documents.map((document) => document.state)).toEqual(['pending', 'pending']);
    expect(inbox.pendingDocuments().map((pending) => pending.url)).toEqual([
      citDocket().documentUrl,
      citDocket().documentUrl,
    ]);
    expect(inbox.get(id)?.linkWarning).toBe(warning);
  });

  it('an entry without a de_seq_num is found again by its case number (judge initials aside), document number and doc id', () => {
    const { inbox } = openInbox();
    const docket = citDocket({ deSeqNum: null, caseId: null });
    const first = inbox.ingest(citNotice({ dockets: [docket] }), freshMeta());
    const reassigned = inbox.ingest(
      citNotice({ dockets: [{ ...docket, caseNumber: '1:26-cv-00123-GWC', docId: '0140000001' }] }),
      freshMeta(),
    );
    expect(reassigned).toEqual({ outcome: 'resend', itemIds: first.itemIds });
  });

  it('two text-only entries of one case on one day stay two items', () => {
    const { inbox } = openInbox();
    const textOnly = { deSeqNum: null, documentNumber: null, docId: null, magicNum: null, documentUrl: null };
    inbox.ingest(
      citNotice({
        dockets: [citDocket({ ...textOnly, docketText: 'Case Reassigned to Judge Gary S. Katzmann. (afar)' })],
        attachments: [],
      }),
      freshMeta(),
    );
    const second = inbox.ingest(
      citNotice({
        dockets: [citDocket({ ...textOnly, docketText: 'NOTICE of hearing set for 4/2/2026. (afar)' })],
        attachments: [],
      }),
      freshMeta(),
    );
    expect(second.outcome).toBe('new');
    expect(inbox.list({}).items.map((item) => item.documents)).toEqual([[], []]);
  });

  it.skipIf(!ca2Acms)('an ACMS NDA (ca2_6: no case id, no de_seq_num) sent twice is one item', () => {
    const { notice } = ca2Acms ?? { notice: citNotice() };
    const { inbox } = openInbox();
    const first = inbox.ingest(notice, freshMeta());
    expect(inbox.ingest(notice, freshMeta())).toEqual({ outcome: 'resend', itemIds: first.itemIds });
    expect(inbox.get(first.itemIds[0] ?? '')?.documents.map((document) => document.state)).toEqual(['pending']);
  });
});

describe('a modified-entry notice updates the entry it names', () => {
  it('a new docket text replaces the old one, its deadlines and its search words', () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    const modified = citNotice({
      kind: 'ignored',
      reason: 'modified-entry',
      dockets: [citDocket({ docketText: 'ORDER granting stay. Joint status report due by 6/1/2026.' })],
      attachments: [],
    });
    const receivedAt = new Date('2026-03-05T15:00:00Z');
    expect(inbox.ingest(modified, freshMeta({ receivedAt }))).toEqual({ outcome: 'modified', itemIds: [id] });
    expect(inbox.get(id)).toMatchObject({
      modifiedAt: receivedAt.toISOString(),
      docketText: 'ORDER granting stay. Joint status report due by 6/1/2026.',
      deadlines: [{ date: '2026-06-01', label: 'Joint status report due' }],
    });
    expect(inbox.list({ text: 'stay' }).total).toBe(1);
    expect(inbox.list({ text: 'summons' }).total).toBe(0);
  });

  it.skipIf(!pawb1)(
    'a real "Docket Entry #314 has been updated" (pawb_1) is set aside while its entry is unknown, then applied',
    () => {
      const { notice } = pawb1 ?? { notice: citNotice() };
      const { inbox } = openInbox();
      expect(inbox.ingest(notice, freshMeta())).toEqual({
        outcome: 'set-aside',
        itemIds: [],
        reason: 'modified-entry',
      });
      const original = citNotice({
        court: 'pawb',
        dockets: [
          citDocket({
            caseNumber: '22-20823-GLT',
            caseId: '376948',
            deSeqNum: '1194',
            documentNumber: '314',
            docketText: 'Order Regarding Order to Show Cause.',
          }),
        ],
      });
      const [id = ''] = inbox.ingest(original, freshMeta()).itemIds;
      expect(inbox.ingest(notice, freshMeta())).toEqual({ outcome: 'modified', itemIds: [id] });
      expect(inbox.get(id)).toMatchObject({
        docketText: 'Order Regarding Order to Show Cause.',
        modifiedAt: expect.any(String) as string,
      });
    },
  );
});

describe('a multi-case NEF gives one item per case (docs/court-rules.md#multi-case-notices)', () => {
  it('the cases share the lead case document; only the lead link carries the free look', () => {
    const { inbox } = openInbox();
    const lead = citDocket();
    const member = citDocket({
      caseNumber: '1:26-cv-00124-MMB',
      caseName: 'Baker Pipe Co. v. United States',
      caseId: '18',
      deSeqNum: '9',
      documentNumber: '12',
      docId: '0141000001',
      magicNum: null,
    });
    const result = inbox.ingest(citNotice({ dockets: [lead, member] }), freshMeta());
    expect(result.outcome).toBe('new');
    expect(result.itemIds).toHaveLength(2);
    const memberItem = inbox.get(result.itemIds[1] ?? '');
    expect(memberItem?.documents.map((document) => [document.number, document.state])).toEqual([
      ['0', 'no-free-look'],
      ['1', 'no-free-look'],
    ]);
    expect(memberItem?.documents[0]?.message).toContain('1:26-cv-00123-MMB');
    expect(new Set(inbox.pendingDocuments().map((pending) => pending.itemId))).toEqual(new Set([result.itemIds[0]]));
  });

  it.skipIf(!nysd3)('nysd_3 (five consolidated cases) gives five items, and read again, five resends', () => {
    const { notice } = nysd3 ?? { notice: citNotice() };
    const { inbox } = openInbox();
    const first = inbox.ingest(notice, freshMeta());
    expect(first.itemIds).toHaveLength(5);
    expect(
      inbox
        .list({})
        .items.map((item) => item.caseNumber)
        .sort(),
    ).toEqual(['1:20-cv-08924-CM', '1:20-cv-10291-CM', '1:20-cv-10541-CM', '1:21-cv-00322-CM', '1:21-cv-06610-CM']);
    expect(inbox.pendingDocuments()).toHaveLength(1);
    expect(inbox.ingest(notice, freshMeta())).toEqual({ outcome: 'resend', itemIds: first.itemIds });
  });

  it.skipIf(!njb4)(
    'njb_4 (an adversary complaint in two cases, each with its own document) gives each case its own free look',
    () => {
      const { notice } = njb4 ?? { notice: citNotice() };
      const { inbox } = openInbox();
      const { itemIds } = inbox.ingest(notice, freshMeta());
      expect(itemIds).toHaveLength(2);
      expect(inbox.get(itemIds[1] ?? '')?.documents.map((document) => [document.number, document.state])).toEqual([
        ['0', 'pending'],
      ]);
    },
  );
});

describe('emails that are not docket entries are set aside, once', () => {
  it.skipIf(!cacb4 || !ohsd3)(
    'a claims notice (cacb_4) and a court announcement (ohsd_3) are set aside with the reason',
    () => {
      const { inbox } = openInbox();
      for (const [fixture, reason] of [
        [cacb4, 'claims-notice'],
        [ohsd3, 'announcement'],
      ] as const) {
        const { notice, raw } = fixture ?? { notice: citNotice(), raw: Buffer.alloc(0) };
        expect(inbox.ingest(notice, metaOf(raw))).toEqual({ outcome: 'set-aside', itemIds: [], reason });
        expect(inbox.ingest(notice, metaOf(raw)).outcome).toBe('duplicate');
      }
      expect(inbox.list({}).total).toBe(0);
    },
  );

  it("an NEF whose links are not the court's own is kept, but none of its documents waits to be fetched", () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(
      citNotice(),
      freshMeta({ linkWarning: 'The link goes to ecf-cit.example.net, not the court.' }),
    ).itemIds;
    expect(inbox.get(id)?.documents.map((document) => document.state)).toEqual(['unsafe-link', 'unsafe-link']);
    expect(inbox.get(id)?.linkWarning).toContain('not the court');
    expect(inbox.pendingDocuments()).toEqual([]);
  });
});
