import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourtFetch } from '../../../src-main/core/court/pacer-login';
import { fetchFreeLook, type FreeLookResult } from '../../../src-main/core/inbox/free-look-fetcher';
import { makePdf, makeTruncatedPdf } from '../../support/synthetic-pdfs';
import { admin, CourtClient, doc1Link, maildirMessages, startTestCourt } from '../../support/training-court';
import { inProcessCourtReading } from '../../support/in-process-readers';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One request the fetcher made, as the court saw it. */
interface SentRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly credentials: unknown;
  readonly redirect: unknown;
}

/** A fetch that writes down every request, then hands it to `answer`. */
function recordingFetch(answer: (url: string, init: Parameters<CourtFetch>[1]) => Promise<Response>): {
  fetch: CourtFetch;
  sent: SentRequest[];
} {
  const sent: SentRequest[] = [];
  const fetchCourt: CourtFetch = (url, init) => {
    const extra = init as RequestInit;
    sent.push({
      url,
      method: init.method,
      headers: init.headers,
      credentials: extra.credentials,
      redirect: extra.redirect,
    });
    return answer(url, init);
  };
  return { fetch: fetchCourt, sent };
}

function expectAnonymousGets(sent: readonly SentRequest[]): void {
  for (const request of sent) {
    expect(request.method).toBe('GET');
    expect(Object.keys(request.headers).map((name) => name.toLowerCase())).not.toContain('cookie');
    expect(Object.keys(request.headers).map((name) => name.toLowerCase())).not.toContain('authorization');
    expect(request.credentials).toBe('omit');
    expect(request.redirect).toBe('manual');
  }
}

function savedDocuments(result: FreeLookResult) {
  if (result.kind !== 'saved') {
    throw new Error(`Expected saved documents, got ${JSON.stringify(result)}`);
  }
  return result.documents;
}

