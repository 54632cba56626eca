import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import {
  buildMessage,
  districtCaseTable,
  districtNefBody,
  districtRecipients,
  documentEntry,
} from './synthetic-notices';

const citDocumentUrl = 'http://127.0.0.1:4567/doc1/0141000001?caseid=17&de_seq_num=5&magic_num=12345678';

function citNef(
  overrides: { subject?: string; transaction?: string; footer?: string; extraHeaders?: Record<string, string> } = {},
): string {
  const table = districtCaseTable({
    caseName: 'Acme Steel Corp. v. \nUnited States',
    caseNumber: '1:26-cv-00123-MMB',
    docketUrl: 'http://127.0.0.1:4567/cgi-bin/DktRpt.pl?17',
    filer: 'Acme Steel Corp.',
    documentNumber: '5',
    documentUrl: citDocumentUrl,
    docketText:
      'MOTION for Extension of Time to File Complaint &amp; Summons. (Attachments: # (1) Text of Proposed Order)(Doe, Jane)',
  });
  return buildMessage(
    {
      'MIME-Version': '1.0',
      From: 'cmecf_notice@cit.uscourts.gov',
      To: 'CourtMail@cit.uscourts.gov',
      Subject:
        overrides.subject ??
        'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States\r\n Motion for Extension of Time',
      'Content-Type': ' text/html',
      ...overrides.extraHeaders,
    },
    districtNefBody({
      court: 'United States Court of International Trade',
      transaction:
        overrides.transaction ??
        'The following transaction was entered  by Doe, Jane  on 3/2/2026 at 4:06 \nPM EST and filed on 3/2/2026',
      tables: [table],
      recipients: districtRecipients('1:26-cv-00123-MMB', [
        { name: 'Jane Doe', emails: ['jdoe@example.com', 'docketing@example.com'] },
        { name: 'Trade Attorney', emails: ['trade.attorney@usdoj.gov'] },
      ]),
      documents: [
        documentEntry('Main Document', '1008691343', '3/2/2026', '28116328-0'),
        documentEntry('Text of Proposed Order', '1008691343', '3/2/2026', '28116328-1'),
      ].join('\n'),
      footer: overrides.footer,
    }),
  );
}

describe('a CIT district NEF (built in code: no public CIT NEF exists)', () => {
  it('reads the case, the entry and its free-look link, keeping an http link on 127.0.0.1 as it is', async () => {
    const notice = await parseNotice(citNef());
    expect(notice).toMatchObject({
      kind: 'nef',
      reason: null,
      court: 'cit',
      regenerated: false,
      forwarded: false,
      isAcms: false,
    });
    expect(notice.dockets).toEqual([
      {
        caseNumber: '1:26-cv-00123-MMB',
        caseName: 'Acme Steel Corp. v. United States',
        caseId: '17',
        documentNumber: '5',
        docketText:
          'MOTION for Extension of Time to File Complaint & Summons. (Attachments: # (1) Text of Proposed Order)(Doe, Jane)',
        shortDescription: 'Motion for Extension of Time',
        dateFiled: '2026-03-02',
        dateEntered: '2026-03-02',
        deSeqNum: '5',
        docId: '0141000001',
        magicNum: '12345678',
        documentUrl: citDocumentUrl,
        filer: 'Acme Steel Corp.',
        caseClosedOn: null,
      },
    ]);
  });

  it('lists the main document and the attachment with their stamps, and the people served by email', async () => {
    const notice = await parseNotice(Buffer.from(citNef()));
    expect(
      notice.attachments.map(({ number, description, stamp }) => [
        number,
        description,
        stamp?.kind,
        stamp?.fileNumber,
        stamp?.date,
      ]),
    ).toEqual([
      ['0', 'Main Document', 'dcecf', '28116328-0', '2026-03-02'],
      ['1', 'Text of Proposed Order', 'dcecf', '28116328-1', '2026-03-02'],
    ]);
    expect(notice.attachments[0]?.stamp?.hash).toHaveLength(128);
    expect(notice.recipients).toEqual([
      { name: 'Jane Doe', emails: ['jdoe@example.com', 'docketing@example.com'] },
      { name: 'Trade Attorney', emails: ['trade.attorney@usdoj.gov'] },
    ]);
  });

  it('a regenerated NEF says so, and its transaction dates may carry seconds and leading zeros (courtlistener#1779)', async () => {
    const notice = await parseNotice(
      citNef({
        transaction: 'The following transaction was entered on 09/04/2020 at 5:44:08 PM and filed on 09/03/2020',
        footer: '<BR>This is a re-generated NEF. Created on 9/8/2020 at 6:07 PM<BR>',
      }),
    );
    expect(notice.regenerated).toBe(true);
    expect(notice.kind).toBe('nef');
    expect(notice.dockets[0]).toMatchObject({
      dateFiled: '2020-09-03',
      dateEntered: '2020-09-04',
      magicNum: '12345678',
    });
    expect(notice.attachments).toHaveLength(2);
  });

  it('a forwarded NEF keeps its subject as received and is marked forwarded', async () => {
    const notice = await parseNotice(
      citNef({
        subject:
          'FW: Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion for Extension of Time',
      }),
    );
    expect(notice).toMatchObject({
      forwarded: true,
      subject: 'FW: Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion for Extension of Time',
    });
    expect(notice.dockets[0]?.shortDescription).toBe('Motion for Extension of Time');
  });
});

