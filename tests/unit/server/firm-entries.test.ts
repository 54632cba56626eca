import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { listEntryChanges } from '../../../src-main/core/firm/firm-entries';
import { claimFreeLook, finishFreeLook, registerServerInstance } from '../../../src-main/core/firm/free-look-claims';
import { firmEntryChanges, type FirmEntryChanges } from '../../../src-main/shared/firm-server';
import { openEventStream, send } from '../../support/firm-server';
import { caseA, caseB, firmWithTeams } from '../../support/firm-teams';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// What desktops read from the firm server (docs/firm-server.md#notices-on-desktops): the entries of their cases, in the
// order they changed, with the documents the firm's free looks saved; restricted entries only for the case team; a
// stream that names each changed case, within moments, to those who may see it.

let cluster: PostgresTestCluster | null = null;

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

/** The firm of firmWithTeams, and what its users read from /api/entries. */
async function firmWithEntries() {
  const firm = await firmWithTeams(cluster!, 20_000_000);
  const store = (caseNumber: string, deSeqNum: number, docketText?: string) =>
    firm.store({ caseNumber, deSeqNum, ...(docketText ? { docketText } : {}) });
  const entries = async (token: string, after?: string): Promise<FirmEntryChanges> => {
    const answer = await send(`${firm.server.url}/api/entries${after ? `?after=${after}` : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    return firmEntryChanges.parse(JSON.parse(answer.body));
  };
  return { ...firm, store, entries };
}

describe.skipIf(process.platform === 'win32')('the firm’s entries as desktops read them', () => {
  it('gives each user the entries of their cases only; a sealed entry only to its case team', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithEntries();
    await firm.store(caseA, 1);
    await firm.store(caseB, 2);
    await firm.store(caseA, 3, 'SEALED MOTION for Leave by Acme Steel Corp. (Morgan, Jane)');

    const forParalegal = await firm.entries(firm.paralegal.token);
    expect(forParalegal.entries.map((entry) => [entry.caseNumber, entry.deSeqNum, entry.isRestricted])).toEqual([
      [caseA, '1', false],
      [caseA, '3', true],
    ]);
    expect((await firm.entries(firm.attorney.token)).entries.map((entry) => entry.caseNumber)).toEqual([caseB]);
    expect((await firm.entries(firm.docketing.token)).entries.map((entry) => entry.deSeqNum)).toEqual(['1', '2']);

    const [first] = forParalegal.entries;
    expect(first).toMatchObject({
      court: 'cit',
      kind: 'nef',
      caseName: 'Acme Steel Corp. v. United States',
      shortDescription: 'Motion to Intervene',
      documents: [
        { number: '0', state: 'pending', sha256: null, message: 'The firm server is fetching the free look.' },
        { number: '1', state: 'pending', sha256: null },
      ],
    });
    expect(JSON.stringify(forParalegal)).not.toContain('magic_num');
    // Nothing changed since: asking again from the cursor brings nothing, and the cursor stays.
    expect(await firm.entries(firm.paralegal.token, forParalegal.cursor)).toEqual({
      entries: [],
      cursor: forParalegal.cursor,
      hasMore: false,
    });
    const refused = await send(`${firm.server.url}/api/entries?after=1;DROP`, {
      headers: { authorization: `Bearer ${firm.paralegal.token}` },
    });
    expect(refused.status).toBe(400);
  });

  it('lists an entry again when its free look is saved, and serves the PDF only to those who may see the entry', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithEntries();
    await firm.store(caseA, 1);
    const before = await firm.entries(firm.paralegal.token);

    const instance = await registerServerInstance(firm.database.pool);
    onTestFinished(() => instance.release());
    const look = await claimFreeLook(firm.database.pool, instance);
    const pdf = new TextEncoder().encode('%PDF-1.7\n% the motion\n%%EOF\n');
    const sha256 = await firm.server.store.put(pdf);
    await finishFreeLook(firm.database.pool, instance, look!.id, {
      state: 'saved',
      message: null,
      documents: [
        { number: '0', description: 'Main Document', pdfSha256: sha256, pages: 1, state: 'saved', message: null },
      ],
    });

    const after = await firm.entries(firm.paralegal.token, before.cursor);
    expect(after.entries).toHaveLength(1);
    expect(after.entries[0]?.documents[0]).toMatchObject({ state: 'saved', sha256, pages: 1, message: null });
    expect(after.cursor).not.toBe(before.cursor);

    const asParalegal = await send(`${firm.server.url}/api/documents/${sha256}`, {
      headers: { authorization: `Bearer ${firm.paralegal.token}` },
    });
    expect(asParalegal.status).toBe(200);
    expect(asParalegal.headers['content-type']).toBe('application/pdf');
    expect(asParalegal.body).toBe(new TextDecoder().decode(pdf));
    const asAttorney = await send(`${firm.server.url}/api/documents/${sha256}`, {
      headers: { authorization: `Bearer ${firm.attorney.token}` },
    });
    expect(asAttorney.status).toBe(404);
    const unknown = await send(`${firm.server.url}/api/documents/${'0'.repeat(64)}`, {
      headers: { authorization: `Bearer ${firm.paralegal.token}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('keeps an entry from docketing staff once the court asks for a login on its fresh link (sealed)', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithEntries();
    await firm.store(caseB, 1);
    expect((await firm.entries(firm.docketing.token)).entries).toHaveLength(1);
    const instance = await registerServerInstance(firm.database.pool);
    onTestFinished(() => instance.release());
    const look = await claimFreeLook(firm.database.pool, instance);
    await finishFreeLook(firm.database.pool, instance, look!.id, {
      state: 'stopped',
      stoppedAs: 'sealed',
      message: 'The court asked for a login: the document is sealed or restricted.',
      documents: [],
    });
    expect((await firm.entries(firm.docketing.token)).entries).toEqual([]);
    const forTeam = await firm.entries(firm.attorney.token);
    expect(forTeam.entries[0]).toMatchObject({
      isRestricted: true,
      documents: [
        { number: '0', state: 'sealed', message: 'The court asked for a login: the document is sealed or restricted.' },
        { number: '1', state: 'sealed' },
      ],
    });
  });

  it('never puts a change committed late behind a cursor already given', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithEntries();
    await firm.store(caseA, 1);
    const start = await firm.entries(firm.paralegal.token);
    // A transaction changes entry 1 and stays open; meanwhile entry 2 is stored and committed.
    const slow = await firm.database.pool.connect();
    onTestFinished(() => slow.release());
    await slow.query('BEGIN');
    await slow.query("UPDATE docket_entries SET case_id = case_id WHERE de_seq_num = '1'");
    await firm.store(caseA, 2);
    const meanwhile = await firm.entries(firm.paralegal.token, start.cursor);
    expect(meanwhile).toEqual({ entries: [], cursor: start.cursor, hasMore: false });
    await slow.query('COMMIT');
    const caughtUp = await firm.entries(firm.paralegal.token, start.cursor);
    expect(caughtUp.entries.map((entry) => entry.deSeqNum)).toEqual(['1', '2']);
  });

  it('pages through many changes in order, each entry once', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithEntries();
    for (let seq = 1; seq <= 7; seq += 1) {
      await firm.store(caseA, seq);
    }
    const seen: string[] = [];
    let cursor = '0.0';
    for (;;) {
      const page = await listEntryChanges(firm.database.pool, { cases: [caseA], seesEveryCase: false }, cursor, 3);
      seen.push(...page.entries.map((entry) => entry.deSeqNum ?? ''));
      cursor = page.cursor;
      if (!page.hasMore) {
        break;
      }
    }
    expect(seen).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('tells each open stream of a change to a case its user may see, and no other', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithEntries();
    const paralegal = await openEventStream(`${firm.server.url}/api/events`, firm.paralegal.token);
    const attorney = await openEventStream(`${firm.server.url}/api/events`, firm.attorney.token);
    const docketing = await openEventStream(`${firm.server.url}/api/events`, firm.docketing.token);
    onTestFinished(() => [paralegal, attorney, docketing].forEach((stream) => stream.close()));
    expect([paralegal.status, attorney.status, docketing.status]).toEqual([200, 200, 200]);
    // Each stream starts by asking its desktop to catch up.
    for (const stream of [paralegal, attorney, docketing]) {
      expect(await stream.next()).toEqual({ event: 'entries', data: '{}' });
    }

    await firm.store(caseA, 1, 'SEALED MOTION for Leave by Acme Steel Corp. (Morgan, Jane)');
    await firm.store(caseB, 2);
    // The attorney hears of case B only; docketing staff of B only (A's entry is sealed); the paralegal of A only.
    expect(await paralegal.next()).toEqual({ event: 'entries', data: JSON.stringify({ case: caseA }) });
    expect(await attorney.next()).toEqual({ event: 'entries', data: JSON.stringify({ case: caseB }) });
    expect(await docketing.next()).toEqual({ event: 'entries', data: JSON.stringify({ case: caseB }) });
    await firm.store(caseA, 3);
    expect(await paralegal.next()).toEqual({ event: 'entries', data: JSON.stringify({ case: caseA }) });
    expect(await docketing.next()).toEqual({ event: 'entries', data: JSON.stringify({ case: caseA }) });

    const refused = await send(`${firm.server.url}/api/events`, { headers: { authorization: 'Bearer ecfd_nope' } });
    expect(refused.status).toBe(401);
  });
});