describe('free looks from the training court', () => {
  type Court = Awaited<ReturnType<typeof startTestCourt>>;
  let court: Court;
  let filer: CourtClient;
  const realFetch: CourtFetch = (url, init) => fetch(url, init);

  /** Files one motion (and exhibits) as Thomas Walsh; the notices are delivered before it returns. */
  async function fileMotion(
    caseId: number,
    partyId: string,
    main: Uint8Array,
    attachments: Uint8Array[] = [],
  ): Promise<void> {
    const result = await filer.file({
      caseId,
      eventId: 'motion-to-stay',
      partyIds: [partyId],
      main: { name: 'motion.pdf', bytes: main },
      attachments: attachments.map((bytes, index) => ({
        name: `exhibit-${index + 1}.pdf`,
        bytes,
        description: `Exhibit ${index + 1}`,
      })),
    });
    expect(result.kind).toBe('nef-receipt');
    await court.settleMail();
  }

  const latestLink = (email: string): string => `${court.url}${doc1Link(maildirMessages(court, email).at(-1) ?? '')}`;

  beforeAll(async () => {
    court = await startTestCourt({ now: () => Date.parse('2026-12-01T15:00:00Z') });
    filer = new CourtClient(court.url);
    await filer.loginAs('twalsh');
  });
  afterAll(async () => {
    await court.stop();
  });

  it('saves the main document and its attachment through the document menu, exactly as filed, anonymously', async () => {
    const motion = await makePdf(2);
    const exhibit = await makePdf(4);
    await fileMotion(1024, 'us-1024', motion, [exhibit]);
    const link = latestLink('jmorgan@morganreyes.example');
    const { fetch: recorded, sent } = recordingFetch(realFetch);

    const documents = savedDocuments(await fetchFreeLook({ ...inProcessCourtReading, url: link, fetch: recorded }));

    expect(
      documents.map(({ number, description, sha256: hash, pages }) => ({ number, description, hash, pages })),
    ).toEqual([
      { number: '0', description: expect.any(String), hash: sha256(motion), pages: 2 },
      { number: '1', description: 'Exhibit 1', hash: sha256(exhibit), pages: 4 },
    ]);
    expect(sha256(documents[1]?.bytes ?? new Uint8Array())).toBe(sha256(exhibit));
    expectAnonymousGets(sent);
    expect(sent[0]?.url).toBe(`${link}&use_magic=1`);
  });

  it('stops at the login page the second time, as "used", without sending anything but GETs', async () => {
    const motion = await makePdf(1);
    await fileMotion(1017, 'us-1017', motion);
    const link = latestLink('jmorgan@morganreyes.example');
    expect(
      savedDocuments(await fetchFreeLook({ ...inProcessCourtReading, url: link, fetch: realFetch })).map(
        (document) => document.sha256,
      ),
    ).toEqual([sha256(motion)]);

    const { fetch: recorded, sent } = recordingFetch(realFetch);
    const again = await fetchFreeLook({ ...inProcessCourtReading, url: link, fetch: recorded });

    expect(again).toEqual({
      kind: 'stopped',
      state: 'used',
      message: expect.stringMatching(/used already.*paid nothing/),
      feeCents: null,
    });
    // The fetcher never logs in, so there is no account to charge; and it never answers a form.
    expectAnonymousGets(sent);
    expect(sent).toHaveLength(1);
  });

  it('gets past the "verify free look" page of an address that asked for it, thanks to use_magic=1 (docs/court-rules.md#free-looks)', async () => {
    const motion = await makePdf(3);
    await fileMotion(1024, 'us-1024', motion);
    const result = await fetchFreeLook({
      ...inProcessCourtReading,
      url: latestLink('dchen@chentrade.example'),
      fetch: realFetch,
    });
    expect(savedDocuments(result).map((document) => ({ hash: document.sha256, pages: document.pages }))).toEqual([
      { hash: sha256(motion), pages: 3 },
    ]);
  });

  it('stops at a restricted entry as "sealed": the court asks for a login even through a fresh link', async () => {
    const patel = new CourtClient(court.url);
    await patel.loginAs('rpatel');
    const filed = await patel.file({
      caseId: 1017,
      eventId: 'confidential-version',
      partyIds: ['acme'],
      main: { name: 'bpi.pdf', bytes: await makePdf(1) },
    });
    expect(filed.kind).toBe('nef-receipt');
    await court.settleMail();
    const result = await fetchFreeLook({
      ...inProcessCourtReading,
      url: latestLink('thomas.walsh@usdoj.example'),
      fetch: realFetch,
    });
    expect(result).toMatchObject({ kind: 'stopped', state: 'sealed', feeCents: null });
  });

  it('does not even ask the court when the link carries magic_num=MAGIC (docs/court-rules.md#free-looks)', async () => {
    await fileMotion(1017, 'us-1017', await makePdf(1));
    const link = latestLink('jmorgan@morganreyes.example').replace(/magic_num=\d+/, 'magic_num=MAGIC');
    const { fetch: recorded, sent } = recordingFetch(realFetch);
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: link, fetch: recorded })).toMatchObject({
      kind: 'stopped',
      state: 'no-free-look',
    });
    expect(sent).toHaveLength(0);
  });

  it('fails on a 5xx answer, and the free look is still there for the next try', async () => {
    const motion = await makePdf(1);
    await fileMotion(1017, 'us-1017', motion);
    const link = latestLink('jmorgan@morganreyes.example');
    await admin(court, 'POST', '/admin/faults', { endpoint: 'doc1', failStatus: 503, failNext: 1 });
    const failed = await fetchFreeLook({ ...inProcessCourtReading, url: link, fetch: realFetch });
    expect(failed).toEqual({ kind: 'failed', message: expect.stringMatching(/HTTP 503/) });
    await admin(court, 'DELETE', '/admin/faults');
    expect(
      savedDocuments(await fetchFreeLook({ ...inProcessCourtReading, url: link, fetch: realFetch })).map(
        (document) => document.sha256,
      ),
    ).toEqual([sha256(motion)]);
  });

  // Last: moving the court's clock 16 days ends the filer's session too.
  it('stops as "expired" once the 15 days have passed (docs/court-rules.md#free-looks)', async () => {
    await fileMotion(1017, 'us-1017', await makePdf(1));
    const link = latestLink('rpatel@morganreyes.example');
    await admin(court, 'POST', '/admin/clock', { advanceMs: 16 * 24 * 60 * 60 * 1000 });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: link, fetch: realFetch })).toMatchObject({
      kind: 'stopped',
      state: 'expired',
      message: expect.stringMatching(/expired/),
    });
  });
});