describe('a notice forwarded from a law-firm mailbox, multipart/related with a signature image', () => {
  it('is still read as the NEF it quotes, with the court taken from the forwarded sender', async () => {
    const nef = citNef().split('\r\n\r\n').slice(1).join('\r\n\r\n');
    const html = `<html><body><p>See below.</p><img src="cid:logo@firm"><p>-----Original Message-----<br>From: cmecf_notice@cit.uscourts.gov<br>Subject: Activity in Case 1:26-cv-00123-MMB</p>${nef}</body></html>`;
    const raw = [
      'From: Paralegal <paralegal@firm.example>',
      'Subject: Fwd: Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States',
      ' Motion for Extension of Time',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--b1',
      'Content-Type: image/png',
      'Content-ID: <logo@firm>',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--b1--',
      '',
    ].join('\r\n');
    const notice = await parseNotice(raw);
    expect(notice).toMatchObject({ kind: 'nef', forwarded: true, court: 'cit' });
    expect(notice.dockets[0]).toMatchObject({
      caseNumber: '1:26-cv-00123-MMB',
      magicNum: '12345678',
      shortDescription: 'Motion for Extension of Time',
    });
  });
});

describe('a multi-case NEF (consolidated cases, docs/court-rules.md#multi-case-notices)', () => {
  const documentUrl = (caseId: string, deSeqNum: string, magic: string): string =>
    `https://ecf.nysd.uscourts.gov/doc1/127132041950?caseid=${caseId}&de_seq_num=${deSeqNum}&magic_num=${magic}`;
  const raw = buildMessage(
    {
      From: 'NYSD_ECF_Pool@nysd.uscourts.gov',
      Subject: 'Activity in Case 1:21-cv-00322-CM People v. City Of New York Letter',
      'Content-Type': 'text/html',
    },
    districtNefBody({
      court: 'U.S. District Court',
      transaction: 'The following transaction was entered on 9/29/2022 at 5:01 PM EDT and filed on 9/29/2022',
      tables: [
        districtCaseTable({
          caseName: 'IN RE: POLICING',
          caseNumber: '1:20-cv-08924-CM',
          docketUrl: 'https://ecf.nysd.uscourts.gov/cgi-bin/DktRpt.pl?546923',
          filer: 'Krystin Hernandez',
          documentNumber: '749',
          documentUrl: documentUrl('546923', '2598', '51520574'),
          docketText: 'LETTER addressed to Judge Colleen McMahon.',
        }),
        districtCaseTable({
          caseName: 'People v. City Of New York',
          caseNumber: '1:21-cv-00322-CM',
          docketUrl: 'https://ecf.nysd.uscourts.gov/cgi-bin/DktRpt.pl?552145',
          filer: 'Krystin Hernandez',
          documentNumber: '146',
          documentUrl: documentUrl('552145', '514', 'MAGIC'),
          docketText: 'LETTER addressed to Judge Colleen McMahon.',
        }),
      ],
      recipients:
        districtRecipients('1:20-cv-08924-CM', [{ name: 'Test User1', emails: ['testing@example.com'] }]) +
        districtRecipients('1:21-cv-00322-CM', [{ name: 'Test User1', emails: ['testing@example.com'] }]),
      documents: documentEntry('Main Document', '1008691343', '9/29/2022', '1-0'),
    }),
  );

  it('gives every case its own entry, with the free look only on the first; MAGIC means none', async () => {
    const notice = await parseNotice(raw);
    expect(
      notice.dockets.map(({ caseNumber, caseId, documentNumber, deSeqNum, docId, magicNum }) => ({
        caseNumber,
        caseId,
        documentNumber,
        deSeqNum,
        docId,
        magicNum,
      })),
    ).toEqual([
      {
        caseNumber: '1:20-cv-08924-CM',
        caseId: '546923',
        documentNumber: '749',
        deSeqNum: '2598',
        docId: '127132041950',
        magicNum: '51520574',
      },
      {
        caseNumber: '1:21-cv-00322-CM',
        caseId: '552145',
        documentNumber: '146',
        deSeqNum: '514',
        docId: '127132041950',
        magicNum: null,
      },
    ]);
    expect(notice.dockets.map((docket) => docket.shortDescription)).toEqual(['Letter', 'Letter']);
  });

  it('lists a person served in both cases once', async () => {
    expect((await parseNotice(raw)).recipients).toEqual([{ name: 'Test User1', emails: ['testing@example.com'] }]);
  });
});

