import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { startImapTestServer, type ImapTestServer } from '../../support/imap-server';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, CourtClient, maildirMessages, startTestCourt } from '../../support/training-court';

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;
let filer: CourtClient;

beforeAll(async () => {
  court = await startTestCourt();
  filer = new CourtClient(court.url);
  await filer.loginAs('jmorgan');
});
afterAll(async () => {
  await court.stop();
});

const case1017Addresses = [
  'jmorgan@morganreyes.example',
  'docketing@morganreyes.example',
  'rpatel@morganreyes.example',
  'thomas.walsh@usdoj.example',
];

describe('notices of electronic filing from the training court', () => {
  it('mails every registered address of the case one NEF that parses back into the entry’s fields', async () => {
    const before = case1017Addresses.map((email) => maildirMessages(court, email).length);
    const result = await filer.file({
      caseId: 1017,
      eventId: 'motion-to-stay',
      partyIds: ['acme'],
      main: { name: 'motion-to-stay.pdf', bytes: await makePdf(2) },
      attachments: [{ name: 'proposed-order.pdf', bytes: await makePdf(1), description: 'Proposed Order' }],
    });
    expect(result.kind).toBe('nef-receipt');
    await court.settleMail();
    // The shared docketing mailbox is listed by two attorneys but gets one notice.
    expect(
      case1017Addresses.map(
        (email) => maildirMessages(court, email).length - (before[case1017Addresses.indexOf(email)] ?? 0),
      ),
    ).toEqual([1, 1, 1, 1]);

    const notices = await Promise.all(
      case1017Addresses.map(async (email) => parseNotice(maildirMessages(court, email).at(-1) ?? '')),
    );
    const docket = notices[0]?.dockets[0];
    expect(notices[0]).toMatchObject({ kind: 'nef', regenerated: false, forwarded: false });
    expect(notices[0]?.subject).toBe(
      'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion to Stay',
    );
    expect(docket).toMatchObject({
      caseNumber: '1:26-cv-00123-MMB',
      caseName: 'Acme Steel Corp. v. United States',
      caseId: '1017',
      documentNumber: expect.stringMatching(/^\d+$/),
      deSeqNum: expect.stringMatching(/^\d+$/),
      docId: expect.stringMatching(/^014\d{7}$/),
      docketText:
        'Motion to Stay. Filed by Jane Morgan of Morgan & Reyes LLP on behalf of Acme Steel Corp.. (Attachments: # (1) Proposed Order) (Morgan, Jane)',
      filer: 'Acme Steel Corp.',
    });
    expect(docket?.dateFiled).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(docket?.documentUrl).toContain(
      `${court.url}/doc1/${docket?.docId}?caseid=1017&de_seq_num=${docket?.deSeqNum}&magic_num=`,
    );
    // One magic number per address.
    const magicNumbers = notices.map((notice) => notice.dockets[0]?.magicNum);
    expect(new Set(magicNumbers).size).toBe(4);
    expect(magicNumbers.every((magic) => /^\d{8}$/.test(magic ?? ''))).toBe(true);
    expect(notices[0]?.attachments.map((attachment) => attachment.description)).toEqual([
      'Main Document',
      'Proposed Order',
    ]);
    expect(notices[0]?.recipients.map((recipient) => recipient.name)).toEqual([
      'Jane Morgan',
      'Riya Patel',
      'Thomas Walsh',
    ]);
    expect(notices[0]?.recipients[0]?.emails).toEqual(['jmorgan@morganreyes.example', 'docketing@morganreyes.example']);
  });

  it('lists a pro se party without e-service under "delivered by other means" and mails only the registered', async () => {
    const walsh = new CourtClient(court.url);
    await walsh.loginAs('twalsh');
    const result = await walsh.file({
      caseId: 1031,
      eventId: 'answer',
      partyIds: ['us-1031'],
      main: { name: 'answer.pdf', bytes: await makePdf(1) },
      related: [1],
    });
    expect(result.kind).toBe('nef-receipt');
    await court.settleMail();
    const notice = await parseNotice(maildirMessages(court, 'thomas.walsh@usdoj.example').at(-1) ?? '');
    expect(notice.dockets[0]?.caseNumber).toBe('1:26-cv-00201-JAR');
    expect(notice.recipients.map((recipient) => recipient.name)).toEqual(['Thomas Walsh']);
    expect(notice.otherMeansRecipients).toEqual([expect.objectContaining({ name: 'Harold Brennan' })]);
  });

  it('re-sends a regenerated NEF on request, with the same entry and a new free look', async () => {
    const first = await parseNotice(maildirMessages(court, 'rpatel@morganreyes.example').at(-1) ?? '');
    const docket = first.dockets[0];
    await admin(court, 'POST', '/admin/regenerate-nef', { caseId: 1017, deSeqNum: Number(docket?.deSeqNum) });
    const again = await parseNotice(maildirMessages(court, 'rpatel@morganreyes.example').at(-1) ?? '');
    expect(again.regenerated).toBe(true);
    expect(again.dockets[0]).toMatchObject({
      caseId: '1017',
      deSeqNum: docket?.deSeqNum,
      docId: docket?.docId,
      docketText: docket?.docketText,
    });
    expect(again.dockets[0]?.magicNum).not.toBe(docket?.magicNum);
  });
});