/** A court made of canned answers, keyed by path and query. */
function cannedCourt(pages: Record<string, () => Response | Promise<Response>>) {
  return recordingFetch(async (url) => {
    const parsed = new URL(url);
    const page = pages[parsed.pathname + parsed.search] ?? pages[parsed.pathname];
    return page ? page() : new Response('not found', { status: 404 });
  });
}

const html = (body: string, status = 200): Response =>
  new Response(`<html><head><title>CM/ECF</title></head><body>${body}</body></html>`, {
    status,
    headers: { 'content-type': 'text/html' },
  });
const pdf = (bytes: Uint8Array, contentType = 'application/pdf'): Response =>
  new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } });
const freeLink = 'https://ecf.cit.uscourts.gov/doc1/0141000123?caseid=1017&de_seq_num=12&magic_num=12345678';
const freeRequest = '/doc1/0141000123?caseid=1017&de_seq_num=12&magic_num=12345678&use_magic=1';

describe('pages of a real CM/ECF, recognised by their words', () => {
  it('never buys: a receipt page stops the fetch with its price, and its form is never submitted', async () => {
    const receipt = `<table><tr><th>Billable Pages</th><td>30</td></tr><tr><th>Cost</th><td>$3.00</td></tr></table>
<form method="post" action="/doc1/0141000123"><input type="hidden" name="got_receipt" value="1"><input type="submit" value="View Document"></form>`;
    const { fetch: court, sent } = cannedCourt({ [freeRequest]: () => html(receipt) });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toEqual({
      kind: 'stopped',
      state: 'used',
      message: expect.stringMatching(/\$3\.00.*paid nothing/),
      feeCents: 300,
    });
    expect(sent.map((request) => request.method)).toEqual(['GET']);
  });

  it('reads a PACER transaction receipt without any meta tag ("Cost: 0.30")', async () => {
    const receipt =
      '<center><b>PACER Service Center</b><br>Transaction Receipt</center><table><tr><td>Billable Pages:</td><td>3</td><td>Cost:</td><td>0.30</td></tr></table>';
    const { fetch: court } = cannedCourt({ [freeRequest]: () => html(receipt) });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'stopped',
      state: 'used',
      feeCents: 30,
    });
  });

  it.each([
    ['used', 'PACER Login', 'You have already viewed this document with its free look.'],
    ['expired', 'PACER Login', 'The free look for this document has expired.'],
    ['sealed', 'Login', 'This document is SEALED. Login with an authorized account.'],
  ] as const)('reads a login page as "%s"', async (state, title, words) => {
    const login = `<h3>${title}</h3><p>${words}</p><form action="/cgi-bin/login.pl" method="post"><input name="login"><input type="password" name="key"></form>`;
    const { fetch: court } = cannedCourt({ [freeRequest]: () => html(login) });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'stopped',
      state,
    });
  });

  it('takes a redirect to the PACER login host as "used", without going there', async () => {
    const { fetch: court, sent } = cannedCourt({
      [freeRequest]: () =>
        new Response(null, {
          status: 302,
          headers: { location: 'https://pacer.login.uscourts.gov/csologin/login.jsf' },
        }),
    });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'stopped',
      state: 'used',
    });
    expect(sent).toHaveLength(1);
  });

  it('follows the document frame on the same host to the PDF', async () => {
    const motion = await makePdf(2);
    const { fetch: court, sent } = cannedCourt({
      [freeRequest]: () =>
        html(
          '<iframe width="100%" src="/cgi-bin/show_temp.pl?file=abc&amp;type=application/pdf" id="pdfIframe"></iframe>',
        ),
      '/cgi-bin/show_temp.pl?file=abc&type=application/pdf': () => pdf(motion),
    });
    expect(savedDocuments(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court }))).toEqual([
      { number: '0', description: 'Main Document', bytes: motion, sha256: sha256(motion), pages: 2 },
    ]);
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/doc1/0141000123', '/cgi-bin/show_temp.pl']);
  });

  it('refuses to follow a frame to another host, and says the link is not to be trusted (not a failure to try again)', async () => {
    const { fetch: court, sent } = cannedCourt({
      [freeRequest]: () => html('<iframe src="https://evil.example/show_temp.pl?file=abc"></iframe>'),
    });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toEqual({
      kind: 'refused',
      message: expect.stringMatching(/away from the court's own site \(to evil\.example\)/),
    });
    expect(sent).toHaveLength(1);
  });

  it('refuses a redirect to another host that is not PACER’s login, without going there', async () => {
    const { fetch: court, sent } = cannedCourt({
      [freeRequest]: () =>
        new Response(null, {
          status: 302,
          headers: { location: 'http://127.0.0.1:8080/admin/delete-everything?confirm=1' },
        }),
    });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toEqual({
      kind: 'refused',
      message: expect.stringMatching(/away from the court's own site/),
    });
    expect(sent).toHaveLength(1);
  });

  it('flags a menu document whose link goes to another host, never asking for it, and saves the others', async () => {
    const motion = await makePdf(1);
    const menu = `<h2>Document Selection Menu</h2><table>
<tr><td><a href="/doc1/0141000123?caseid=1017&amp;de_seq_num=12&amp;magic_num=12345678&amp;doc_select=1">Main Document</a></td><td>Motion</td></tr>
<tr><td><a href="https://evil.example/doc1/0141000124?magic_num=1">1</a></td><td>Exhibit A</td></tr></table>`;
    const { fetch: court, sent } = cannedCourt({
      [freeRequest]: () => html(menu),
      '/doc1/0141000123?caseid=1017&de_seq_num=12&magic_num=12345678&doc_select=1&use_magic=1': () => pdf(motion),
    });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'saved',
      documents: [{ number: '0', sha256: sha256(motion) }],
      missing: [{ number: '1', state: 'unsafe-link', message: expect.stringMatching(/evil\.example/) }],
    });
    expect(sent.map((request) => new URL(request.url).host)).toEqual(['ecf.cit.uscourts.gov', 'ecf.cit.uscourts.gov']);
  });

  it('saves a PDF sent directly, known by its %PDF- header whatever the content type', async () => {
    const motion = await makePdf(1);
    const { fetch: court } = cannedCourt({ [freeRequest]: () => pdf(motion, 'application/octet-stream') });
    expect(
      savedDocuments(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).map(
        (document) => document.pages,
      ),
    ).toEqual([1]);
  });

  it('keeps a PDF it cannot count the pages of, with pages unknown', async () => {
    const broken = makeTruncatedPdf();
    const { fetch: court } = cannedCourt({ [freeRequest]: () => pdf(broken) });
    expect(savedDocuments(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court }))).toEqual([
      expect.objectContaining({ sha256: sha256(broken), pages: null }),
    ]);
  });

  it('fails on a "PDF" that is not one', async () => {
    const { fetch: court } = cannedCourt({ [freeRequest]: () => pdf(new TextEncoder().encode('<html>Error</html>')) });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/not one/),
    });
  });

  it('fails on an answer larger than maxBytes, without reading the rest', async () => {
    const motion = await makePdf(5);
    const { fetch: court } = cannedCourt({ [freeRequest]: () => pdf(motion) });
    expect(
      await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court, maxBytes: 1000 }),
    ).toMatchObject({ kind: 'failed', message: expect.stringMatching(/larger than ECF Desk accepts/) });
  });

  it('does not read a page over 2 MB, and says how large it was', async () => {
    const { fetch: court, sent } = cannedCourt({ [freeRequest]: () => html(`<p>${'x '.repeat(1_500_000)}</p>`) });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toEqual({
      kind: 'failed',
      message:
        'The court answered with a page ECF Desk does not recognise ("2.9 MB, larger than any CM/ECF page; ECF Desk reads at most 2.0 MB"). Open the document from the notice.',
    });
    expect(sent).toHaveLength(1);
  });

  it('fails when the court does not answer in time', async () => {
    const court: CourtFetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(init.signal.reason as Error)),
      );
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court, timeoutMs: 50 })).toMatchObject(
      { kind: 'failed', message: expect.stringMatching(/did not answer within/) },
    );
  });

  it('says in plain words that a link the court answers "not found" no longer works, why, and what to do', async () => {
    const { fetch: court } = cannedCourt({});
    const result = await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court });
    expect(result.kind).toBe('failed');
    const message = result.kind === 'failed' ? result.message : '';
    expect(message).toMatch(/^The court answered that the document is not at this link \(HTTP 404\)/);
    expect(message).toMatch(/works once, or for 15 days/);
    expect(message).toMatch(/PACER/);
    expect(message).not.toMatch(/refused|could not be reached/);
  });

  it('fails when the court cannot be reached', async () => {
    const court: CourtFetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/could not be reached/),
    });
  });

  it('follows a "verify free look" continue link only when it carries use_magic=1', async () => {
    const motion = await makePdf(1);
    const confirm = (href: string) =>
      html(`<p>Verify free look use: you are about to use your one free look.</p><a href="${href}">View Document</a>`);
    const withoutMagic = cannedCourt({
      [freeRequest]: () => confirm('/doc1/0141000123?caseid=1017&de_seq_num=12&magic_num=12345678&go=1'),
    });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: withoutMagic.fetch })).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/confirm the free look/),
    });

    const withMagic = cannedCourt({
      [freeRequest]: () =>
        confirm(
          '/doc1/0141000123?caseid=1017&amp;de_seq_num=12&amp;magic_num=12345678&amp;use_magic=1&amp;confirmed=1',
        ),
      '/doc1/0141000123?caseid=1017&de_seq_num=12&magic_num=12345678&use_magic=1&confirmed=1': () => pdf(motion),
    });
    expect(
      savedDocuments(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: withMagic.fetch })),
    ).toHaveLength(1);
  });

  it('stops every document of a menu at the first price, keeping what it saved for free', async () => {
    const motion = await makePdf(1);
    const menu = `<h3>Document Selection Menu</h3><table>
<tr><td>Document Number:</td><td><a href="/doc1/0141000123?caseid=1017&amp;de_seq_num=12&amp;magic_num=12345678&amp;doc_select=1">12</a></td><td>1 page</td></tr>
<tr><td><a href="/doc1/0141000124?caseid=1017&amp;de_seq_num=12&amp;magic_num=12345678">1</a></td><td>Exhibit A</td><td>4 pages</td></tr>
<tr><td><a href="/doc1/0141000125?caseid=1017&amp;de_seq_num=12&amp;magic_num=12345678">2</a></td><td>Exhibit B</td><td>2 pages</td></tr>
</table>`;
    const { fetch: court, sent } = cannedCourt({
      [freeRequest]: () => html(menu),
      '/doc1/0141000123?caseid=1017&de_seq_num=12&magic_num=12345678&doc_select=1&use_magic=1': () => pdf(motion),
      '/doc1/0141000124?caseid=1017&de_seq_num=12&magic_num=12345678&use_magic=1': () =>
        html('Transaction Receipt <table><tr><td>Cost:</td><td>0.40</td></tr></table>'),
      '/doc1/0141000125?caseid=1017&de_seq_num=12&magic_num=12345678&use_magic=1': () => pdf(motion),
    });
    const result = await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court });
    expect(result).toMatchObject({
      kind: 'saved',
      documents: [{ number: '0', sha256: sha256(motion) }],
      missing: [
        { number: '1', description: 'Exhibit A', state: 'used', feeCents: 40 },
        { number: '2', description: 'Exhibit B', state: 'failed', feeCents: null },
      ],
    });
    expect(sent).toHaveLength(3);
    expectAnonymousGets(sent);
  });

  it('reports a menu whose every document asks for a login as stopped, not failed', async () => {
    const menu =
      '<h2>Document Selection Menu</h2><table><tr><td><a href="/doc1/0141000124?magic_num=1">1</a></td><td>Exhibit A</td></tr></table>';
    const { fetch: court } = cannedCourt({
      [freeRequest]: () => html(menu),
      '/doc1/0141000124': () => html('<h3>PACER Login</h3><p>Your free look has expired.</p>'),
    });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'stopped',
      state: 'expired',
    });
  });

  it('never asks for the same address twice in one fetch', async () => {
    const { fetch: court, sent } = cannedCourt({
      [freeRequest]: () => new Response(null, { status: 302, headers: { location: freeRequest } }),
    });
    expect(await fetchFreeLook({ ...inProcessCourtReading, url: freeLink, fetch: court })).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/opened already/),
    });
    expect(sent).toHaveLength(1);
  });

  it('refuses a link that is not a document link', async () => {
    const { fetch: court, sent } = cannedCourt({});
    expect(
      await fetchFreeLook({
        ...inProcessCourtReading,
        url: 'https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?1017',
        fetch: court,
      }),
    ).toMatchObject({ kind: 'failed' });
    expect(sent).toHaveLength(0);
  });
});