describe('emails that are not new filings', () => {
  it('a modified-entry notice is ignored but still names the entry it edits', async () => {
    const raw = buildMessage(
      {
        From: 'court_test@pawb.uscourts.gov',
        Subject: '22-20823-GLT  Docket Entry #314 has been updated',
        'Content-Type': 'text/html',
      },
      `<p align=center><strong>U.S. Bankruptcy Court</strong><BR><align=center>Notice of Electronic Filing<BR>
<div><BR>The following transaction was edited by nsha on 1/30/2023 at 4:14 PM EST<BR>
<table border=0 cellspacing=0>
<tr><td><strong>Case Name:</strong></td><td>U LOCK INC</td></tr>
<tr><td><strong>Case Number:</strong></td><td><A HREF=https://ecf.pawb.uscourts.gov/cgi-bin/DktRpt.pl?376948>22-20823-GLT</A></td></tr>
<tr><td><strong>Document Number:</strong></td>
<td> <a href='https://ecf.pawb.uscourts.gov/doc1/156029036038?pdf_header=&magic_num=91773947&de_seq_num=1194&caseid=376948'>314</a> </td></tr>
</table>
<p><strong>Description of changes:</strong><BR><BR> Modified Dkt text from:</BR></p></div>`,
    );
    const notice = await parseNotice(raw);
    expect(notice).toMatchObject({ kind: 'ignored', reason: 'modified-entry', court: 'pawb' });
    expect(notice.dockets[0]).toMatchObject({
      caseNumber: '22-20823-GLT',
      caseId: '376948',
      deSeqNum: '1194',
      documentNumber: '314',
    });
  });

  it('a claims notice, an announcement and an ordinary email are ignored with their reasons', async () => {
    const claims = buildMessage(
      { From: 'x@cacb.uscourts.gov', Subject: 'Proof of Claim 6:22-bk-13643-SY', 'Content-Type': 'text/html' },
      '<p>Notice of Electronic Claims Filing</p>',
    );
    const announcement = buildMessage(
      { From: 'x@ohsd.uscourts.gov', Subject: 'Contact Information', 'Content-Type': 'text/html' },
      '<p>This is an announcement e-mail message generated by Court action through the CM/ECF system.</p>',
    );
    const ordinary = buildMessage(
      { From: 'colleague@example.com', Subject: 'Lunch?', 'Content-Type': 'text/plain' },
      'Are you free at noon?',
    );
    expect((await parseNotice(claims)).reason).toBe('claims-notice');
    expect((await parseNotice(announcement)).reason).toBe('announcement');
    expect(await parseNotice(ordinary)).toMatchObject({
      kind: 'ignored',
      reason: 'not-a-notice',
      court: null,
      dockets: [],
    });
  });
});
