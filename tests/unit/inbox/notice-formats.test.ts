import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src-main/core/html/decode-entities';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { readDocumentLink } from '../../../src-main/core/inbox/nef/read-links';
import { readSubject, stripSubjectPrefixes } from '../../../src-main/core/inbox/nef/read-subject';
import { buildMessage } from './synthetic-notices';

describe('document links (docs/court-rules.md#notice-format)', () => {
  it('reads a bankruptcy doc1 link whatever the parameter order', () => {
    expect(
      readDocumentLink(
        'https://ecf.deb.uscourts.gov/doc1/042021533455?pdf_header=&magic_num=47456538&de_seq_num=1312&caseid=192329',
      ),
    ).toMatchObject({
      docId: '042021533455',
      caseId: '192329',
      deSeqNum: '1312',
      magicNum: '47456538',
    });
  });

  it('an empty magic_num or the MAGIC placeholder means there is no free look', () => {
    expect(
      readDocumentLink('https://ecf.cacd.uscourts.gov/doc1/031139427411?caseid=1&de_seq_num=2&magic_num=')?.magicNum,
    ).toBeNull();
    expect(
      readDocumentLink('https://ecf.nysd.uscourts.gov/doc1/127132041950?caseid=550445&de_seq_num=479&magic_num=MAGIC')
        ?.magicNum,
    ).toBeNull();
  });

  it('an appellate docs1 link carries its free look in uid; an ACMS link in its GUID', () => {
    expect(readDocumentLink('https://ecf.cafc.uscourts.gov/docs1/01301993624?uid=4c6ae1ed93856cd0')).toMatchObject({
      docId: '01301993624',
      magicNum: '4c6ae1ed93856cd0',
      caseId: null,
    });
    expect(
      readDocumentLink('https://ca9-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017'),
    ).toMatchObject({ docId: null, magicNum: '387d07d4-4f3c-f011-b4cc-001dd80ba017' });
  });
});

describe('subject lines (docs/court-rules.md#notice-format)', () => {
  it('takes off forward and re-send prefixes, however many', () => {
    expect(stripSubjectPrefixes('Re: Fwd: FW: Activity in Case 1:21-cv-00057-WS-N Troxel')).toEqual({
      subject: 'Activity in Case 1:21-cv-00057-WS-N Troxel',
      isForwarded: true,
      isResent: false,
    });
    expect(stripSubjectPrefixes('Re-send: 20-15568 Brown v. Arizona "Deleted Entry"')).toMatchObject({
      isForwarded: false,
      isResent: true,
    });
  });

  it('finds the short description behind a bankruptcy case number and a truncated case name', () => {
    const cases = [{ caseNumber: '23-13359-VFP', caseName: 'Bed Bath & Beyond Inc.' }];
    expect(readSubject('Ch-11 23-13359-VFP Complaint - Bed Bath & Beyond', cases, false).shortDescription).toBe(
      'Complaint',
    );
    expect(
      readSubject(
        'NEF: 22-22507-cgm Ch13 Affidavit Re: Gerasimos Stefanitsis',
        [{ caseNumber: '22-22507-cgm', caseName: 'Gerasimos Stefanitsis' }],
        false,
      ).shortDescription,
    ).toBe('Affidavit');
  });

  it('reads the ACMS document number, which the notice gives only in the subject', () => {
    expect(
      readSubject(
        'National TPS Alliance, et al. v. Noem, et al. 25-2120 - 049 - Motion for Judicial Notice',
        [{ caseNumber: '25-2120', caseName: null }],
        true,
      ),
    ).toEqual({
      shortDescription: 'Motion for Judicial Notice',
      acmsDocumentNumber: '49',
      caseNumber: '25-2120',
    });
  });
});

