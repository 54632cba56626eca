import {
  buildMessage,
  districtCaseTable,
  districtNefBody,
  districtRecipients,
  documentEntry,
} from '../synthetic-notices';

/**
 * A CIT NEF for docket entry `documentNumber` of one case, built in code (no public CIT NEF exists;
 * see synthetic-notices.ts), so the source tests run without ../shared.
 */
export function citNotice(documentNumber: number, shortDescription = 'Motion for Extension of Time'): string {
  const documentUrl = `https://ecf.cit.uscourts.gov/doc1/0141000${String(documentNumber).padStart(3, '0')}?caseid=17&de_seq_num=${documentNumber * 10}&magic_num=4711`;
  const table = districtCaseTable({
    caseName: 'Acme Steel Corp. v. United States',
    caseNumber: '1:26-cv-00123-MMB',
    docketUrl: 'https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?17',
    filer: 'Acme Steel Corp.',
    documentNumber: String(documentNumber),
    documentUrl,
    docketText: `${shortDescription.toUpperCase()} (Doe, Jane)`,
  });
  return buildMessage(
    {
      'MIME-Version': '1.0',
      'Message-ID': `<cit-${documentNumber}@cit.uscourts.gov>`,
      Date: 'Mon, 2 Mar 2026 16:06:00 -0500',
      From: 'cmecf_notice@cit.uscourts.gov',
      To: 'clerk@example.test',
      Subject: `Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States ${shortDescription}`,
      'Content-Type': ' text/html',
    },
    districtNefBody({
      court: 'United States Court of International Trade',
      transaction:
        'The following transaction was entered  by Doe, Jane  on 3/2/2026 at 4:06 PM EST and filed on 3/2/2026',
      tables: [table],
      recipients: districtRecipients('1:26-cv-00123-MMB', [{ name: 'Jane Doe', emails: ['jdoe@example.com'] }]),
      documents: documentEntry('Main Document', '1008691343', '3/2/2026', `28116328-${documentNumber}`),
    }),
  );
}
