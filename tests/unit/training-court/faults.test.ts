import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeLargePdf, makePdf } from '../../support/synthetic-pdfs';
import { admin, CourtClient, errorText, maildirMessages, pageKind, startTestCourt } from '../../support/training-court';

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;
let filer: CourtClient;

beforeAll(async () => {
  court = await startTestCourt();
  filer = new CourtClient(court.url);
  await filer.loginAs('twalsh');
});
afterEach(async () => {
  await admin(court, 'DELETE', '/admin/faults');
});
afterAll(async () => {
  await court.stop();
});

async function docketEntries(): Promise<number> {
  return ((await admin(court, 'GET', '/admin/state')) as { docketEntries: number }).docketEntries;
}

async function faultCounts(endpoint: string): Promise<Record<string, number>> {
  const state = (await admin(court, 'GET', '/admin/state')) as { faults: Record<string, Record<string, number>> };
  return state.faults[endpoint] ?? {};
}

function stay(): Promise<Awaited<ReturnType<CourtClient['file']>>> {
  return makePdf(1).then((bytes) =>
    filer.file({ caseId: 1017, eventId: 'motion-to-stay', partyIds: ['us-1017'], main: { name: 'stay.pdf', bytes } }),
  );
}

describe('fault injection through the admin API', () => {
  it('adds latency to one endpoint', async () => {
    await admin(court, 'POST', '/admin/faults', { endpoint: 'docket-report', latencyMs: 400 });
    const started = performance.now();
    await filer.get('/cgi-bin/DktRpt.pl?1017');
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect((await faultCounts('docket-report'))['latency']).toBe(1);
  });

  it('answers the next requests with a 5xx and the FAQ 47 page, then recovers', async () => {
    await admin(court, 'POST', '/admin/faults', { endpoint: 'cso-auth', failStatus: 503, failNext: 2 });
    const client = new CourtClient(court.url);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetch(`${court.url}/services/cso-auth`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(503);
      expect(pageKind(await response.text())).toBe('internal-server-error');
    }
    await client.loginAs('rpatel');
    expect(client.token).not.toBeNull();
  });

  it('drops the connection after the filing is committed: the client sees an error, the docket has the entry', async () => {
    const before = await docketEntries();
    await admin(court, 'POST', '/admin/faults', { endpoint: 'filing-submit', dropAfterCommitNext: 1 });
    await expect(stay()).rejects.toThrow();
    expect(await docketEntries()).toBe(before + 1);
    expect((await faultCounts('filing-submit'))['droppedAfterCommit']).toBe(1);
  });

  it('drops the connection before the filing is committed: nothing is docketed', async () => {
    const before = await docketEntries();
    await admin(court, 'POST', '/admin/faults', { endpoint: 'filing-submit', dropBeforeCommitNext: 1 });
    await expect(stay()).rejects.toThrow();
    expect(await docketEntries()).toBe(before);
  });

  it('reads uploads slowly', async () => {
    await admin(court, 'POST', '/admin/faults', { endpoint: 'filing-documents', uploadBytesPerSecond: 1_000_000 });
    const bytes = await makeLargePdf(1);
    const started = performance.now();
    const result = await filer.file({
      caseId: 1017,
      eventId: 'motion-to-stay',
      partyIds: ['us-1017'],
      main: { name: 'slow.pdf', bytes },
    });
    expect(errorText(result.html)).toBeNull();
    expect(result.kind).toBe('nef-receipt');
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect((await faultCounts('filing-documents'))['throttledUploads']).toBe(1);
  });

  it('delays mailbox delivery: the receipt comes at once, the notice later', async () => {
    await court.settleMail();
    const inbox = 'thomas.walsh@usdoj.example';
    const before = maildirMessages(court, inbox).length;
    await admin(court, 'POST', '/admin/faults', { mailDelayMs: 700 });
    const result = await stay();
    expect(result.kind).toBe('nef-receipt');
    expect(maildirMessages(court, inbox)).toHaveLength(before);
    await court.settleMail();
    expect(maildirMessages(court, inbox)).toHaveLength(before + 1);
  });

  it('fails a share of requests at random, repeatably, when a rate is set', async () => {
    await admin(court, 'POST', '/admin/faults', { endpoint: 'docket-report', failRate: 0.5 });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      statuses.push((await filer.get('/cgi-bin/DktRpt.pl?1017')).status);
    }
    const failed = statuses.filter((status) => status === 500).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
    expect((await faultCounts('docket-report'))['failed']).toBe(failed);
  });

  it('refuses fault settings it does not know, and callers without the admin token', async () => {
    await expect(admin(court, 'POST', '/admin/faults', { endpoint: 'everything', latencyMs: 5 })).rejects.toThrow(
      /endpoint must be one of/,
    );
    await expect(admin(court, 'POST', '/admin/faults', { endpoint: 'doc1', explode: true })).rejects.toThrow(
      /Unknown fault settings: explode/,
    );
    await expect(admin(court, 'POST', '/admin/faults', { endpoint: 'doc1', failStatus: 404 })).rejects.toThrow(/5xx/);
    const anonymous = await fetch(`${court.url}/admin/faults`, {
      method: 'POST',
      body: JSON.stringify({ endpoint: 'doc1', failNext: 5 }),
    });
    expect(anonymous.status).toBe(403);
  });
});

describe('loopback only', () => {
  it('answers a request with a foreign Host header (DNS rebinding) with 421 and nothing else', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port: court.port, path: '/cgi-bin/DktRpt.pl?1017', headers: { host: 'attacker.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(status).toBe(421);
    expect(court.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
