import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeNefEmail, composeNefReceiptPage } from '../../../../src-main/training-court/mail/compose-nef';
import { renderPage } from '../../../../src-main/training-court/pages';
import type { NefEntry } from '../../../../src-main/training-court/mail/nef-message';
import { sharedFixture } from '../../../support/paths';
import { sampleNefEntry } from './sample-nef-entry';

const addressee = { email: 'jmorgan@acmelaw.example', magicNum: '95806321' };
const options = { messageId: '2811635', date: new Date('2026-07-14T19:42:12Z') };

function compose(entry: NefEntry = sampleNefEntry(), to = addressee): string {
  return composeNefEmail(entry, to, options);
}

async function htmlOf(raw: string): Promise<string> {
  const parsed = await simpleParser(raw);
  if (typeof parsed.html !== 'string') {
    throw new Error('no HTML body');
  }
  return parsed.html;
}

/** What a reader sees: tags gone, entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;?/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function transactionLine(html: string): string {
  return /The following transaction was entered.*? and filed on [\d/]+/.exec(visibleText(html))?.[0] ?? '';
}

describe('composeNefEmail', () => {
  it('parses back as one HTML email from the court to the addressee with the CM/ECF subject', async () => {
    const parsed = await simpleParser(compose());
    expect(parsed.from?.text).toBe('cmecf_notices@cit.uscourts.gov');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('jmorgan@acmelaw.example');
    expect(parsed.subject).toBe(
      'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion to Intervene',
    );
    expect(parsed.messageId).toBe('<2811635@cit.uscourts.gov>');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/html' });
    expect(parsed.attachments).toHaveLength(0);
    expect(visibleText(await htmlOf(compose()))).toContain(
      'U.S. Court of International Trade Notice of Electronic Filing',
    );
  });

  it('dates the email in Eastern time with its offset, as the court mail server does', () => {
    expect(compose()).toMatch(/^Date: Tue, 14 Jul 2026 15:42:12 -0400\r\n/);
  });

  it("gives each addressee a document link carrying that addressee's own magic number", async () => {
    const entry = sampleNefEntry();
    const first = await htmlOf(compose(entry, { email: 'a@acmelaw.example', magicNum: '111' }));
    const second = await htmlOf(compose(entry, { email: 'b@acmelaw.example', magicNum: '222' }));
    const link = 'http://127.0.0.1:8931/doc1/0141348336?caseid=4821&de_seq_num=52&magic_num=';
    expect(first).toContain(`href="${link}111"`);
    expect(second).toContain(`href="${link}222"`);
    expect(first).toContain('HREF=http://127.0.0.1:8931/cgi-bin/DktRpt.pl?4821>1:26-cv-00123-MMB</A>');
  });

  it('says "(No document attached)" and links no document for a text-only entry', async () => {
    const html = await htmlOf(compose(sampleNefEntry({ documentNumber: null, documents: [] })));
    expect(visibleText(html)).toContain('Document Number: (No document attached)');
    expect(html).not.toContain('/doc1/');
    expect(html).not.toContain('The following document(s) are associated with this transaction:');
  });

  it('prints EST before the March change to daylight time and EDT after it', async () => {
    const before = new Date('2026-03-08T06:59:00Z');
    const after = new Date('2026-03-08T07:01:00Z');
    expect(transactionLine(await htmlOf(compose(sampleNefEntry({ enteredAt: before, filedAt: before }))))).toBe(
      'The following transaction was entered by Morgan, Jane on 3/8/2026 at 1:59 AM EST and filed on 3/8/2026',
    );
    expect(transactionLine(await htmlOf(compose(sampleNefEntry({ enteredAt: after, filedAt: after }))))).toContain(
      'on 3/8/2026 at 3:01 AM EDT',
    );
  });

  it('prints EDT for the first 1:30 AM of the November change and EST for the second', async () => {
    const first = new Date('2026-11-01T05:30:00Z');
    const second = new Date('2026-11-01T06:30:00Z');
    expect(transactionLine(await htmlOf(compose(sampleNefEntry({ enteredAt: first, filedAt: first }))))).toContain(
      'at 1:30 AM EDT',
    );
    expect(transactionLine(await htmlOf(compose(sampleNefEntry({ enteredAt: second, filedAt: second }))))).toContain(
      'at 1:30 AM EST',
    );
  });

  it('files on the Eastern calendar day even when it is already the next day in UTC', async () => {
    const lateEvening = new Date('2026-01-16T04:30:00Z');
    const line = transactionLine(
      await htmlOf(compose(sampleNefEntry({ enteredAt: lateEvening, filedAt: lateEvening }))),
    );
    expect(line).toContain('on 1/15/2026 at 11:30 PM EST and filed on 1/15/2026');
  });

  it('prints seconds, padded dates and the re-generated footer when the court re-sends a notice', async () => {
    const html = visibleText(
      await htmlOf(compose(sampleNefEntry({ regeneratedAt: new Date('2026-07-17T14:07:00Z') }))),
    );
    expect(html).toContain('entered by Morgan, Jane on 07/14/2026 at 3:42:10 PM EDT and filed on 07/14/2026');
    expect(html).toContain('This is a re-generated NEF. Created on 7/17/2026 at 10:07 AM');
  });

  it('lists electronic recipients as "Name &nbsp; &nbsp; emails" and the others with their postal address', async () => {
    const html = await htmlOf(compose());
    expect(html).toContain('1:26-cv-00123-MMB Notice has been electronically mailed to:');
    expect(html).toContain('Jane Morgan &nbsp; &nbsp; jmorgan@acmelaw.example, docketing@acmelaw.example<BR>');
    expect(html).toContain('Robert Chen &nbsp; &nbsp; robert.chen@usdoj.example<BR>');
    expect(visibleText(html)).toContain(
      '1:26-cv-00123-MMB Notice has been delivered by other means to: Pat Doe 1 Main Street Springfield, IL 62701',
    );
  });

  it('stamps every document, and the stamp reads back whole once its <BR><TAB> breaks are removed', async () => {
    const html = await htmlOf(compose());
    const stamps = [...html.replace(/<BR>\s*<TAB>/g, '').matchAll(/\[STAMP [^<]*\]\]/g)].map((match) => match[0]);
    expect(stamps).toEqual([
      `[STAMP dcecfStamp_ID=1008691343 [Date=7/14/2026] [FileNumber=2811633-0] [${'ab'.repeat(64)}]]`,
      `[STAMP dcecfStamp_ID=1008691343 [Date=7/14/2026] [FileNumber=2811633-1] [${'cd'.repeat(64)}]]`,
    ]);
    const text = visibleText(html);
    expect(text).toContain('Document description: Main Document Original filename: motion-to-intervene.pdf');
    expect(text).toContain('Document description: Exhibit A - Entry summaries Original filename: exhibit-a.pdf');
  });

  it('escapes markup in every text field instead of rendering it', async () => {
    const hostile = '<script>alert("x")</script> & <b>bold</b>';
    const entry = sampleNefEntry({
      caseName: `Acme ${hostile}`,
      filer: hostile,
      enteredBy: hostile,
      docketText: hostile,
      electronicRecipients: [{ name: hostile, emails: ['jmorgan@acmelaw.example'] }],
      otherMeansRecipients: [{ name: hostile, addressLines: [hostile] }],
    });
    const html = await htmlOf(compose(entry));
    expect(html).not.toMatch(/<script|<b>bold/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(visibleText(html).split(hostile)).toHaveLength(8);
  });

  it('writes a non-ASCII case name as RFC 2047 in the subject and as a character reference in the 7bit body', async () => {
    const raw = compose(sampleNefEntry({ caseName: 'Société Générale de Surveillance v. United States' }));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(
      'Activity in Case 1:26-cv-00123-MMB Société Générale de Surveillance v. United States Motion to Intervene',
    );
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(raw).toContain('Soci&#233;t&#233; G&#233;n&#233;rale');
    expect(await htmlOf(raw)).toContain('Soci&#233;t&#233;');
  });

  it('folds a long subject over several header lines that read back as one', async () => {
    const caseName =
      'Consolidated Steel Producers Association of the Southern United States et al. v. United States et al.';
    const raw = compose(sampleNefEntry({ caseName }));
    const subjectLines = /^Subject:.*(\r\n[ \t].*)*/m.exec(raw)?.[0].split('\r\n') ?? [];
    expect(subjectLines.length).toBeGreaterThan(1);
    expect(subjectLines.every((line) => line.length <= 78)).toBe(true);
    expect((await simpleParser(raw)).subject).toBe(
      `Activity in Case 1:26-cv-00123-MMB ${caseName} Motion to Intervene`,
    );
  });

  it('keeps every line plain ASCII under 998 bytes with CRLF ends, even for a 5,000-character word', () => {
    const word = 'x'.repeat(5000);
    const raw = compose(sampleNefEntry({ docketText: word, caseName: word, filer: `${'é'.repeat(400)}` }));
    expect(raw).toMatch(/^[\r\n\x20-\x7e]*$/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...raw.split('\r\n').map((line) => line.length))).toBeLessThan(998);
  });

  it('refuses an addressee that would add a header or a second recipient', () => {
    for (const email of ['a@b.example\r\nBcc: c@d.example', 'a@b.example, c@d.example', 'not-an-address']) {
      expect(() => compose(sampleNefEntry(), { email, magicNum: '1' })).toThrow(
        expect.objectContaining({ code: 'mail.unsafe-address' }),
      );
    }
  });

  it('carries the district template’s fixed strings in the same order as a real NEF (nysd_1)', async (context) => {
    const fixture = sharedFixture('nef/tests/examples/pacer/nef/s3/nysd_1.txt');
    if (fixture === null) {
      return context.skip();
    }
    const labels = [
      'This is an automatic e-mail message generated by the CM/ECF system. Please DO NOT RESPOND to this e-mail because the mail box is unattended.',
      '***NOTE TO PUBLIC ACCESS USERS*** Judicial Conference of the United States policy permits attorneys of record and parties in a case (including pro se litigants) to receive one free electronic copy of all documents filed electronically, if receipt is required by law or directed by the filer. PACER access fees apply to all other users. To avoid later charges, download a copy of each document during this first viewing. However, if the referenced document is a transcript, the free copy and 30 page limit do not apply.',
      'Notice of Electronic Filing',
      'The following transaction was entered by',
      'Case Name:',
      'Case Number:',
      'Filer:',
      'Document Number:',
      'Docket Text:',
      'Notice has been electronically mailed to:',
      'Notice has been delivered by other means to:',
      'The following document(s) are associated with this transaction:',
      'Document description:',
      'Original filename:',
      'Electronic document Stamp:',
      '[STAMP dcecfStamp_ID=',
    ];
    const positions = (text: string): number[] => labels.map((label) => text.indexOf(label));
    const real = positions(visibleText(await htmlOf(readFileSync(fixture, 'utf8'))));
    const ours = positions(visibleText(await htmlOf(compose())));
    expect(real.every((position) => position >= 0)).toBe(true);
    expect(ours.every((position) => position >= 0)).toBe(true);
    expect(ours).toEqual([...ours].sort((a, b) => a - b));
    expect(real).toEqual([...real].sort((a, b) => a - b));
  });
});

describe('composeNefReceiptPage', () => {
  it('shows the filer the same notice as a page, with a document link that has no magic number', () => {
    const page = renderPage(composeNefReceiptPage(sampleNefEntry()), 'filer');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(visibleText(page)).toContain(
      'Notice of Electronic Filing The following transaction was entered by Morgan, Jane on 7/14/2026 at 3:42 PM EDT',
    );
    expect(page).toContain('href="http://127.0.0.1:8931/doc1/0141348336?caseid=4821&de_seq_num=52"');
    expect(page).not.toContain('magic_num');
    expect(page).not.toContain('DO NOT RESPOND');
  });
});