describe('delivery to an IMAP mailbox', () => {
  let imap: ImapTestServer | null = null;
  beforeAll(async () => {
    imap = await startImapTestServer();
  }, 30_000);
  afterAll(async () => {
    await imap?.stop();
  });

  it('appends every notice to the firm’s IMAP mailbox, unread, and it parses back', async (context) => {
    if (!imap) {
      return context.skip();
    }
    const imapCourt = await startTestCourt({
      imap: { host: imap.host, port: imap.port, secure: false, user: imap.user, pass: imap.pass },
    });
    try {
      const client = new CourtClient(imapCourt.url);
      await client.loginAs('dchen', { clientCode: 'PCIA' });
      expect(
        (
          await client.file({
            caseId: 1024,
            eventId: 'motion-for-oral-argument',
            partyIds: ['pcia'],
            main: { name: 'oral.pdf', bytes: await makePdf(1) },
            related: [1],
          })
        ).kind,
      ).toBe('nef-receipt');
      await imapCourt.settleMail();
      const mailbox = new ImapFlow({
        host: imap.host,
        port: imap.port,
        secure: false,
        auth: { user: imap.user, pass: imap.pass },
        logger: false,
      });
      await mailbox.connect();
      try {
        const lock = await mailbox.getMailboxLock('INBOX');
        try {
          const messages: { source: Buffer; flags: Set<string> }[] = [];
          for await (const message of mailbox.fetch('1:*', { source: true, flags: true })) {
            messages.push({ source: message.source as Buffer, flags: message.flags ?? new Set() });
          }
          // Case 1024: Chen, Walsh, Morgan and the shared docketing address.
          expect(messages).toHaveLength(4);
          expect(messages.every((message) => !message.flags.has('\\Seen'))).toBe(true);
          const notice = await parseNotice(messages[0]?.source ?? '');
          expect(notice.kind).toBe('nef');
          expect(notice.dockets[0]).toMatchObject({ caseNumber: '1:26-cv-00145-GWC-TCS-LMG', caseId: '1024' });
          expect(notice.dockets[0]?.docketText).toContain('Motion for Oral Argument');
        } finally {
          lock.release();
        }
      } finally {
        await mailbox.logout();
      }
      const state = (await admin(imapCourt, 'GET', '/admin/state')) as {
        mail: { channel: string; deliveredAt: number | null; error: string | null }[];
      };
      expect(
        state.mail
          .filter((row) => row.channel === 'imap')
          .every((row) => row.deliveredAt !== null && row.error === null),
      ).toBe(true);
    } finally {
      await imapCourt.stop();
    }
  });
});
