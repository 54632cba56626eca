import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { addMailbox } from '../../../src-main/core/firm/firm-mailboxes';
import { noticesPerTransaction } from '../../../src-main/core/firm/firm-notices';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { addUser } from '../../../src-main/core/firm/firm-users';
import {
  migratedFirmDatabase,
  openEventStream,
  runCli,
  send,
  startTrainingCourtServer,
  type ServerProcess,
} from '../../support/firm-server';
import { startImapTestServer, type ImapTestServer } from '../../support/imap-server';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, CourtClient, pathOf, startTestCourt } from '../../support/training-court';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';

// The firm server reads the firm's docketing mailbox once for the firm and fetches each free look once, even with two
// servers racing over the same mailbox and database (docs/firm-server.md#free-looks-once-for-the-firm). Everything is
// real: PostgreSQL, Dovecot, the training court, and `ecf-desk server` as it ships.

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let cluster: PostgresTestCluster | null = null;
let imap: ImapTestServer | null = null;
let court: Court | null = null;
let elsewhere: RecordingServer | null = null;
let scratch = '';
const running: ServerProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
  imap = cluster ? await startImapTestServer() : null;
  if (!imap) {
    return;
  }
  court = await startTestCourt({
    imap: { host: imap.host, port: imap.port, secure: false, user: imap.user, pass: imap.pass },
  });
  elsewhere = await startRecordingServer();
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-desk-firm-ingest-'));
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  await court?.stop();
  await elsewhere?.stop();
  await imap?.stop();
  await cluster?.stop();
  if (scratch) {
    await rm(scratch, { recursive: true, force: true });
  }
});

/** The firm database with the docketing mailbox recorded, as `ecf-desk server add-mailbox` records it. */
async function firmWithMailbox(
  on: PostgresTestCluster = cluster!,
): Promise<Awaited<ReturnType<typeof migratedFirmDatabase>>> {
  const database = await migratedFirmDatabase(on);
  const passwordFile = path.join(scratch, `mailbox-${Date.now()}.password`);
  await writeFile(passwordFile, `${imap!.pass}\n`, { mode: 0o600 });
  await addMailbox(database.pool, {
    name: 'docketing',
    host: imap!.host,
    port: imap!.port,
    secure: false,
    login: imap!.user,
    folder: 'INBOX',
    passwordFile,
  });
  return database;
}

/** `ecf-desk server` on the firm database, trusting the training court's links. */
async function serve(url: string, storage: string): Promise<ServerProcess> {
  const server = await startTrainingCourtServer(url, storage, court!.url);
  running.push(server);
  // A server left running would read the next test's mail (the mailbox and the court are shared).
  onTestFinished(async () => {
    if (running.includes(server)) {
      await stop(server);
    }
  });
  return server;
}

async function stop(server: ServerProcess): Promise<void> {
  running.splice(running.indexOf(server), 1);
  expect(await server.stop()).toBe(0);
}

/** Runs `work` on a connection to the docketing mailbox, as a mail program would. */
async function withMailbox<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: imap!.host,
    port: imap!.port,
    secure: false,
    auth: { user: imap!.user, pass: imap!.pass },
    logger: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

/** How many messages the docketing mailbox holds. */
async function mailboxMessageCount(): Promise<number> {
  const status = await withMailbox((client) => client.status('INBOX', { messages: true }));
  return status === false ? 0 : (status.messages ?? 0);
}

/** The message at `sequence` (1 is the oldest) in the docketing mailbox, as the server fetches it. */
async function messageSource(sequence: number): Promise<Buffer> {
  return withMailbox(async (client) => {
    await client.mailboxOpen('INBOX', { readOnly: true });
    const message = await client.fetchOne(String(sequence), { source: true });
    if (message === false || !message.source) {
      throw new Error(`The mailbox has no message ${sequence}.`);
    }
    return message.source;
  });
}

async function noticeCount(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM notices');
  return rows[0]?.n ?? 0;
}

/** Appends a message to the docketing mailbox as a mail server would deliver it. */
async function deliver(raw: string): Promise<void> {
  await withMailbox((client) => client.append('INBOX', raw));
}

