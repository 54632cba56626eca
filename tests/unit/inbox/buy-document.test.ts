import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyDocument } from '../../../src-main/core/inbox/buy-document';
import { fetchFreeLook } from '../../../src-main/core/inbox/free-look-fetcher';
import { makePdf } from '../../support/synthetic-pdfs';
import { CourtClient, doc1Link, maildirMessages, startTestCourt } from '../../support/training-court';
import { inProcessCourtReading } from '../../support/in-process-readers';

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;
let buyer: CourtClient;
const courtFetch = (url: string, init: Parameters<typeof fetch>[1]): Promise<Response> => fetch(url, init);

beforeAll(async () => {
  court = await startTestCourt();
  buyer = new CourtClient(court.url);
  await buyer.loginAs('dchen', { clientCode: 'BUY-TEST' });
});
afterAll(async () => {
  await court.stop();
});

/** Files a document and uses up Jane Morgan's free look at it; returns her link and the document's bytes. */
async function usedLink(pages: number): Promise<{ url: string; bytes: Uint8Array }> {
  const filer = new CourtClient(court.url);
  await filer.loginAs('twalsh');
  const bytes = await makePdf(pages);
  await filer.file({
    caseId: 1017,
    eventId: 'form-11-notice-of-appearance',
    partyIds: ['us-1017'],
    main: { name: 'a.pdf', bytes },
  });
  await court.settleMail();
  const url = `${court.url}${doc1Link(maildirMessages(court, 'jmorgan@morganreyes.example').at(-1) ?? '')}`;
  expect((await fetchFreeLook({ ...inProcessCourtReading, url, fetch: courtFetch })).kind).toBe('saved');
  return { url, bytes };
}

async function ledgerCents(): Promise<number> {
  return ((await (await buyer.get('/services/fee-ledger')).json()) as { totalCents: number }).totalCents;
}

describe('buying a document after its free look is gone', () => {
  it('buys at the price the user accepted, and is charged once', async () => {
    const { url, bytes } = await usedLink(4);
    const bought = await buyDocument({
      ...inProcessCourtReading,
      url,
      number: '0',
      token: buyer.token ?? '',
      fetch: courtFetch,
      acceptsFeeCents: 40,
    });
    expect(bought.kind).toBe('bought');
    if (bought.kind === 'bought') {
      expect(createHash('sha256').update(bought.bytes).digest('hex')).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
    expect(await ledgerCents()).toBe(40);
  });

  it('pays nothing when the court asks another price than the one accepted', async () => {
    const { url } = await usedLink(45);
    const before = await ledgerCents();
    expect(
      await buyDocument({
        ...inProcessCourtReading,
        url,
        number: '0',
        token: buyer.token ?? '',
        fetch: courtFetch,
        acceptsFeeCents: 40,
      }),
    ).toEqual({ kind: 'price-changed', feeCents: 300 });
    expect(await ledgerCents()).toBe(before);
  });

  it('pays nothing without a session', async () => {
    const { url } = await usedLink(1);
    expect(
      await buyDocument({
        ...inProcessCourtReading,
        url,
        number: '0',
        token: 'not-a-session',
        fetch: courtFetch,
        acceptsFeeCents: 10,
      }),
    ).toMatchObject({ kind: 'failed', message: expect.stringContaining('log in') });
  });
});
