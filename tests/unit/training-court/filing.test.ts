import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_MESSAGES } from '../../../src-main/training-court/upload-rules';
import { buildPdf, withEncryption, withOpenActionJavaScript } from '../../support/preflight-pdfs';
import { makeNotPdf, makePdf } from '../../support/synthetic-pdfs';
import { decodeEntities } from '../../../src-main/core/html/decode-entities';
import { admin, CourtClient, errorText, screenForm, startTestCourt } from '../../support/training-court';
import { notLoggedInReply, readCaseNumberLookup } from '../../../src-main/core/court/case-number-lookup';

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;
let morgan: CourtClient;

beforeAll(async () => {
  court = await startTestCourt({ pdfInIframe: false });
  morgan = new CourtClient(court.url);
  await morgan.loginAs('jmorgan');
});
afterAll(async () => {
  await court.stop();
});

async function docket(client: CourtClient, caseId: number): Promise<string> {
  return (await client.get(`/cgi-bin/DktRpt.pl?${caseId}`)).text();
}

function entryRows(html: string): { deSeqNum: number; number: string; text: string }[] {
  return [
    ...html.matchAll(
      /<tr class="entry" data-de-seq-num="(\d+)"><td>[^<]*<\/td><td>(?:<a [^>]*>)?(\d*)(?:<\/a>)?<\/td><td>([^<]*)<\/td><\/tr>/g,
    ),
  ].map((match) => ({
    deSeqNum: Number(match[1]),
    number: match[2] ?? '',
    text: decodeEntities(match[3] ?? ''),
  }));
}

