import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../../src-main/core/inbox/nef/parse-notice';
import { readMailFile as readMailFileWith } from '../../../../src-main/core/inbox/sources/file-source';
import { msgToRfc822 } from '../../../../src-main/core/inbox/sources/msg-to-rfc822';
import { sharedFixture } from '../../../support/paths';
import { citNotice } from './cit-notice';
import { buildOutlookMsg } from './outlook-msg';

/** The file source with the .msg converter run in process (the child process that runs it in the app is tested in tests/unit/isolation). */
const readMailFile = (name: string, bytes: Uint8Array) =>
  readMailFileWith(name, bytes, async (msg) => msgToRfc822(msg));

const nysdNotice = sharedFixture('nef/tests/examples/pacer/nef/s3/nysd_1.txt');

/** The synthetic CIT NEF split the way Outlook keeps it: the transport headers, and the HTML body. */
function citNoticeParts(documentNumber: number): { headers: string; html: string } {
  const raw = citNotice(documentNumber);
  const split = raw.indexOf('\r\n\r\n');
  return { headers: `${raw.slice(0, split)}\r\n`, html: raw.slice(split + 4) };
}

async function rejection(promise: Promise<unknown>): Promise<{ code?: unknown; message?: unknown }> {
  return promise.then(
    () => ({}),
    (error: unknown) => error as { code?: unknown; message?: unknown },
  );
}

describe('readMailFile: an .eml', () => {
  it.skipIf(nysdNotice === null)(
    'is taken byte for byte, and reads as the NEF it is (real S.D.N.Y. notice)',
    async () => {
      const bytes = readFileSync(nysdNotice!);
      const mail = await readMailFile('/downloads/nysd_1.eml', bytes);
      expect(mail.raw.equals(bytes)).toBe(true);
      expect(mail.sourceKey).toBe('file:nysd_1.eml');
      expect((await parseNotice(mail.raw)).kind).toBe('nef');
    },
  );
});

describe('readMailFile: an Outlook .msg (built in code: no .msg fixture exists)', () => {
  it('with the transport headers Outlook kept reads like the email the court sent', async () => {
    const { headers, html } = citNoticeParts(7);
    const deliveredAt = new Date('2026-03-02T21:06:05Z');
    const mail = await readMailFile(
      'Activity in Case 1-26-cv-00123.msg',
      buildOutlookMsg({ subject: 'ignored: headers win', transportHeaders: headers, html, deliveredAt }),
    );

    expect(mail.receivedAt).toEqual(deliveredAt);
    expect(mail.sourceKey).toBe('file:Activity in Case 1-26-cv-00123.msg');
    const fromMsg = await parseNotice(mail.raw);
    const original = await parseNotice(citNotice(7));
    expect(fromMsg).toEqual(original);
    expect(fromMsg.dockets[0]).toMatchObject({ documentNumber: '7', magicNum: '4711' });
  });

  it('without transport headers takes sender, addressees, subject and date from the .msg itself', async () => {
    const { html } = citNoticeParts(8);
    const subject = 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion for Extension of Time';
    const bytes = buildOutlookMsg({
      subject,
      senderName: 'CM/ECF Notice',
      senderSmtpAddress: 'cmecf_notice@cit.uscourts.gov',
      to: [{ name: 'Clerk, Docketing', smtpAddress: 'docketing@example.com' }],
      html,
      deliveredAt: new Date('2026-03-02T21:06:05Z'),
    });
    const mail = await readMailFile('notice.MSG', bytes);
    const text = mail.raw.toString('utf8');
    expect(text).toContain('From: "CM/ECF Notice" <cmecf_notice@cit.uscourts.gov>');
    expect(text).toContain('To: "Clerk, Docketing" <docketing@example.com>');
    expect(text).toContain('Date: Mon, 02 Mar 2026 21:06:05 GMT');
    const notice = await parseNotice(mail.raw);
    expect(notice).toMatchObject({ kind: 'nef', court: 'cit', subject });
    expect(notice.dockets[0]).toMatchObject({
      caseNumber: '1:26-cv-00123-MMB',
      documentNumber: '8',
      shortDescription: 'Motion for Extension of Time',
    });
  });

  it('keeps a subject outside ASCII intact, and falls back to the plain body when there is no HTML', async () => {
    const mail = await readMailFile(
      'note.msg',
      buildOutlookMsg({ subject: 'Frist – Zustellung', body: 'Bitte beachten.' }),
    );
    expect(mail.raw.toString('utf8')).toContain('Content-Type: text/plain; charset=utf-8');
    expect(await parseNotice(mail.raw)).toMatchObject({
      kind: 'ignored',
      reason: 'not-a-notice',
      subject: 'Frist – Zustellung',
    });
  });

  it('refuses a body kept only as RTF, saying how to save the email instead', async () => {
    const error = await rejection(
      readMailFile('rtf.msg', buildOutlookMsg({ subject: 'RTF only', compressedRtf: new Uint8Array([1, 2, 3, 4]) })),
    );
    expect(error.code).toBe('mail-file.no-readable-body');
    expect(error.message).toContain('Save it as .eml');
  });

  it('refuses a file named .msg that is not an Outlook message', async () => {
    const error = await rejection(readMailFile('fake.msg', Buffer.from('From: someone\r\n\r\nhello')));
    expect(error.code).toBe('mail-file.unreadable-msg');
  });
});

describe('readMailFile: anything else', () => {
  it('is refused as not an email file', async () => {
    const error = await rejection(readMailFile('Brief.pdf', Buffer.from('%PDF-1.7')));
    expect(error.code).toBe('mail-file.not-email');
    expect(error.message).toContain('not an email file (.eml or .msg)');
  });
});
