import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { storeNotice, storeNotices, type ArrivedNotice } from '../../../src-main/core/firm/firm-notices';
import {
  claimFreeLook,
  interruptedMessage,
  markInterruptedFreeLooks,
  registerServerInstance,
  type ServerInstance,
} from '../../../src-main/core/firm/free-look-claims';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { migratedFirmDatabase } from '../../support/firm-server';
import { addTestMailbox, citCourt, citTrust, storeCitNotice } from '../../support/firm-notices';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';

// Notices and free looks in PostgreSQL (docs/firm-server.md#free-looks-once-for-the-firm): many workers of two servers
// claiming at the same moment each get a different look, a look whose server is gone is never handed out again, and a
// message two servers store at once is stored once.

let cluster: PostgresTestCluster | null = null;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await cluster?.stop();
});

/** A firm database holding `count` stored notices of the CIT, each with one pending free look. */
async function firmWithPendingLooks(count: number): Promise<Awaited<ReturnType<typeof migratedFirmDatabase>>> {
  const database = await migratedFirmDatabase(cluster!);
  const mailboxId = await addTestMailbox(database.pool);
  for (let seq = 1; seq <= count; seq += 1) {
    const stored = await storeCitNotice(
      database.pool,
      mailboxId,
      {
        deSeqNum: seq,
        documents: [
          {
            description: 'Main Document',
            originalFilename: 'motion.pdf',
            docId: String(141_000_000 + seq).padStart(10, '0'),
            stampId: '1008691343',
            fileNumber: `${seq}-0`,
            stampDigest: 'ab'.repeat(64),
          },
        ],
      },
      String(10_000_000 + seq),
    );
    expect(stored).toMatchObject({ outcome: 'new', pendingLooks: 1 });
  }
  return database;
}

/** The CIT's notice of entry `deSeqNum` of case 1:26-cv-00123, as the docketing mailbox `mailboxId` received it. */
async function arrivedCitNotice(mailboxId: number, deSeqNum: number): Promise<ArrivedNotice> {
  const raw = composeNefEmail(
    sampleNefEntry({ court: citCourt, deSeqNum }),
    { email: 'docketing@firm.example', magicNum: String(20_000_000 + deSeqNum) },
    { messageId: `backlog-${deSeqNum}`, date: new Date('2026-07-14T19:42:12Z') },
  );
  return {
    rawSha256: createHash('sha256').update(raw).digest('hex'),
    mailboxId,
    receivedAt: new Date('2026-07-14T19:42:12Z'),
    notice: await parseNotice(Buffer.from(raw)),
  };
}

function poolOn(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  pools.push(pool);
  return pool;
}