describe('filing into the training court', () => {
  it('accepts a complaint with two attachments: a docket entry with a document number, de_seq_num and the NEF receipt', async () => {
    const result = await morgan.file({
      caseId: 1017,
      eventId: 'complaint',
      partyIds: ['acme'],
      main: { name: 'complaint.pdf', bytes: await makePdf(3) },
      attachments: [
        { name: 'exhibit-a.pdf', bytes: await makePdf(2), description: 'Exhibit A - Entry summaries' },
        { name: 'exhibit-b.pdf', bytes: await makePdf(1), description: 'Exhibit B - Protest' },
      ],
    });
    expect(result.step).toBe('submit');
    expect(result.kind).toBe('nef-receipt');
    expect(result.html).toContain('Notice of Electronic Filing');
    expect(result.html).toContain('1:26-cv-00123-MMB');
    const rows = entryRows(await docket(morgan, 1017));
    const filed = rows.at(-1);
    // The clerk's assignment order is entry 1 with no document; the complaint is de_seq_num 2, document 1.
    expect(rows[0]).toMatchObject({ deSeqNum: 1, number: '' });
    expect(filed).toMatchObject({ deSeqNum: 2, number: '1' });
    expect(filed?.text).toBe(
      'Complaint against all defendants. Filed by Jane Morgan of Morgan & Reyes LLP on behalf of Acme Steel Corp.. (Attachments: # (1) Exhibit A - Entry summaries, # (2) Exhibit B - Protest) (Morgan, Jane)',
    );
  });

  it.each([
    [{}, ['events', 'case', 'parties', 'documents', 'related', 'docket-text', 'final-text']],
    [{ caseFirst: true }, ['case', 'events', 'parties', 'documents', 'related', 'docket-text', 'final-text']],
    [
      { attachmentsScreen: true, jointFilingQuestion: true },
      ['events', 'case', 'parties', 'documents', 'attachments', 'joint-filing', 'related', 'docket-text', 'final-text'],
    ],
  ])('shows the screens of a filing in the order of its variation %j', async (variation, screens) => {
    await admin(court, 'POST', '/admin/variation', variation);
    try {
      const result = await morgan.file({
        caseId: 1017,
        eventId: 'motion-to-stay',
        partyIds: ['acme'],
        main: { name: 'motion.pdf', bytes: await makePdf(1) },
        attachments: [{ name: 'order.pdf', bytes: await makePdf(1), description: 'Proposed Order' }],
      });
      expect(result.kind, errorText(result.html) ?? '').toBe('nef-receipt');
      expect(result.screens).toEqual(screens.map((screen) => `filing-${screen}`));
      expect(entryRows(await docket(morgan, 1017)).at(-1)?.text).toContain('(Attachments: # (1) Proposed Order)');
    } finally {
      await admin(court, 'POST', '/admin/variation', {});
    }
  });

  it('refuses a variation it does not know, so a test cannot believe it set one', async () => {
    await expect(admin(court, 'POST', '/admin/variation', { caseFirts: true })).rejects.toThrow(
      /Unknown variation caseFirts/,
    );
    await expect(admin(court, 'POST', '/admin/variation', { caseFirst: 'yes' })).rejects.toThrow(
      /caseFirst must be true or false/,
    );
    await expect(admin(court, 'POST', '/admin/variation', { sessionEndsAt: 'lunch' })).rejects.toThrow(
      /sessionEndsAt must be/,
    );
  });

  it('will not commit the same transaction twice', async () => {
    const result = await morgan.file({
      caseId: 1040,
      eventId: 'form-11-notice-of-appearance',
      partyIds: ['lumina'],
      main: { name: 'appearance.pdf', bytes: await makePdf(1) },
    });
    expect(result.step).toBe('submit');
    // The final screen's form, posted again as a second press of Next would.
    const next = new FormData();
    next.append('button1', 'Next');
    const again = await (await morgan.postMultipart(result.finalAction ?? '', next)).text();
    expect(errorText(again)).toMatch(/already been submitted as docket entry 2/);
    expect(entryRows(await docket(morgan, 1040))).toHaveLength(2);
  });

  it.each([
    [
      'over 50 MB (FAQ 48)',
      () => makePdf(1).then((small) => Buffer.concat([small, Buffer.alloc(50_000_001 - small.byteLength, 0x20)])),
      UPLOAD_MESSAGES['too-large'],
    ],
    ['not a well-formed PDF (FAQ 50)', async () => makeNotPdf(), UPLOAD_MESSAGES['not-pdf']],
    [
      'code that may cause an external action (FAQ 49)',
      () => buildPdf(withOpenActionJavaScript),
      UPLOAD_MESSAGES['active-content'],
    ],
    ['security measures in effect (FAQ 51)', () => buildPdf(withEncryption('')), UPLOAD_MESSAGES['encrypted']],
  ])('refuses a document %s with the court’s own words, and dockets nothing', async (_label, makeBytes, message) => {
    const before = entryRows(await docket(morgan, 1024)).length;
    const result = await morgan.file({
      caseId: 1024,
      eventId: 'motion-to-stay',
      partyIds: ['harbor'],
      main: { name: 'motion.pdf', bytes: await makeBytes() },
    });
    expect(result.step).toBe('documents');
    expect(errorText(result.html)).toBe(message);
    expect(entryRows(await docket(morgan, 1024))).toHaveLength(before);
  });

  it('refuses an attachment with JavaScript even when the main document is clean', async () => {
    const result = await morgan.file({
      caseId: 1024,
      eventId: 'motion-to-stay',
      partyIds: ['harbor'],
      main: { name: 'motion.pdf', bytes: await makePdf(1) },
      attachments: [
        { name: 'order.pdf', bytes: await buildPdf(withOpenActionJavaScript), description: 'Proposed Order' },
      ],
    });
    expect(errorText(result.html)).toBe(UPLOAD_MESSAGES['active-content']);
  });

  it("does not let the firm's shared view-only account start a filing (FAQ 12)", async () => {
    const viewer = new CourtClient(court.url);
    await viewer.loginAs('firmview');
    const result = await viewer.file({
      caseId: 1017,
      eventId: 'complaint',
      partyIds: ['acme'],
      main: { name: 'complaint.pdf', bytes: await makePdf(1) },
    });
    expect(result.step).toBe('start');
    expect(errorText(result.html)).toMatch(/does not have filing privileges/);
  });

  it('asks for a login instead of filing when there is no session', async () => {
    const anonymous = new CourtClient(court.url);
    const result = await anonymous.file({
      caseId: 1017,
      eventId: 'complaint',
      partyIds: ['acme'],
      main: { name: 'complaint.pdf', bytes: await makePdf(1) },
    });
    expect(result.kind).toBe('login');
  });

  it('requires a related document where the event asks for one, and names it in the docket text', async () => {
    const missing = await morgan.file({
      caseId: 1017,
      eventId: 'certificate-of-service',
      partyIds: ['acme'],
      main: { name: 'cos.pdf', bytes: await makePdf(1) },
    });
    expect(missing.step).toBe('docket-text');
    expect(errorText(missing.html)).toMatch(/requires a related document/);
    const linked = await morgan.file({
      caseId: 1017,
      eventId: 'certificate-of-service',
      partyIds: ['acme'],
      main: { name: 'cos.pdf', bytes: await makePdf(1) },
      related: [2],
    });
    expect(linked.step).toBe('submit');
    expect(entryRows(await docket(morgan, 1017)).at(-1)?.text).toContain('(related document(s) 1)');
  });

  it('refuses parties that are not in the case and events it does not know', async () => {
    const stranger = await morgan.file({
      caseId: 1017,
      eventId: 'complaint',
      partyIds: ['pcia'],
      main: { name: 'c.pdf', bytes: await makePdf(1) },
    });
    expect(stranger.step).toBe('parties');
    // An event the list does not offer, posted as a hand-made form would.
    const events = await morgan.file(
      { caseId: 1017, eventId: 'complaint', partyIds: ['acme'], main: { name: 'c.pdf', bytes: await makePdf(1) } },
      'filing-events',
    );
    expect(events.kind).toBe('filing-events');
    const forged = new FormData();
    forged.append('event', 'motion-to-win');
    forged.append('button1', 'Next');
    const unknownEvent = await (await morgan.postMultipart(screenForm(events.html).action, forged)).text();
    expect(errorText(unknownEvent)).toBe('Select an event from the list.');
  });

  it('finds cases by number in every accepted form and by caption words, answering as CM/ECF does', async () => {
    for (const query of ['1:26-cv-00123', '26-00123', 'Court No. 26-00123', '1:26-cv-00123-MMB']) {
      // The case-number widget's own request: the number, then a random part.
      const xml = await (
        await morgan.get(`/cgi-bin/possible_case_numbers.pl?${encodeURIComponent(query)};number=${query.length}`)
      ).text();
      expect(xml, query).toBe(
        `<request number="${query}">\n` +
          '    <case number="1:26-cv-123" id="1017"\n' +
          '          title="1:26-cv-00123-MMB Acme Steel Corp. v. United States"\n' +
          '          sortable="1:2026-cv-00123-MMB"/>\n' +
          '</request>\n',
      );
      expect(readCaseNumberLookup(xml)).toEqual({
        kind: 'cases',
        cases: [{ caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' }],
      });
    }
    const none = await morgan.get('/cgi-bin/possible_case_numbers.pl?26-09999;number=7');
    expect(none.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await none.text()).toBe(
      '<request number="26-09999">\n    <message text="Cannot find case 26-09999"/>\n</request>\n',
    );
    const byCaption = await (await morgan.get('/cgi-bin/possible_case_numbers.pl?caption=pacific%20importers')).text();
    expect(byCaption).toContain('id="1024"');
    expect(byCaption).not.toContain('id="1017"');
    // Without a session: CM/ECF's words, not a login page the widget could not show.
    const loggedOut = await new CourtClient(court.url).get('/cgi-bin/possible_case_numbers.pl?26-00123;number=1');
    expect(await loggedOut.text()).toBe(notLoggedInReply);
  });
});
