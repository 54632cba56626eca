import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../support/synthetic-pdfs';
import {
  admin,
  CourtClient,
  doc1Link,
  errorText,
  maildirMessages,
  pageKind,
  startTestCourt,
} from '../../support/training-court';

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;
let filer: CourtClient;
const now = Date.parse('2026-12-01T15:00:00Z');

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Files one document in a case and returns its bytes; the notices are delivered before it returns. */
async function fileDocument(
  caseId: number,
  partyId: string,
  pages: number,
  attachments: Uint8Array[] = [],
): Promise<Uint8Array> {
  const bytes = await makePdf(pages);
  const result = await filer.file({
    caseId,
    eventId: 'motion-to-stay',
    partyIds: [partyId],
    main: { name: 'motion.pdf', bytes },
    attachments: attachments.map((attachment, index) => ({
      name: `a${index}.pdf`,
      bytes: attachment,
      description: `Exhibit ${index + 1}`,
    })),
  });
  expect(result.kind).toBe('nef-receipt');
  await court.settleMail();
  return bytes;
}

/** Follows a free-look answer: the iframe page's temporary PDF link. */
async function followFrame(client: CourtClient, html: string): Promise<Response> {
  const source = /<iframe id="document" src="([^"]+)"/.exec(html)?.[1];
  if (!source) {
    throw new Error(`Expected the document frame, got ${pageKind(html)}`);
  }
  return client.get(source.replace(/&amp;/g, '&'));
}

beforeAll(async () => {
  court = await startTestCourt({ now: () => now });
  filer = new CourtClient(court.url);
  await filer.loginAs('twalsh');
});
afterAll(async () => {
  await court.stop();
});

