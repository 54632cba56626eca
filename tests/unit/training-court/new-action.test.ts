import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src-main/core/html/decode-entities';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, CourtClient, errorText, maildirMessages, pageKind, startTestCourt } from '../../support/training-court';
import { readCaseNumberLookup } from '../../../src-main/core/court/case-number-lookup';
import type { CourtCase } from '../../../src-main/shared/filing';

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

/** A new action's caption, and its two parties. */
const newAction = (caption: string) => ({
  caption,
  parties: [
    { id: 'plaintiff', name: caption.split(' v. ')[0] ?? '', role: 'Plaintiff' },
    { id: 'defendant', name: 'United States', role: 'Defendant' },
  ],
});

/** Walks a new action through every screen, as the app's driver does; the last page, and the final text's page. */
async function openNewAction(
  eventId: string,
  caption: string,
  complaint?: Uint8Array,
): Promise<{ html: string; finalText: string }> {
  const filing = {
    newAction: newAction(caption),
    eventId,
    partyIds: ['plaintiff'],
    main: { name: 's.pdf', bytes: await makePdf(2) },
    ...(complaint ? { complaint: { name: 'c.pdf', bytes: complaint } } : {}),
  };
  const final = await morgan.file(filing, 'filing-final-text');
  expect(final.kind).toBe('filing-final-text');
  const html = await morgan.postScreen(final.html, () => undefined);
  return { html, finalText: final.html };
}

/** The cases a case-number lookup answers, read as the app reads them. */
function casesMatching(xml: string): readonly CourtCase[] {
  const lookup = readCaseNumberLookup(xml);
  return lookup.kind === 'cases' ? lookup.cases : [];
}

describe('opening a new action in the training court (USCIT Rule 3(a))', () => {
  it('opens a case with the next number of the year, the summons as entry 1, the filer as counsel, and mails the NEF', async () => {
    const year = String(new Date().getUTCFullYear() % 100).padStart(2, '0');
    const { html, finalText } = await openNewAction('summons', 'Northwind Tools Inc. v. United States');
    // FAQ 21: the final text page says a filing fee is due with the summons.
    expect(/<p id="filing-fee">([^<]*)<\/p>/.exec(finalText)?.[1]).toMatch(/filing fee is due/);
    expect(pageKind(html)).toBe('nef-receipt');
    const found = casesMatching(await (await morgan.get('/cgi-bin/possible_case_numbers.pl?caption=Northwind')).text());
    expect(found).toHaveLength(1);
    const opened = found[0];
    // The seed's cases of 2026 run to 1:26-cv-00233; a new one of the same year takes the next number.
    const expectedNumber = year === '26' ? '1:26-cv-00234' : `1:${year}-cv-00001`;
    expect(opened).toEqual({
      caseId: expect.any(Number),
      caseNumber: expectedNumber,
      caption: 'Northwind Tools Inc. v. United States',
    });
    expect(html).toContain(expectedNumber);
    expect(html).toContain(`DktRpt.pl?${opened?.caseId}`);
    // Found again by its court number, the way a filer writes it.
    const byNumber = casesMatching(
      await (await morgan.get(`/cgi-bin/possible_case_numbers.pl?${year}-${expectedNumber.slice(-5)};number=1`)).text(),
    );
    expect(byNumber.map((each) => each.caseId)).toEqual([opened?.caseId]);

    const docket = await (await morgan.get(`/cgi-bin/DktRpt.pl?${opened?.caseId}`)).text();
    const rows = [...docket.matchAll(/<tr class="entry" data-de-seq-num="(\d+)">.*?<td>([^<]*)<\/td><\/tr>/g)];
    expect(rows.map((row) => [Number(row[1]), decodeEntities(row[2] ?? '')])).toEqual([
      [1, 'Summons. Filed by Jane Morgan of Morgan & Reyes LLP on behalf of Northwind Tools Inc.. (Morgan, Jane)'],
    ]);
    // The filer is counsel of record for the plaintiff: the parties report and the NEF reach her.
    const parties = await (await morgan.get(`/cgi-bin/qryParties.pl?${opened?.caseId}`)).text();
    expect(parties).toMatch(/data-e-service="yes"><td>Northwind Tools Inc\.<\/td><td>Plaintiff<\/td>/);
    expect(parties).toMatch(/data-e-service="no"><td>United States<\/td><td>Defendant<\/td>/);
    await admin(court, 'POST', '/admin/settle-mail');
    expect(
      maildirMessages(court, 'jmorgan@morganreyes.example').some((message) =>
        message.includes('Northwind Tools Inc. v. United States'),
      ),
    ).toBe(true);
  });

  it('dockets the complaint filed with the summons as entry 2, with its own document', async () => {
    const { html } = await openNewAction(
      'summons-and-complaint',
      'Southgate Imports LLC v. United States',
      await makePdf(4),
    );
    expect(pageKind(html)).toBe('nef-receipt');
    const [opened] = casesMatching(
      await (await morgan.get('/cgi-bin/possible_case_numbers.pl?caption=Southgate')).text(),
    );
    const docket = await (await morgan.get(`/cgi-bin/DktRpt.pl?${opened?.caseId}`)).text();
    const rows = [
      ...docket.matchAll(/<tr class="entry" data-de-seq-num="(\d+)"><td>[^<]*<\/td><td>(?:<a [^>]*>)?(\d*)/g),
    ];
    expect(rows.map((row) => [Number(row[1]), row[2]])).toEqual([
      [1, '1'],
      [2, '2'],
    ]);
    expect(docket).toContain('Complaint against all defendants. Filed by Jane Morgan');
    // The complaint is not an attachment of the summons.
    expect(docket).not.toContain('Attachments');
  });

  it('asks a summons for the new case, and any other event for the case number', async () => {
    const summons = await morgan.file(
      {
        newAction: newAction('Westland Co. v. United States'),
        eventId: 'summons',
        partyIds: [],
        main: { name: 's.pdf', bytes: await makePdf(1) },
      },
      'filing-new-case',
    );
    expect(summons.kind).toBe('filing-new-case');
    const motion = await morgan.file(
      { caseId: 1017, eventId: 'motion-to-stay', partyIds: [], main: { name: 'm.pdf', bytes: await makePdf(1) } },
      'filing-case',
    );
    expect(motion.kind).toBe('filing-case');
  });

  it('refuses a new action without a caption or parties', async () => {
    const screen = await morgan.file(
      {
        newAction: newAction('Eastport Co. v. United States'),
        eventId: 'summons',
        partyIds: [],
        main: { name: 's.pdf', bytes: await makePdf(1) },
      },
      'filing-new-case',
    );
    const noCaption = await morgan.postScreen(screen.html, (form) => {
      form.type('party_id', 'plaintiff');
      form.type('party_name', 'Eastport Co.');
      form.type('party_role', 'Plaintiff');
    });
    expect(errorText(noCaption)).toMatch(/Enter the case caption/);
    const noParties = await morgan.postScreen(screen.html, (form) => {
      form.type('caption', 'Eastport Co. v. United States');
    });
    expect(errorText(noParties)).toMatch(/Enter each party/);
  });
});
