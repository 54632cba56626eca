import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openFirmDatabase } from '../../../src-main/core/firm/firm-database';
import { listEntryChanges } from '../../../src-main/core/firm/firm-entries';
import { searchEntries } from '../../../src-main/core/firm/firm-search';
import { migrateFirmDatabase } from '../../../src-main/core/firm/migrate-firm-database';
import { firmMigrations } from '../../../src-main/core/firm/migrations';
import { firmSearchResults, type FirmEntry } from '../../../src-main/shared/firm-server';
import { addTestMailbox } from '../../support/firm-notices';
import { send } from '../../support/firm-server';
import { caseA, caseB, firmWithTeams } from '../../support/firm-teams';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// Search on the firm server (docs/firm-server.md#search): the words of the entries of a user's cases, the same fields the
// desktop's inbox searches, found by the same rule that decides what /api/entries lists.

let cluster: PostgresTestCluster | null = null;

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

/** The firm of firmWithTeams, and what its users find through /api/search. */
async function firmWithSearch() {
  const firm = await firmWithTeams(cluster!, 30_000_000);
  const { server } = firm;
  const search = async (token: string, query: string, limit?: number) => {
    const address = new URL('/api/search', server.url);
    address.searchParams.set('q', query);
    if (limit !== undefined) {
      address.searchParams.set('limit', String(limit));
    }
    return send(address.toString(), { headers: { authorization: `Bearer ${token}` } });
  };
  const found = async (token: string, query: string): Promise<string[]> => {
    const answer = await search(token, query);
    expect(answer.status).toBe(200);
    return firmSearchResults.parse(JSON.parse(answer.body)).entries.map(entryLabel);
  };
  return { ...firm, search, found };
}

const entryLabel = (entry: FirmEntry): string => `${entry.caseNumber} #${entry.deSeqNum}`;