describe('free looks and fees', () => {
  it('serves the document once, free and without login, then asks for a login', async () => {
    const bytes = await fileDocument(1017, 'us-1017', 2);
    const link = doc1Link(maildirMessages(court, 'jmorgan@morganreyes.example').at(-1) ?? '');
    expect(link).toMatch(/^\/doc1\/014\d{7}\?caseid=1017&de_seq_num=\d+&magic_num=\d{8}$/);
    const anonymous = new CourtClient(court.url);
    const first = await (await anonymous.get(`${link}&use_magic=1`)).text();
    expect(pageKind(first)).toBe('document-frame');
    const pdf = await followFrame(anonymous, first);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(new Uint8Array(await pdf.arrayBuffer()))).toBe(sha256(bytes));
    expect(pageKind(await (await anonymous.get(`${link}&use_magic=1`)).text())).toBe('login');
  });

  it('gives every address of the notice its own free look', async () => {
    await fileDocument(1017, 'us-1017', 1);
    const primary = doc1Link(maildirMessages(court, 'jmorgan@morganreyes.example').at(-1) ?? '');
    const secondary = doc1Link(maildirMessages(court, 'docketing@morganreyes.example').at(-1) ?? '');
    expect(primary).not.toBe(secondary);
    const anonymous = new CourtClient(court.url);
    expect(pageKind(await (await anonymous.get(primary)).text())).toBe('document-frame');
    expect(pageKind(await (await anonymous.get(secondary)).text())).toBe('document-frame');
  });

  it('charges a logged-in reader $0.10 a page after the free look, capped at $3.00, only after the receipt is accepted', async () => {
    await fileDocument(1040, 'us-1040', 45);
    const link = doc1Link(maildirMessages(court, 'nokafor@okaforlaw.example').at(-1) ?? '');
    const reader = new CourtClient(court.url);
    expect(pageKind(await (await reader.get(link)).text())).toBe('document-frame');
    await reader.loginAs('dchen', { clientCode: 'LUMINA-01' });
    const receipt = await (await reader.get(link)).text();
    expect(pageKind(receipt)).toBe('receipt');
    expect(receipt).toContain('<td id="billable-pages">30</td>');
    expect(receipt).toContain('<td id="cost">$3.00</td>');
    const before = (await (await reader.get('/services/fee-ledger')).json()) as { totalCents: number };
    expect(before.totalCents).toBe(0);
    const paid = await reader.postForm(link, [['got_receipt', '1']]);
    expect(paid.headers.get('content-type')).toBe('application/pdf');
    const after = (await (await reader.get('/services/fee-ledger')).json()) as {
      totalCents: number;
      entries: { cents: number; clientCode: string; kind: string }[];
    };
    expect(after.totalCents).toBe(300);
    expect(after.entries).toEqual([expect.objectContaining({ kind: 'document', cents: 300, clientCode: 'LUMINA-01' })]);
  });

  it('charges a 2-page document 20 cents', async () => {
    await fileDocument(1040, 'us-1040', 2);
    const link = doc1Link(maildirMessages(court, 'nokafor@okaforlaw.example').at(-1) ?? '');
    const reader = new CourtClient(court.url);
    await reader.loginAs('rpatel');
    // Logged in, the magic number still gives the one free look; the second view costs.
    expect(pageKind(await (await reader.get(link)).text())).toBe('document-frame');
    expect(await (await reader.get(link)).text()).toContain('<td id="cost">$0.20</td>');
  });

  it('lets the free look expire after 15 days', async () => {
    await fileDocument(1017, 'us-1017', 1);
    const link = doc1Link(maildirMessages(court, 'rpatel@morganreyes.example').at(-1) ?? '');
    await admin(court, 'POST', '/admin/clock', { advanceMs: 15 * 24 * 60 * 60 * 1000 + 1 });
    const html = await (await new CourtClient(court.url).get(link)).text();
    expect(pageKind(html)).toBe('login');
    expect(html).toContain('expired (15 days)');
    // Sessions last hours, not weeks: the filer logs in again for the next filings.
    expect(pageKind(await (await filer.get('/cgi-bin/DktRpt.pl?1017')).text())).toBe('login');
    await filer.loginAs('twalsh');
  });

  it('shows the "verify free look" page to an address that asked for it, unless use_magic=1', async () => {
    await fileDocument(1024, 'us-1024', 1);
    const link = doc1Link(maildirMessages(court, 'dchen@chentrade.example').at(-1) ?? '');
    const anonymous = new CourtClient(court.url);
    const confirm = await (await anonymous.get(link)).text();
    expect(pageKind(confirm)).toBe('confirm-free-look');
    // The confirmation page itself does not use the look up.
    expect(pageKind(await (await anonymous.get(`${link}&use_magic=1`)).text())).toBe('document-frame');
  });

  it('opens the document menu for an entry with attachments; each document is free once through the notice', async () => {
    const exhibit = await makePdf(4);
    await fileDocument(1024, 'us-1024', 1, [exhibit]);
    const link = doc1Link(maildirMessages(court, 'jmorgan@morganreyes.example').at(-1) ?? '');
    const anonymous = new CourtClient(court.url);
    const menu = await (await anonymous.get(`${link}&use_magic=1`)).text();
    expect(pageKind(menu)).toBe('document-selection');
    const links = [...menu.matchAll(/<a href="([^"]+)">/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
    expect(links).toHaveLength(2);
    const attachment = await followFrame(anonymous, await (await anonymous.get(links[1] ?? '')).text());
    expect(sha256(new Uint8Array(await attachment.arrayBuffer()))).toBe(sha256(exhibit));
    expect(pageKind(await (await anonymous.get(links[1] ?? '')).text())).toBe('login');
    expect(pageKind(await (await anonymous.get(links[0] ?? '')).text())).toBe('document-frame');
  });

  it('charges the docket report by its size', async () => {
    const reader = new CourtClient(court.url);
    await reader.loginAs('firmview');
    const report = await (await reader.get('/cgi-bin/DktRpt.pl?1017')).text();
    expect(pageKind(report)).toBe('docket-report');
    const ledger = (await (await reader.get('/services/fee-ledger')).json()) as {
      totalCents: number;
      entries: { kind: string; billablePages: number }[];
    };
    expect(ledger.entries).toEqual([expect.objectContaining({ kind: 'docket-report' })]);
    expect(ledger.totalCents).toBe(10 * (ledger.entries[0]?.billablePages ?? 0));
    expect(ledger.totalCents).toBeGreaterThan(0);
  });
});

describe('restricted (confidential) entries', () => {
  it('are filed only by a confidential information filer, open to no one through the notice, and only to that kind of account after login', async () => {
    const walsh = new CourtClient(court.url);
    await walsh.loginAs('twalsh');
    const refused = await walsh.file({
      caseId: 1017,
      eventId: 'confidential-version',
      partyIds: ['us-1017'],
      main: { name: 'bpi.pdf', bytes: await makePdf(1) },
    });
    expect(refused.step).toBe('case');
    expect(errorText(refused.html)).toMatch(/Only a CM\/ECF Confidential Information Filer/);

    const patel = new CourtClient(court.url);
    await patel.loginAs('rpatel');
    const filed = await patel.file({
      caseId: 1017,
      eventId: 'confidential-version',
      partyIds: ['acme'],
      main: { name: 'bpi.pdf', bytes: await makePdf(3) },
    });
    expect(filed.kind).toBe('nef-receipt');
    await court.settleMail();
    const link = doc1Link(maildirMessages(court, 'thomas.walsh@usdoj.example').at(-1) ?? '');
    const anonymous = await (await new CourtClient(court.url).get(`${link}&use_magic=1`)).text();
    expect(pageKind(anonymous)).toBe('login');
    expect(anonymous).toContain('This document is restricted');
    expect((await walsh.get(link)).status).toBe(403);
    expect(pageKind(await (await patel.get(link)).text())).toBe('receipt');
  });
});