describe('notices and free looks in the firm database', () => {
  it('gives each look to one worker only, with twelve workers of two servers claiming at once', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const looks = 40;
    const database = await firmWithPendingLooks(looks);
    const servers = [poolOn(database.url), poolOn(database.url)];
    const instances = await Promise.all(servers.map((pool) => registerServerInstance(pool)));
    onTestFinished(async () => {
      await Promise.all(instances.map((instance) => instance.release()));
    });
    const claimedBy = new Map<number, number[]>();
    const worker = async (pool: pg.Pool, instance: ServerInstance): Promise<void> => {
      for (let look = await claimFreeLook(pool, instance); look; look = await claimFreeLook(pool, instance)) {
        claimedBy.set(look.id, [...(claimedBy.get(look.id) ?? []), instance.id]);
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, index) => worker(servers[index % 2]!, instances[index % 2]!)));
    expect(claimedBy.size).toBe(looks);
    expect([...claimedBy.values()].filter((claims) => claims.length !== 1)).toEqual([]);
    const { rows } = await database.pool.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM free_looks GROUP BY state',
    );
    expect(rows).toEqual([{ state: 'fetching', n: looks }]);
  });

  it('marks interrupted, and never hands out again, a look whose server is gone; a running server’s stays its own', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const database = await firmWithPendingLooks(3);
    const [alive, gone] = [poolOn(database.url), poolOn(database.url)];
    const running = await registerServerInstance(alive);
    const stopped = await registerServerInstance(gone);
    onTestFinished(async () => {
      await Promise.all([running.release(), stopped.release()]);
    });
    const kept = await claimFreeLook(alive, running);
    const left = await claimFreeLook(gone, stopped);
    expect(await markInterruptedFreeLooks(database.pool)).toBe(0);
    // Its lock connection ends as the server's would when it dies.
    await stopped.release();
    expect(await markInterruptedFreeLooks(database.pool)).toBe(1);
    const { rows } = await database.pool.query<{ id: string; state: string; message: string | null }>(
      'SELECT id, state, message FROM free_looks ORDER BY id',
    );
    expect(rows.map((row) => [Number(row.id), row.state])).toEqual([
      [kept?.id, 'fetching'],
      [left?.id, 'interrupted'],
      [expect.any(Number), 'pending'],
    ]);
    expect(rows[1]?.message).toBe(interruptedMessage);
    // The next claim takes the pending look, never the interrupted one.
    const next = await claimFreeLook(alive, running);
    expect(next?.id).toBe(Number(rows[2]?.id));
    expect(await claimFreeLook(alive, running)).toBeNull();
  });

  it('stores a message once when two servers store it at the same moment, without the NUL characters a hostile one carries', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const database = await firmWithPendingLooks(0);
    const mailbox = await database.pool.query<{ id: string }>('SELECT id FROM mailboxes');
    const raw = composeNefEmail(
      sampleNefEntry({ court: citCourt, deSeqNum: 7 }),
      { email: 'docketing@firm.example', magicNum: '12345678' },
      { messageId: 'twice', date: new Date('2026-07-14T19:42:12Z') },
    );
    const notice = await parseNotice(Buffer.from(raw));
    const arrived = {
      rawSha256: createHash('sha256').update(raw).digest('hex'),
      mailboxId: Number(mailbox.rows[0]?.id),
      receivedAt: new Date(),
      notice: { ...notice, subject: `Activity\u0000 in Case ${notice.dockets[0]?.caseNumber}` },
    };
    const [first, second] = [poolOn(database.url), poolOn(database.url)];
    const outcomes = await Promise.all([storeNotice(first, arrived, citTrust), storeNotice(second, arrived, citTrust)]);
    expect(outcomes.map((stored) => stored.outcome).sort()).toEqual(['duplicate', 'new']);
    const { rows } = await database.pool.query<{ notices: number; entries: number; looks: number; subject: string }>(
      `SELECT (SELECT count(*)::int FROM notices) AS notices, (SELECT count(*)::int FROM docket_entries) AS entries,
              (SELECT count(*)::int FROM free_looks) AS looks, (SELECT subject FROM notices) AS subject`,
    );
    expect(rows[0]).toEqual({ notices: 1, entries: 1, looks: 1, subject: 'Activity in Case 1:26-cv-00123-MMB' });
  });

  it('stores a backlog many notices a transaction as one at a time would, a notice refused refused alone', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const database = await firmWithPendingLooks(0);
    const mailboxId = await addTestMailbox(database.pool);
    const [first, second, third, fourth] = await Promise.all(
      [1, 2, 3, 4].map((deSeqNum) => arrivedCitNotice(mailboxId, deSeqNum)),
    );
    const tooLarge = {
      ...first!,
      rawSha256: 'ab'.repeat(32),
      notice: { ...first!.notice, subject: 'x'.repeat(1_100_000) },
    };
    const stored = await storeNotices(database.pool, [first!, first!, tooLarge, second!], citTrust);
    expect(stored.map((one) => (one.status === 'fulfilled' ? one.value : String(one.reason)))).toEqual([
      { outcome: 'new', noticeId: expect.any(Number) as number, newEntries: 1, pendingLooks: 1 },
      { outcome: 'duplicate' },
      expect.stringContaining('is larger than a notice may be; it was not stored'),
      { outcome: 'new', noticeId: expect.any(Number) as number, newEntries: 1, pendingLooks: 1 },
    ]);
    // One the database refuses (its mailbox is not the firm's) undoes the transaction: the others are stored alone.
    const stranger = { ...third!, mailboxId: mailboxId + 1_000 };
    const again = await storeNotices(database.pool, [stranger, fourth!, second!], citTrust);
    expect(again.map((one) => (one.status === 'fulfilled' ? one.value.outcome : String(one.reason)))).toEqual([
      expect.stringContaining('violates foreign key constraint'),
      'new',
      'duplicate',
    ]);
    const { rows } = await database.pool.query<{ notices: number; entries: number; looks: number; links: number }>(
      `SELECT (SELECT count(*)::int FROM notices) AS notices, (SELECT count(*)::int FROM docket_entries) AS entries,
              (SELECT count(*)::int FROM free_looks WHERE state = 'pending') AS looks,
              (SELECT count(*)::int FROM entry_notices) AS links`,
    );
    expect(rows[0]).toEqual({ notices: 3, entries: 3, looks: 3, links: 3 });
  });

  it('stores a backlog once when two servers store it at the same moment', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const database = await firmWithPendingLooks(0);
    const mailboxId = await addTestMailbox(database.pool);
    const backlog = await Promise.all([1, 2, 3, 4, 5].map((deSeqNum) => arrivedCitNotice(mailboxId, deSeqNum)));
    const [first, second] = [poolOn(database.url), poolOn(database.url)];
    const outcomes = await Promise.all([
      storeNotices(first, backlog, citTrust),
      storeNotices(second, backlog.slice(2), citTrust),
    ]);
    const byNotice = backlog.map((_, index) =>
      [outcomes[0][index], outcomes[1][index - 2]]
        .flatMap((one) => (one?.status === 'fulfilled' ? [one.value.outcome] : one ? [String(one.reason)] : []))
        .sort(),
    );
    expect(byNotice).toEqual([['new'], ['new'], ['duplicate', 'new'], ['duplicate', 'new'], ['duplicate', 'new']]);
    const { rows } = await database.pool.query<{ notices: number; entries: number; looks: number }>(
      `SELECT (SELECT count(*)::int FROM notices) AS notices, (SELECT count(*)::int FROM docket_entries) AS entries,
              (SELECT count(*)::int FROM free_looks) AS looks`,
    );
    expect(rows[0]).toEqual({ notices: 5, entries: 5, looks: 5 });
  });
});