describe('HTML and text as CM/ECF writes them', () => {
  it('decodes &nbsp without its semicolon, numeric references and zero-width spaces', () => {
    expect(decodeEntities('Name &nbsp &nbsp a@b.com &amp; &#167;&#x41;&#8203;')).toBe('Name     a@b.com & §A');
  });

  it('reads a Text-format NEF: wrapped transaction line and case name, the link below "Copy the URL", formatting tags in the docket text', async () => {
    const body = [
      'U.S. District Court',
      'District of Columbia',
      '',
      'Notice of Electronic Filing',
      'The following transaction was entered  by Weissmann, Andrew  on 3/15/2019',
      '9:52 AM  and filed on 3/15/2019',
      '',
      'Case Name: USA v. MANAFORT et',
      'al',
      'Case Number: 1:17-cr-00201-ABJ https://ecf.dcd.uscourts.gov/cgi-bin/DktRpt.pl?190596',
      '',
      'Filer:  USA',
      '',
      'WARNING: CASE CLOSED on 02/21/2024',
      '',
      'Document Number: 551',
      '',
      'Copy the URL address from the line below into the location bar',
      'of your Web browser to view the document:',
      'https://ecf.dcd.uscourts.gov/doc1/04517059984?caseid=20190598&de_seq_num=2335&magic_num=34532',
      '',
      'Docket Text:',
      'Joint  STATUS REPORT <i></i>   by USA',
      'as to RICHARD W. GATES, III (Weissmann, Andrew)',
      '',
      '1:17-cr-00201-ABJ-2 Notice has been electronically mailed to:',
      'Adam                 C. Jed',
      '   ACJ@usdoj.gov',
      '',
      '1:17-cr-00201-ABJ-2 Notice will be delivered by other means to::',
    ].join('\n');
    const notice = await parseNotice(
      buildMessage(
        {
          From: 'DCD_ECFNotice@dcd.uscourts.gov',
          Subject: 'Activity in Case 1:17-cr-00201-ABJ USA v. MANAFORT et al Status Report',
          'Content-Type': 'text/plain',
        },
        body,
      ),
    );
    expect(notice.dockets).toEqual([
      expect.objectContaining({
        caseNumber: '1:17-cr-00201-ABJ',
        caseName: 'USA v. MANAFORT et al',
        caseId: '20190598',
        documentNumber: '551',
        docketText: 'Joint STATUS REPORT by USA as to RICHARD W. GATES, III (Weissmann, Andrew)',
        shortDescription: 'Status Report',
        dateFiled: '2019-03-15',
        filer: 'USA',
        caseClosedOn: '2024-02-21',
        docId: '04517059984',
      }),
    ]);
    expect(notice.recipients).toEqual([{ name: 'Adam C. Jed', emails: ['ACJ@usdoj.gov'] }]);
  });

  it('reads a quoted-printable ACMS NDA, giving each document its own link', async () => {
    const html = [
      '<div><strong>United States Court of Appeals for the&nbsp;Ninth Circuit</strong></div>',
      '<div><strong>Notice of Docket Activity</strong></div>',
      '<div><br>The following transaction was entered on 05/28/2025 8:58:22 PM PDT and filed on 05/28/2025</div>',
      '<div><br><strong>Case Name:&nbsp;</strong>National TPS Alliance, et al. v. Noem, et al.&nbsp;</div>',
      "<div><br><strong>Case Number:\n</strong><a href='https://ca9-showdoc.azurewebsites.us/25-2120'>25-2120</a></div>",
      '<div><br><strong>Docket Text:</strong></div><div><br><div><strong>MOTION</strong> for Judicial Notice.</div></div>',
      "<div class='documents'><b>Document:</b> <a href='https://ca9-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017'>Motion</a><br/>",
      "<b>Document:</b> <a href='https://ca9-showdoc.azurewebsites.us/NDA/427d07d4-4f3c-f011-b4cc-001dd80ba017'>Exhibit</a><br/></div>",
      '<div><strong>Notice will be electronically mailed to:</strong><br>&nbsp;</div><div>User Example ; example@mail.com<br/></div>',
    ].join('\n');
    const quotedPrintable = html.replace(/=/g, '=3D').replace(/(.{70})/g, '$1=\r\n');
    const raw = buildMessage(
      {
        From: 'ACMS@ca9.fedcourts.us',
        Subject: ' National TPS Alliance, et al. v. Noem, et al. 25-2120 - 049 - Motion for Judicial Notice',
        'Content-Type': ' text/html; charset=us-ascii',
        'Content-Transfer-Encoding': ' quoted-printable',
      },
      quotedPrintable,
    );
    const notice = await parseNotice(raw);
    expect(notice).toMatchObject({
      kind: 'nda',
      court: 'ca9',
      isAcms: true,
      recipients: [{ name: 'User Example', emails: ['example@mail.com'] }],
    });
    expect(notice.dockets[0]).toMatchObject({
      caseNumber: '25-2120',
      documentNumber: '49',
      docketText: 'MOTION for Judicial Notice.',
      magicNum: '387d07d4-4f3c-f011-b4cc-001dd80ba017',
      caseId: null,
      docId: null,
    });
    expect(
      notice.attachments.map((attachment) => [
        attachment.number,
        attachment.description,
        attachment.documentUrl?.slice(-36),
      ]),
    ).toEqual([
      ['0', 'Motion', '387d07d4-4f3c-f011-b4cc-001dd80ba017'],
      ['1', 'Exhibit', '427d07d4-4f3c-f011-b4cc-001dd80ba017'],
    ]);
  });
});
