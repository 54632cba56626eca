import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchFreeLook } from '../../../src-main/core/inbox/free-look-fetcher';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { startImapTestServer, type ImapTestServer } from '../../support/imap-server';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, CourtClient, doc1Link, maildirMessages, seededPassword } from '../../support/training-court';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';
import { inProcessCourtReading } from '../../support/in-process-readers';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { signAndSubmit } from '../../support/sign-and-submit';

let imap: ImapTestServer | null = null;
let harness: AccountsHarness | null = null;
const notifications: { title: string; body: string }[] = [];

beforeAll(async () => {
  imap = await startImapTestServer();
  if (!imap) {
    return;
  }
  // The court's own Maildir is not read during these tests (an hour between looks): notices can only come by IMAP.
  harness = await startAccountsHarness({
    court: { imap: { host: imap.host, port: imap.port, secure: false, user: imap.user, pass: imap.pass } },
    noticePollMs: 3_600_000,
    notifier: { notify: (title, body) => notifications.push({ title, body }) },
  });
}, 60_000);
afterAll(async () => {
  await harness?.stop();
  await imap?.stop();
});

describe('the inbox against the training court', () => {
  it('reads a filing’s NEF over IMAP, saves its free look once, never pays, and marks the filing filed', async (context) => {
    if (!harness || !imap) {
      return context.skip();
    }
    const { handlers } = harness;
    const account = await handlers['accounts.save']({
      loginId: 'twalsh',
      kind: 'filer',
      defaultClientCode: null,
      mfaMode: 'none',
      password: seededPassword('twalsh'),
    });
    await handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
    const mailbox = await handlers['mailboxes.save']({
      host: imap.host,
      port: imap.port,
      secure: false,
      user: imap.user,
      auth: 'password',
      secret: imap.pass,
      folder: 'INBOX',
      marksRead: false,
    });
    expect(mailbox).toMatchObject({ secretSaved: true, state: 'watching' });

    const record = await handlers['documents.add']({ jobId: 'inbox', name: 'appearance.pdf', bytes: await makePdf(3) });
    await vi.waitFor(async () => expect((await handlers['documents.list']({}))[0]?.preflight.state).toBe('done'), {
      timeout: 20_000,
    });
    const draft = await handlers['drafts.create']({});
    await handlers['drafts.update']({
      id: draft.id,
      changes: appearanceIn1017(record.id),
    });
    await signAndSubmit(handlers, draft.id, true);

    // The NEF comes in through the IMAP mailbox (IDLE), and its free look is saved.
    let itemId = '';
    await vi.waitFor(
      async () => {
        const item = (await handlers['inbox.list']({ caseNumber: '1:26-cv-00123' })).items.find((candidate) =>
          candidate.docketText?.includes('Form 11 Notice of Appearance'),
        );
        expect(item?.documents[0]?.state).toBe('saved');
        itemId = item?.id ?? '';
      },
      { timeout: 30_000, interval: 200 },
    );
    const item = await handlers['inbox.get']({ id: itemId });
    // The desktop app shows a notification for the new notice (once, not for the copies to other addresses).
    expect(notifications.filter((notification) => notification.title === 'New notice: 1:26-cv-00123-MMB')).toHaveLength(
      1,
    );
    const records = await handlers['documents.list']({});
    expect(item.documents[0]?.sha256).toBe(records.find((candidate) => candidate.id === record.id)?.sha256);
    expect(item.linkWarning).toBeNull();
    const saved = await handlers['inbox.documentContent']({ id: itemId, number: '0' });
    expect(createHash('sha256').update(saved).digest('hex')).toBe(item.documents[0]?.sha256);
    // Filed because the inbox saw its NEF arrive by IMAP (the Maildir is not being read).
    await vi.waitFor(
      async () => expect((await handlers['drafts.get']({ id: draft.id })).draft.outbox?.state).toBe('filed'),
      { timeout: 20_000 },
    );

    // A second look through the link the inbox used (the first notice delivered: Jane Morgan's) is refused, and nothing was charged.
    await harness.court.settleMail();
    const link = doc1Link(maildirMessages(harness.court, 'jmorgan@morganreyes.example').at(-1) ?? '');
    const again = await fetchFreeLook({
      ...inProcessCourtReading,
      url: `${harness.court.url}${link}`,
      fetch: (url, init) => fetch(url, init),
    });
    expect(again).toMatchObject({ kind: 'stopped', state: 'used' });
    const viewer = new CourtClient(harness.court.url);
    await viewer.loginAs('twalsh');
    expect(((await (await viewer.get('/services/fee-ledger')).json()) as { totalCents: number }).totalCents).toBe(0);
  });

  it('flags a notice whose link goes elsewhere as possible phishing, and never fetches it', async (context) => {
    if (!harness) {
      return context.skip();
    }
    const before = ((await admin(harness.court, 'GET', '/admin/state')) as { faults: object }).faults;
    const forged = composeNefEmail(
      sampleNefEntry({
        court: {
          name: 'U.S. Court of International Trade',
          baseUrl: 'https://ecf.cit.uscourts.gov.payments-check.example',
          fromAddress: 'cmecf@cit.uscourts.gov',
          mailDomain: 'cit.uscourts.gov',
        },
        deSeqNum: 77,
      }),
      { email: 'jmorgan@morganreyes.example', magicNum: '11112222' },
      { messageId: 'forged', date: new Date() },
    );
    const summary = await harness.handlers['inbox.importFile']({
      name: 'forged.eml',
      bytes: new TextEncoder().encode(forged),
    });
    expect(summary.imported).toBe(1);
    const item =
      (await harness.handlers['inbox.list']({ text: 'forged' })).items[0] ??
      (await harness.handlers['inbox.list']({})).items.find((candidate) => candidate.deSeqNum === '77');
    expect(item?.linkWarning).toMatch(/phishing|not go to the court/i);
    expect(item?.documents.every((document) => document.state === 'unsafe-link')).toBe(true);
    expect(((await admin(harness.court, 'GET', '/admin/state')) as { faults: object }).faults).toEqual(before);
  });

  it('exports the deadlines its notices set as an iCalendar file', async (context) => {
    if (!harness) {
      return context.skip();
    }
    const notice = composeNefEmail(
      sampleNefEntry({
        deSeqNum: 88,
        docketText: 'ORDER granting Consent Motion for Extension of Time. Response due by 12/15/2026. (Clerk)',
      }),
      { email: 'jmorgan@morganreyes.example', magicNum: '33334444' },
      { messageId: 'deadline', date: new Date() },
    );
    await harness.handlers['inbox.importFile']({ name: 'order.eml', bytes: new TextEncoder().encode(notice) });
    const ics = new TextDecoder().decode(await harness.handlers['inbox.exportDeadlines']({}));
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261215');
  });
});
