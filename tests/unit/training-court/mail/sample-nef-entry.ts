import type { NefEntry } from '../../../../src-main/training-court/mail/nef-message';

/**
 * A synthetic CIT docket entry (there is no public CIT NEF to copy): a motion with one exhibit, two
 * electronic recipients and one served by mail. Tests override the fields their rule is about.
 */
export function sampleNefEntry(overrides: Partial<NefEntry> = {}): NefEntry {
  return {
    court: {
      name: 'U.S. Court of International Trade',
      baseUrl: 'http://127.0.0.1:8931',
      fromAddress: 'cmecf_notices@cit.uscourts.gov',
      mailDomain: 'cit.uscourts.gov',
    },
    caseId: 4821,
    caseNumber: '1:26-cv-00123-MMB',
    caseName: 'Acme Steel Corp. v. United States',
    shortDescription: 'Motion to Intervene',
    documentNumber: 17,
    deSeqNum: 52,
    filer: 'Acme Steel Corp.',
    enteredBy: 'Morgan, Jane',
    enteredAt: new Date('2026-07-14T19:42:10Z'),
    filedAt: new Date('2026-07-14T19:42:10Z'),
    docketText:
      'MOTION to Intervene by Acme Steel Corp. (Attachments: # (1) Exhibit A - Entry summaries)(Morgan, Jane)',
    documents: [
      {
        description: 'Main Document',
        originalFilename: 'motion-to-intervene.pdf',
        docId: '0141348336',
        stampId: '1008691343',
        fileNumber: '2811633-0',
        stampDigest: 'ab'.repeat(64),
      },
      {
        description: 'Exhibit A - Entry summaries',
        originalFilename: 'exhibit-a.pdf',
        docId: '0141348337',
        stampId: '1008691343',
        fileNumber: '2811633-1',
        stampDigest: 'cd'.repeat(64),
      },
    ],
    electronicRecipients: [
      { name: 'Jane Morgan', emails: ['jmorgan@acmelaw.example', 'docketing@acmelaw.example'] },
      { name: 'Robert Chen', emails: ['robert.chen@usdoj.example'] },
    ],
    otherMeansRecipients: [{ name: 'Pat Doe', addressLines: ['1 Main Street', 'Springfield, IL 62701'] }],
    ...overrides,
  };
}