describe.skipIf(process.platform === 'win32')('search on the firm server', () => {
  it('finds entries by the words of their docket text, case name and parties, newest first', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithSearch();
    await firm.store({
      caseNumber: caseA,
      deSeqNum: 1,
      docketText: 'ORDER granting remand to Commerce. (Kowalczyk, Anna)',
      shortDescription: 'Order on Remand',
    });
    await firm.store({
      caseNumber: caseA,
      deSeqNum: 2,
      docketText: 'MOTION for Extension of Time to File Brief (Morgan, Jane)',
      filer: 'Zhejiang Bearings Co.',
      electronicRecipients: [{ name: 'Siddiqi Farah', emails: ['fsiddiqi@firm.example'] }],
    });
    await firm.store({ caseNumber: caseA, deSeqNum: 3, docketText: 'MOTIONS to Stay the remand (Morgan, Jane)' });
    const token = firm.docketing.token;

    expect(await firm.found(token, 'remand')).toEqual([`${caseA} #3`, `${caseA} #1`]);
    // English stems: "motion" finds "MOTIONS"; a phrase in quotes finds its words in order.
    expect(await firm.found(token, 'motion')).toEqual([`${caseA} #3`, `${caseA} #2`]);
    expect(await firm.found(token, '"extension of time"')).toEqual([`${caseA} #2`]);
    expect(await firm.found(token, 'remand -stay')).toEqual([`${caseA} #1`]);
    // The filer, a recipient, a name in the docket text, the case name.
    expect(await firm.found(token, 'Zhejiang')).toEqual([`${caseA} #2`]);
    expect(await firm.found(token, 'siddiqi')).toEqual([`${caseA} #2`]);
    expect(await firm.found(token, 'Kowalczyk')).toEqual([`${caseA} #1`]);
    expect(await firm.found(token, 'acme steel')).toHaveLength(3);
    expect(await firm.found(token, 'nothing-matches-this')).toEqual([]);
    // Syntax is searched as text, never an error; a query of stop words only finds nothing.
    expect(await firm.found(token, 'AND OR NOT "* : & | !')).toEqual([]);
    expect(await firm.found(token, 'the')).toEqual([]);
    expect(await firm.found(token, '')).toEqual([]);

    const first = firmSearchResults.parse(JSON.parse((await firm.search(token, 'remand', 1)).body)).entries;
    expect(first.map(entryLabel)).toEqual([`${caseA} #3`]);
  });

  it('finds only what /api/entries lists to the same user: never another team’s entry, a restricted one only for its team', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithSearch();
    await firm.store({ caseNumber: caseA, deSeqNum: 1, docketText: 'ORDER on antidumping remand (Morgan, Jane)' });
    await firm.store({ caseNumber: caseB, deSeqNum: 2, docketText: 'ORDER on antidumping remand (Morgan, Jane)' });
    await firm.store({
      caseNumber: caseA,
      deSeqNum: 3,
      docketText: 'SEALED antidumping remand results (Morgan, Jane)',
    });
    await firm.store({ caseNumber: caseB, deSeqNum: 4, docketText: 'CONFIDENTIAL antidumping brief (Morgan, Jane)' });

    expect(await firm.found(firm.paralegal.token, 'antidumping')).toEqual([`${caseA} #3`, `${caseA} #1`]);
    expect(await firm.found(firm.attorney.token, 'antidumping')).toEqual([`${caseB} #4`, `${caseB} #2`]);
    // Docketing staff see every case, but not what is restricted to a team.
    expect(await firm.found(firm.docketing.token, 'antidumping')).toEqual([`${caseB} #2`, `${caseA} #1`]);
    // Exactly the rule of the list of changes, user by user.
    for (const { user } of [firm.paralegal, firm.attorney, firm.docketing]) {
      const listed = (await listEntryChanges(firm.database.pool, user, '0.0')).entries.map(entryLabel).sort();
      const searched = (await searchEntries(firm.database.pool, user, 'antidumping', 100)).map(entryLabel).sort();
      expect(searched).toEqual(listed);
    }
    // A case's own number finds nothing for someone off its team.
    expect(await firm.found(firm.paralegal.token, '00456')).toEqual([]);
    // …and finds its cases however the number is typed.
    for (const number of ['00456', '26-00456', '1:26-cv-00456', caseB]) {
      expect(await firm.found(firm.attorney.token, number)).toEqual([`${caseB} #4`, `${caseB} #2`]);
    }
  });

  it('refuses a query longer than 200 characters, or a limit out of bounds, with 400 and search.invalid', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithSearch();
    const tooLong = await firm.search(firm.docketing.token, 'remand '.repeat(29));
    expect(tooLong.status).toBe(400);
    expect(JSON.parse(tooLong.body)).toEqual({
      ok: false,
      error: { code: 'search.invalid', message: 'A search may be up to 200 characters long.' },
    });
    expect((await firm.search(firm.docketing.token, 'r'.repeat(200))).status).toBe(200);
    for (const limit of [0, 101, 2.5, Number.NaN]) {
      const refused = await firm.search(firm.docketing.token, 'remand', limit);
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'search.invalid' } });
    }
    expect((await firm.search(firm.docketing.token, 'remand', 100)).status).toBe(200);
    const noToken = await send(`${firm.server.url}/api/search?q=remand`);
    expect(noToken.status).toBe(401);
    await expect(searchEntries(firm.database.pool, firm.docketing.user, 'x'.repeat(201))).rejects.toThrow(
      'up to 200 characters',
    );
  });

  it('can answer from the GIN index of the entries’ words, and read each entry’s free looks by index', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const firm = await firmWithSearch();
    await firm.store({ caseNumber: caseA, deSeqNum: 1, docketText: 'ORDER granting remand (Morgan, Jane)' });
    const client = await firm.database.pool.connect();
    try {
      await client.query('BEGIN');
      // Three entries are too few for the planner to choose an index by itself: a sequential scan is forbidden, so the
      // plan shows whether the index can serve the search at all (bench:server measures it on a million).
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM docket_entries AS entry
          WHERE entry.search @@ websearch_to_tsquery('english', 'remand')
            AND (entry.case_key = ANY($1::text[]) OR ($2::boolean AND NOT entry.is_restricted))`,
        [['1:26-cv-00123'], true],
      );
      expect(rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on docket_entries_search/);
      // Each entry a search or the list answers reads its free looks, refused ones too (the notice's own link here is
      // refused: the gate trusts the court's host only).
      const looks = await client.query<{ 'QUERY PLAN': string }>(
        'EXPLAIN SELECT id FROM free_looks AS look WHERE look.entry_id = $1',
        ['1'],
      );
      expect(looks.rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/free_looks_by_entry/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('finds the entries stored before search existed, without announcing them to desktops again', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    const database = openFirmDatabase(url, () => undefined);
    onTestFinished(() => database.close());
    await migrateFirmDatabase(database.pool, firmMigrations.slice(0, 3));
    const mailboxId = await addTestMailbox(database.pool);
    // storeNotice of this version names the search column, which does not exist yet: the entry is stored as version 3
    // stored it, by hand.
    await database.pool.query(
      `INSERT INTO notices (raw_sha256, mailbox_id, received_at, kind, court, subject, parsed)
       VALUES (decode(repeat('ab', 32), 'hex'), $1, now(), 'nef', 'cit', 'Activity in Case', $2)`,
      [
        mailboxId,
        JSON.stringify({
          kind: 'nef',
          court: 'cit',
          subject: 'Activity in Case',
          dockets: [
            {
              caseNumber: caseA,
              caseName: 'Acme Steel Corp. v. United States',
              docketText: 'ORDER granting remand (Kowalczyk, Anna)',
              shortDescription: 'Order on Motion',
              deSeqNum: '7',
              filer: 'Zhejiang Bearings Co.',
            },
          ],
          recipients: [{ name: 'Farah Siddiqi', emails: [] }],
        }),
      ],
    );
    await database.pool.query(
      `INSERT INTO docket_entries (entry_key, court, case_number, case_key, de_seq_num, first_notice_id)
       VALUES ('cit|1:26-cv-00123|7', 'cit', $1, '1:26-cv-00123', '7', (SELECT id FROM notices))`,
      [caseA],
    );
    const before = await database.pool.query<{ xid: string }>('SELECT changed_xid::text AS xid FROM docket_entries');

    await migrateFirmDatabase(database.pool);
    const { rows } = await database.pool.query<{ xid: string; found: string[] }>(
      `SELECT changed_xid::text AS xid,
              array(SELECT q FROM unnest(array['26-00123', '00123', 'remand', 'kowalczyk', 'zhejiang', 'siddiqi', 'acme', 'order on motion', 'nothing']) AS q
                     WHERE search @@ websearch_to_tsquery('english', q)) AS found
         FROM docket_entries`,
    );
    expect(rows).toEqual([
      {
        xid: before.rows[0]?.xid,
        found: ['26-00123', '00123', 'remand', 'kowalczyk', 'zhejiang', 'siddiqi', 'acme', 'order on motion'],
      },
    ]);
  });
});