/** A notice for entry `deSeqNum` of case 1017 whose links name a host other than the court's: the gate refuses them. */
function forgedNotice(deSeqNum: number): string {
  return composeNefEmail(
    sampleNefEntry({
      court: {
        name: 'U.S. Court of International Trade',
        baseUrl: elsewhere!.url,
        fromAddress: 'cmecf_training@cit-training.localhost',
        mailDomain: 'cit-training.localhost',
      },
      caseId: 1017,
      deSeqNum,
    }),
    { email: 'docketing@morganreyes.example', magicNum: '11112222' },
    { messageId: `forged-${deSeqNum}`, date: new Date() },
  );
}

/** Every document request that reached the training court, as `METHOD /doc1/…?…`. */
async function documentRequests(): Promise<string[]> {
  return (await admin(court!, 'GET', '/admin/state'))['documentRequests'] as string[];
}

let filerSession: CourtClient | null = null;

/** Jane Morgan, logged in to the training court once for the file (the court limits how often one may log in). */
async function jmorgan(): Promise<CourtClient> {
  if (filerSession === null) {
    const filer = new CourtClient(court!.url);
    await filer.loginAs('jmorgan');
    filerSession = filer;
  }
  return filerSession;
}

/** Files a motion in case 1017 as Jane Morgan; the court mails its NEF to each of the case's four addresses. */
async function fileMotion(filer: CourtClient, main: Uint8Array, attachment?: Uint8Array): Promise<void> {
  const result = await filer.file({
    caseId: 1017,
    eventId: 'motion-to-stay',
    partyIds: ['acme'],
    main: { name: 'motion.pdf', bytes: main },
    ...(attachment ? { attachments: [{ name: 'order.pdf', bytes: attachment, description: 'Proposed Order' }] } : {}),
  });
  expect(result.kind).toBe('nef-receipt');
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function storedPdfs(storage: string): Promise<string[]> {
  const files = await readdir(path.join(storage, 'sha256'), { recursive: true });
  return files.filter((file) => file.endsWith('.pdf')).map((file) => path.basename(file, '.pdf'));
}

describe.skipIf(process.platform === 'win32')('the firm server reading the firm’s mail', () => {
  it(
    'stores each notice and entry once and fetches each free look once, with two servers racing',
    { timeout: 120_000 },
    async (context) => {
      if (!court || !cluster) {
        return context.skip();
      }
      const database = await firmWithMailbox();
      const storage = path.join(scratch, 'race-pdfs');
      const servers = await Promise.all([serve(database.url, storage), serve(database.url, storage)]);

      const filer = await jmorgan();
      const pdfs = await Promise.all([makePdf(1), makePdf(2), makePdf(3), makePdf(4)]);
      const before = await documentRequests();
      await fileMotion(filer, pdfs[0]!);
      await fileMotion(filer, pdfs[1]!, pdfs[3]!);
      await fileMotion(filer, pdfs[2]!);
      await court.settleMail();
      const messages = await mailboxMessageCount();
      // Four addresses of case 1017 each get each entry's notice: one entry arrives four times, with four magic numbers.
      expect(messages).toBe(12);

      await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ notices: number; open: number; looks: number }>(
            `SELECT (SELECT count(*)::int FROM notices) AS notices, (SELECT count(*)::int FROM free_looks) AS looks,
                  (SELECT count(*)::int FROM free_looks WHERE state IN ('pending', 'fetching')) AS open`,
          );
          expect(rows[0]).toMatchObject({ notices: messages, looks: 3, open: 0 });
        },
        { timeout: 25_000, interval: 100 },
      );

      const entries = await database.pool.query<{ de_seq_num: string; notices: number }>(
        `SELECT entry.de_seq_num, count(*)::int AS notices FROM docket_entries AS entry
         JOIN entry_notices ON entry_notices.entry_id = entry.id GROUP BY entry.id ORDER BY entry.id`,
      );
      expect(entries.rows.map((row) => row.notices)).toEqual([4, 4, 4]);
      const looks = await database.pool.query<{ state: string; claimed_by: string; documents: string[] }>(
        `SELECT look.state, look.claimed_by, array_agg(document.pdf_sha256 ORDER BY document.number) AS documents
         FROM free_looks AS look JOIN free_look_documents AS document ON document.free_look_id = look.id
        GROUP BY look.id ORDER BY look.id`,
      );
      expect(looks.rows.map((row) => row.state)).toEqual(['saved', 'saved', 'saved']);
      expect(looks.rows.map((row) => row.documents)).toEqual([
        [sha256(pdfs[0]!)],
        [sha256(pdfs[1]!), sha256(pdfs[3]!)],
        [sha256(pdfs[2]!)],
      ]);
      expect((await storedPdfs(storage)).sort()).toEqual(pdfs.map(sha256).sort());

      // At the court: each entry's documents were asked for through one address's link only, and no request twice.
      const requests = (await documentRequests()).slice(before.length).filter((request) => request.includes(' /doc1/'));
      const bySeq = new Map<string, string[]>();
      for (const request of requests) {
        const seq = /de_seq_num=(\d+)/.exec(request)?.[1] ?? '?';
        bySeq.set(seq, [...(bySeq.get(seq) ?? []), request]);
      }
      expect([...bySeq.keys()].sort()).toEqual(entries.rows.map((row) => row.de_seq_num).sort());
      for (const asked of bySeq.values()) {
        expect(new Set(asked.map((request) => /magic_num=(\d+)/.exec(request)?.[1])).size).toBe(1);
        expect(new Set(asked).size).toBe(asked.length);
      }
      await Promise.all(servers.map(stop));
    },
  );

  it('keeps a forged notice’s link as refused, and nothing is asked of the host it names', async (context) => {
    if (!court || !cluster || !elsewhere) {
      return context.skip();
    }
    const database = await firmWithMailbox();
    const server = await serve(database.url, path.join(scratch, 'forged-pdfs'));
    const before = await documentRequests();
    await deliver(forgedNotice(9_001));
    const refused = await vi.waitFor(
      async () => {
        const { rows } = await database.pool.query<{
          state: string;
          message: string;
          url: string;
          claimed_by: string | null;
        }>(
          `SELECT look.state, look.message, look.url, look.claimed_by FROM free_looks AS look
             JOIN docket_entries AS entry ON entry.id = look.entry_id WHERE entry.de_seq_num = '9001'`,
        );
        expect(rows.length).toBeGreaterThan(0);
        return rows;
      },
      { timeout: 20_000, interval: 100 },
    );
    // Refused as it was stored: no server ever claimed it.
    expect(
      refused.every((row) => row.state === 'refused' && row.claimed_by === null && row.url.startsWith(elsewhere!.url)),
    ).toBe(true);
    expect(refused[0]?.message).toMatch(/training court/i);
    await stop(server);
    expect(elsewhere.requests).toEqual([]);
    // The training court never heard of the forged entry either (the mail already there is read too, hence the filter).
    expect((await documentRequests()).slice(before.length).filter((request) => request.includes('=9001'))).toEqual([]);
  });

  it(
    'reads a mailbox added while it runs, from the moment add-mailbox commits',
    { timeout: 120_000 },
    async (context) => {
      if (!court || !cluster) {
        return context.skip();
      }
      const database = await migratedFirmDatabase(cluster);
      onTestFinished(() => database.close());
      const server = await serve(database.url, path.join(scratch, 'added-mailbox-pdfs'));
      const passwordFile = path.join(scratch, `added-${Date.now()}.password`);
      await writeFile(passwordFile, `${imap!.pass}\n`, { mode: 0o600 });
      const added = await runCli([
        ...['server', 'add-mailbox', 'docketing', '--database', database.url, '--host', imap!.host],
        ...['--port', String(imap!.port), '--login', imap!.user, '--password-file', passwordFile, '--starttls'],
      ]);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      // A filing's notices arrive after the mailbox was added, besides whatever mail the mailbox held already.
      await fileMotion(await jmorgan(), await makePdf(11));
      await court.settleMail();
      const inMailbox = await mailboxMessageCount();
      expect(inMailbox).toBeGreaterThanOrEqual(4);
      await vi.waitFor(async () => expect(await noticeCount(database.pool)).toBe(inMailbox), {
        timeout: 60_000,
        interval: 100,
      });
      expect(server.output()).not.toMatch(/ERROR/);
      await stop(server);
    },
  );

  it('resumes reading after the UID it stored: a restarted server reads only the mail that is new', async (context) => {
    if (!court || !cluster) {
      return context.skip();
    }
    const database = await firmWithMailbox();
    const storage = path.join(scratch, 'restart-pdfs');
    const first = await serve(database.url, storage);
    const countNotices = (): Promise<number> => noticeCount(database.pool);
    const inMailbox = await mailboxMessageCount();
    await vi.waitFor(async () => expect(await countNotices()).toBe(inMailbox), { timeout: 20_000, interval: 100 });
    await stop(first);
    const { rows } = await database.pool.query<{ last_uid: string }>('SELECT last_uid FROM mailbox_sync');
    expect(Number(rows[0]?.last_uid)).toBeGreaterThanOrEqual(inMailbox);

    // What the first run stored is taken away: a server that read the mailbox from its start would store it again.
    await database.pool.query('TRUNCATE notices, docket_entries, entry_notices, free_looks, free_look_documents');
    const filer = await jmorgan();
    await fileMotion(filer, await makePdf(5));
    await court.settleMail();
    const second = await serve(database.url, storage);
    const newMessages = (await mailboxMessageCount()) - inMailbox;
    expect(newMessages).toBe(4);
    await vi.waitFor(
      async () => {
        const looks = await database.pool.query<{ state: string }>('SELECT state FROM free_looks');
        expect(looks.rows.map((row) => row.state)).toEqual(['saved']);
        expect(await countNotices()).toBe(newMessages);
      },
      { timeout: 20_000, interval: 100 },
    );
    await stop(second);
    expect(await countNotices()).toBe(newMessages);
  });

  it(
    'after a kill -9 mid-fetch, a restarted server stores the rest once and never asks the court for the lost look again',
    { timeout: 120_000 },
    async (context) => {
      if (!court || !cluster) {
        return context.skip();
      }
      const database = await firmWithMailbox();
      const storage = path.join(scratch, 'killed-pdfs');
      const filer = await jmorgan();
      await fileMotion(filer, await makePdf(6));
      await court.settleMail();
      const inMailbox = await mailboxMessageCount();
      const before = await documentRequests();
      // The court holds every document request long enough for the server to die with its look in hand.
      await admin(court, 'POST', '/admin/faults', { endpoint: 'doc1', latencyMs: 20_000 });
      const killed = await serve(database.url, storage);
      const inHand = await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ id: string; url: string }>(
            "SELECT id, url FROM free_looks WHERE state = 'fetching' ORDER BY id",
          );
          const asked = (await documentRequests()).slice(before.length);
          const reached = rows.filter((look) => asked.some((request) => request.includes(pathOf(look.url))));
          expect(reached.length).toBeGreaterThan(0);
          return reached;
        },
        { timeout: 20_000, interval: 50 },
      );
      running.splice(running.indexOf(killed), 1);
      await killed.kill();
      await admin(court, 'DELETE', '/admin/faults');
      // PostgreSQL lets go of the dead server's lock once it sees its connection end.
      await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = x'45434653'::bigint",
          );
          expect(rows[0]?.n).toBe(0);
        },
        { timeout: 10_000, interval: 50 },
      );

      const restarted = await serve(database.url, storage);
      await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ notices: number; open: number }>(
            `SELECT (SELECT count(*)::int FROM notices) AS notices,
                  (SELECT count(*)::int FROM free_looks WHERE state IN ('pending', 'fetching')) AS open`,
          );
          expect(rows[0]).toEqual({ notices: inMailbox, open: 0 });
        },
        { timeout: 25_000, interval: 100 },
      );
      await stop(restarted);
      const states = await database.pool.query<{ id: string; state: string; message: string | null }>(
        'SELECT id, state, message FROM free_looks WHERE id = ANY($1::bigint[])',
        [inHand.map((look) => look.id)],
      );
      expect(states.rows.map((row) => row.state)).toEqual(inHand.map(() => 'interrupted'));
      expect(states.rows[0]?.message).toMatch(/PACER/);
      // Each look in hand reached the court once, and no document request was ever sent twice.
      const asked = (await documentRequests()).slice(before.length).filter((request) => request.includes(' /doc1/'));
      for (const look of inHand) {
        expect(asked.filter((request) => request.includes(pathOf(look.url)))).toHaveLength(1);
      }
      expect(new Set(asked).size).toBe(asked.length);
      // Every message once, every entry once.
      const duplicates = await database.pool.query(
        'SELECT entry_key FROM docket_entries GROUP BY entry_key HAVING count(*) > 1',
      );
      expect(duplicates.rows).toEqual([]);
    },
  );

  it(
    'after a kill -9 mid-ingest, a restarted server stores the rest of the mail once, each entry once, each look once',
    { timeout: 120_000 },
    async (context) => {
      if (!court || !cluster || !elsewhere) {
        return context.skip();
      }
      const database = await firmWithMailbox();
      const storage = path.join(scratch, 'killed-ingest-pdfs');
      // A backlog ahead of the motion, a transaction's worth at least (notices whose links the gate refuses, so nothing
      // is fetched for them): whole transactions of mail before the held one are then stored before the kill.
      await withMailbox(async (client) => {
        for (let index = 0; index < noticesPerTransaction; index += 1) {
          await client.append('INBOX', forgedNotice(9_100 + index));
        }
      });
      const filer = await jmorgan();
      const before = await documentRequests();
      await fileMotion(filer, await makePdf(10));
      await court.settleMail();
      const inMailbox = await mailboxMessageCount();
      // The motion's third notice is held: the test stores the same message in a transaction it keeps open, so the
      // server's own insert waits on it, with the mail of the transactions before its own stored (a backlog is stored
      // noticesPerTransaction messages a transaction), the mail read with it not committed, and the mail after it not
      // yet read.
      const held = sha256(await messageSource(inMailbox - 1));
      const holder = await database.pool.connect();
      onTestFinished(() => holder.release());
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO notices (raw_sha256, mailbox_id, received_at, kind, subject, parsed)
       VALUES (decode($1, 'hex'), (SELECT id FROM mailboxes), now(), 'ignored', 'held by the test', '{}')`,
        [held],
      );
      const killed = await serve(database.url, storage);
      await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE application_name = 'ecf-desk-server' AND wait_event_type = 'Lock' AND query LIKE '%ecf_desk_store_notice(%'`,
          );
          expect(rows[0]?.waiting).toBe(1);
        },
        { timeout: 60_000, interval: 50 },
      );
      const storedBeforeKill = await noticeCount(database.pool);
      expect(storedBeforeKill).toBe(Math.floor((inMailbox - 2) / noticesPerTransaction) * noticesPerTransaction);
      expect(storedBeforeKill).toBeGreaterThanOrEqual(noticesPerTransaction);
      running.splice(running.indexOf(killed), 1);
      await killed.kill();
      await holder.query('ROLLBACK');

      const restarted = await serve(database.url, storage);
      await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ open: number }>(
            "SELECT count(*)::int AS open FROM free_looks WHERE state IN ('pending', 'fetching')",
          );
          expect({ notices: await noticeCount(database.pool), open: rows[0]?.open }).toEqual({
            notices: inMailbox,
            open: 0,
          });
        },
        { timeout: 60_000, interval: 100 },
      );
      await stop(restarted);
      const duplicates = await database.pool.query(
        'SELECT entry_key FROM docket_entries GROUP BY entry_key HAVING count(*) > 1',
      );
      expect(duplicates.rows).toEqual([]);
      const links = await database.pool.query<{ notices: number }>(
        `SELECT count(*)::int AS notices FROM entry_notices
        WHERE entry_id = (SELECT entry_id FROM free_looks ORDER BY id DESC LIMIT 1)`,
      );
      expect(links.rows[0]?.notices).toBe(4);
      const asked = (await documentRequests()).slice(before.length).filter((request) => request.includes(' /doc1/'));
      expect(new Set(asked).size).toBe(asked.length);
      const motionLook = await database.pool.query<{ url: string }>(
        'SELECT url FROM free_looks ORDER BY id DESC LIMIT 1',
      );
      expect(asked.filter((request) => request.includes(pathOf(motionLook.rows[0]!.url)))).toHaveLength(1);
    },
  );
});

