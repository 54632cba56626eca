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

const newActionFields = (eventId: string, caption: string): [string, string][] => [
  ['event', eventId],
  ['caption', caption],
  ['party_id', 'plaintiff'],
  ['party_name', caption.split(' v. ')[0] ?? ''],
  ['party_role', 'Plaintiff'],
  ['party_id', 'defendant'],
  ['party_name', 'United States'],
  ['party_role', 'Defendant'],
];

/** Walks a new action through every step, as the app's driver does; the last page, and the filing id. */
async function openNewAction(
  eventId: string,
  caption: string,
  complaint?: Uint8Array,
): Promise<{ html: string; filingId: string | null; finalText: string }> {
  const start = await (await morgan.postForm('/cgi-bin/filing/new-action', newActionFields(eventId, caption))).text();
  const filingId = /name="filing_id" value="([0-9a-f]+)"/.exec(start)?.[1] ?? null;
  if (!filingId) {
    return { html: start, filingId, finalText: '' };
  }
  expect(pageKind(start)).toBe('filing-parties');
  await morgan.postForm(`/cgi-bin/filing/${filingId}/parties`, [['party', 'plaintiff']]);
  const upload = new FormData();
  upload.append('main_document', new Blob([new Uint8Array(await makePdf(2))], { type: 'application/pdf' }), 's.pdf');
  if (complaint) {
    upload.append('complaint_document', new Blob([new Uint8Array(complaint)], { type: 'application/pdf' }), 'c.pdf');
  }
  const related = await (await morgan.postMultipart(`/cgi-bin/filing/${filingId}/documents`, upload)).text();
  expect(pageKind(related)).toBe('filing-related');
  await morgan.postForm(`/cgi-bin/filing/${filingId}/related`, []);
  const finalText = await (
    await morgan.postForm(`/cgi-bin/filing/${filingId}/docket-text`, [['annotation', '']])
  ).text();
  const html = await (await morgan.postForm(`/cgi-bin/filing/${filingId}/submit`, [])).text();
  return { html, filingId, finalText };
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

  it('refuses a summons in an existing case, and an ordinary event as a new action', async () => {
    const inCase = await (
      await morgan.postForm('/cgi-bin/filing/start', [
        ['caseid', '1017'],
        ['event', 'summons'],
      ])
    ).text();
    expect(errorText(inCase)).toMatch(/commences a new action and cannot be filed in an existing case/);
    const { html, filingId } = await openNewAction('motion-to-stay', 'Westland Co. v. United States');
    expect(filingId).toBeNull();
    expect(errorText(html)).toMatch(/is filed in an existing case. A new action begins with a summons/);
  });

  it('refuses a new action without a caption or parties', async () => {
    const noCaption = await (
      await morgan.postForm(
        '/cgi-bin/filing/new-action',
        newActionFields('summons', '').filter(([name]) => name !== 'caption'),
      )
    ).text();
    expect(errorText(noCaption)).toMatch(/Enter the case caption/);
    const noParties = await (
      await morgan.postForm('/cgi-bin/filing/new-action', [
        ['event', 'summons'],
        ['caption', 'Eastport Co. v. United States'],
      ])
    ).text();
    expect(errorText(noParties)).toMatch(/Enter each party/);
  });
});
