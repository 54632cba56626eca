import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCaseTeam } from '../../../src-main/core/firm/case-teams';
import { addUser } from '../../../src-main/core/firm/firm-users';
import { newOutboxStatus } from '../../../src-main/core/filing/outbox';
import { firmDocket, type FirmDocket, type SharedDraftContent } from '../../../src-main/shared/firm-server';
import type { OutboxStatus } from '../../../src-main/shared/filing';
import { send } from '../../support/firm-server';
import { caseA, caseB, firmWithTeams } from '../../support/firm-teams';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';
import { makePdf } from '../../support/synthetic-pdfs';
import { draftWith, mainDocument } from '../filing/draft-builder';

// The firm docket (docs/firm-server.md#the-firm-docket): one list of the notices, the deadlines they set and the shared
// drafts with their outbox states, of the cases a user may see, filtered by case, attorney and dates.

let cluster: PostgresTestCluster | null = null;

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

describe.skipIf(process.platform === 'win32')('the firm docket', () => {
  it('lists each user’s cases’ notices, deadlines and shared filings with their state, filtered by case, attorney and dates', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithTeams(cluster, 60_000_000);
    const { pool } = firm.database;
    await addUser(pool, 'jmorgan', 'attorney');
    await addToCaseTeam(pool, caseA, 'jmorgan');
    // Case A: a motion, and a sealed entry (its team only); case B: an order setting a date. All arrived 2026-07-14.
    await firm.store({ caseNumber: caseA, deSeqNum: 11, shortDescription: 'Motion to Stay' });
    await firm.store({ caseNumber: caseA, deSeqNum: 12, docketText: 'SEALED Exhibit to the Motion to Stay.' });
    await firm.store({
      caseNumber: caseB,
      deSeqNum: 21,
      shortDescription: 'Order',
      docketText: 'ORDER: Answer due by 2/2/2027.',
    });

    const get = async (token: string, query = ''): Promise<FirmDocket> => {
      const answer = await send(`${firm.server.url}/api/docket${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status, answer.body).toBe(200);
      return firmDocket.parse(JSON.parse(answer.body));
    };
    const share = async (token: string, caseNumber: string, outbox: OutboxStatus | null): Promise<void> => {
      const pdf = await makePdf(1);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' };
      const stored = await send(`${firm.server.url}/api/documents/${sha256}`, { method: 'PUT', headers, body: pdf });
      // Created, or kept already (the same synthetic PDF twice).
      expect([200, 201]).toContain(stored.status);
      const id = randomUUID();
      const content: SharedDraftContent = {
        draft: draftWith({
          id,
          case: { caseId: 1, caseNumber, caption: 'A v. B' },
          eventId: 'motion-to-stay',
          documents: [mainDocument],
          outbox,
        }),
        documents: [{ id: mainDocument.documentId, name: 'motion.pdf', sha256, preflight: { state: 'waiting' } }],
      };
      const kept = await send(`${firm.server.url}/api/drafts/${id}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ baseVersion: null, content }),
      });
      expect(kept.status, kept.body).toBe(201);
    };
    await share(firm.paralegal.token, caseA, { ...newOutboxStatus(new Date()), state: 'submitted' });
    await share(firm.attorney.token, caseB, null);
    const today = new Date().toISOString().slice(0, 10);
    const lines = (docket: FirmDocket) =>
      docket.items.map((item) => `${item.kind} ${item.date} ${item.caseNumber} ${item.title} [${item.state ?? '-'}]`);

    // The paralegal, on case A: its two notices (the sealed one too: the team sees it) and its filing, in the outbox.
    const paralegals = await get(firm.paralegal.token);
    expect(paralegals.items.every((item) => item.caseNumber.startsWith('1:26-cv-00123'))).toBe(true);
    expect(lines(paralegals)).toEqual(
      expect.arrayContaining([
        `filing ${today} ${caseA} Motion to Stay [submitted]`,
        `notice 2026-07-14 ${caseA} Motion to Stay [-]`,
      ]),
    );
    expect(paralegals.items.filter((item) => item.kind === 'notice')).toHaveLength(2);
    expect(paralegals.attorneys).toEqual(['jmorgan']);

    // The attorney of case B: its order, the date it sets, and the draft being prepared.
    const attorneys = await get(firm.attorney.token);
    expect(lines(attorneys)).toEqual([
      `deadline 2027-02-02 ${caseB} Answer due [-]`,
      `filing ${today} ${caseB} Motion to Stay [draft]`,
      `notice 2026-07-14 ${caseB} Order [-]`,
    ]);

    // Docketing sees every case, but not the sealed entry of a team it is not on; filtered by attorney, case and dates.
    const everything = await get(firm.docketing.token);
    expect(everything.items.filter((item) => item.kind === 'notice')).toHaveLength(2);
    expect(everything.items.some((item) => item.detail?.includes('SEALED'))).toBe(false);
    expect(everything.attorneys).toEqual(['bobrien', 'jmorgan']);
    expect(
      new Set((await get(firm.docketing.token, '?attorney=bobrien')).items.map((item) => item.caseNumber)),
    ).toEqual(new Set([caseB]));
    expect(
      new Set((await get(firm.docketing.token, '?attorney=jmorgan')).items.map((item) => item.caseNumber.slice(0, 13))),
    ).toEqual(new Set(['1:26-cv-00123']));
    expect(
      new Set((await get(firm.docketing.token, '?case=1:26-cv-00456')).items.map((item) => item.caseNumber)),
    ).toEqual(new Set([caseB]));
    expect(lines(await get(firm.docketing.token, '?from=2027-01-01'))).toEqual([
      `deadline 2027-02-02 ${caseB} Answer due [-]`,
    ]);
    // That one day: the two notices that arrived on it, and nothing else (not an empty list).
    expect(
      lines(await get(firm.docketing.token, '?from=2026-07-14&to=2026-07-14')).map((line) => line.split(' ')[0]),
    ).toEqual(['notice', 'notice']);
    // An attorney filter never widens what a user sees.
    expect((await get(firm.paralegal.token, '?attorney=bobrien')).items).toEqual([]);

    const refused = await send(`${firm.server.url}/api/docket?from=yesterday`, {
      headers: { authorization: `Bearer ${firm.paralegal.token}` },
    });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'docket.invalid' } });
  });
});