describe.skipIf(process.platform === 'win32')('the firm server when PostgreSQL goes away', () => {
  it(
    'carries on through a PostgreSQL crash and restart: the look in hand is kept, mail that came meanwhile is read, desktops catch up',
    { timeout: 180_000 },
    async (context) => {
      if (!court || !cluster) {
        return context.skip();
      }
      const database = await firmWithMailbox();
      const { token } = await addUser(database.pool, 'dana', 'docketing');
      const storage = path.join(scratch, 'restart-db-pdfs');
      const server = await serve(database.url, storage);
      const stored = async (): Promise<{ notices: number; open: number }> => {
        const { rows } = await database.pool.query<{ notices: number; open: number }>(
          `SELECT (SELECT count(*)::int FROM notices) AS notices,
                (SELECT count(*)::int FROM free_looks WHERE state IN ('pending', 'fetching')) AS open`,
        );
        return rows[0]!;
      };
      const earlier = await mailboxMessageCount();
      await vi.waitFor(async () => expect(await stored()).toEqual({ notices: earlier, open: 0 }), {
        timeout: 60_000,
        interval: 100,
      });
      const desktop = await openEventStream(`${server.url}/api/events`, token);
      onTestFinished(() => desktop.close());
      expect((await desktop.next()).event).toBe('entries');

      // A motion whose free look the court answers slowly: the server has it in hand when PostgreSQL dies.
      const filer = await jmorgan();
      const inHand = await makePdf(7);
      const before = await documentRequests();
      await admin(court, 'POST', '/admin/faults', { endpoint: 'doc1', latencyMs: 3_000 });
      await fileMotion(filer, inHand);
      await court.settleMail();
      await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ url: string }>(
            "SELECT url FROM free_looks WHERE state = 'fetching'",
          );
          const asked = (await documentRequests()).slice(before.length);
          expect(rows.some((look) => asked.some((request) => request.includes(pathOf(look.url))))).toBe(true);
        },
        { timeout: 60_000, interval: 50 },
      );
      await cluster.kill();
      await admin(court, 'DELETE', '/admin/faults');
      // While PostgreSQL is down: desktops are told so, and another motion's mail arrives.
      const whileDown = await send(`${server.url}/api/entries`, { headers: { authorization: `Bearer ${token}` } });
      expect(whileDown.status).toBe(503);
      const meanwhile = await makePdf(8);
      await fileMotion(filer, meanwhile);
      await court.settleMail();
      await cluster.start();

      const inMailbox = await mailboxMessageCount();
      expect(inMailbox).toBe(earlier + 8);
      await vi.waitFor(async () => expect(await stored()).toEqual({ notices: inMailbox, open: 0 }), {
        timeout: 60_000,
        interval: 100,
      });
      // The desktop, on the stream it kept open, is told to catch up (`{}`: announcements made meanwhile were lost).
      for (;;) {
        const told = await desktop.next();
        expect(told.event).toBe('entries');
        if (told.data === '{}') {
          break;
        }
      }
      // The court's answer to the look in hand was kept; the other look was fetched once PostgreSQL was back.
      const looks = await database.pool.query<{ state: string; url: string; pdf_sha256: string }>(
        `SELECT look.state, look.url, document.pdf_sha256
         FROM free_looks AS look JOIN free_look_documents AS document ON document.free_look_id = look.id
        WHERE document.pdf_sha256 = ANY($1::text[]) ORDER BY look.id`,
        [[sha256(inHand), sha256(meanwhile)]],
      );
      expect(looks.rows.map((row) => [row.state, row.pdf_sha256])).toEqual([
        ['saved', sha256(inHand)],
        ['saved', sha256(meanwhile)],
      ]);
      const asked = (await documentRequests()).slice(before.length).filter((request) => request.includes(' /doc1/'));
      for (const look of looks.rows) {
        expect(asked.filter((request) => request.includes(pathOf(look.url)))).toHaveLength(1);
      }
      expect(new Set(asked).size).toBe(asked.length);
      expect((await send(`${server.url}/health`)).status).toBe(200);
      expect(server.output()).toMatch(/Free looks: listening again/);
      expect(server.output()).toMatch(/Desktop events: listening again/);
      await stop(server);
    },
  );

  it(
    'carries on from a streaming replica promoted after the primary is killed mid-ingest: every acknowledged notice is there, none twice',
    { timeout: 180_000 },
    async (context) => {
      const primary = court ? await startPostgresTestCluster() : null;
      if (!court || !primary) {
        return context.skip();
      }
      onTestFinished(() => primary.stop());
      // The firm's setup for a failover without loss: a replica that has each commit before it is acknowledged.
      const standby = await primary.startStandby({ synchronous: true });
      onTestFinished(() => standby.stop());
      const database = await firmWithMailbox(primary);
      onTestFinished(() => database.close());
      const storage = path.join(scratch, 'failover-pdfs');
      const first = await serve(database.url, storage);
      const earlier = await mailboxMessageCount();
      await vi.waitFor(async () => expect(await noticeCount(database.pool)).toBe(earlier), {
        timeout: 60_000,
        interval: 100,
      });

      // Another motion's four notices arrive; the primary dies once the server has acknowledged (committed) one of them.
      const filer = await jmorgan();
      const before = await documentRequests();
      await fileMotion(filer, await makePdf(9));
      await court.settleMail();
      const acknowledged = await vi.waitFor(
        async () => {
          const { rows } = await database.pool.query<{ raw_sha256: string }>('SELECT raw_sha256 FROM notices');
          expect(rows.length).toBeGreaterThan(earlier);
          return rows.map((row) => row.raw_sha256);
        },
        { timeout: 60_000, interval: 20 },
      );
      await primary.kill();
      running.splice(running.indexOf(first), 1);
      await first.kill();

      await standby.promote();
      const promotedUrl = standby.urlOf(new URL(database.url).pathname.slice(1));
      const promoted = new pg.Pool({ connectionString: promotedUrl });
      onTestFinished(() => promoted.end());
      const present = await promoted.query<{ raw_sha256: string }>('SELECT raw_sha256 FROM notices');
      expect(present.rows.map((row) => row.raw_sha256)).toEqual(expect.arrayContaining(acknowledged));

      // The server, pointed at the promoted replica, reads the rest of the mail, each message once.
      const second = await serve(promotedUrl, storage);
      const inMailbox = await mailboxMessageCount();
      expect(inMailbox).toBe(earlier + 4);
      await vi.waitFor(
        async () => {
          const { rows } = await promoted.query<{ notices: number; open: number }>(
            `SELECT (SELECT count(*)::int FROM notices) AS notices,
                  (SELECT count(*)::int FROM free_looks WHERE state IN ('pending', 'fetching')) AS open`,
          );
          expect(rows[0]).toEqual({ notices: inMailbox, open: 0 });
        },
        { timeout: 60_000, interval: 100 },
      );
      const duplicates = await promoted.query(
        'SELECT entry_key FROM docket_entries GROUP BY entry_key HAVING count(*) > 1',
      );
      expect(duplicates.rows).toEqual([]);
      // The motion's free look: fetched once at most, whichever server had it (a claim the dead primary acknowledged is
      // marked interrupted, never asked again).
      const looks = await promoted.query<{ url: string; state: string }>(
        `SELECT look.url, look.state FROM free_looks AS look JOIN docket_entries AS entry ON entry.id = look.entry_id
        WHERE entry.id = (SELECT max(id) FROM docket_entries)`,
      );
      expect(looks.rows).toHaveLength(1);
      expect(['saved', 'interrupted']).toContain(looks.rows[0]?.state);
      const asked = (await documentRequests()).slice(before.length).filter((request) => request.includes(' /doc1/'));
      expect(asked.filter((request) => request.includes(pathOf(looks.rows[0]!.url))).length).toBeLessThanOrEqual(1);
      expect(new Set(asked).size).toBe(asked.length);
      await stop(second);
    },
  );
});
