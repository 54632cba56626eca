import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { addToCaseTeam } from '../../../src-main/core/firm/case-teams';
import { firmCalendar } from '../../../src-main/core/firm/firm-calendar';
import { addUser, findUserByToken, removeUser } from '../../../src-main/core/firm/firm-users';
import { firmCalendarLink } from '../../../src-main/shared/firm-server';
import { addTestMailbox, storeCitNotice } from '../../support/firm-notices';
import { migratedFirmDatabase, send, startTestFirmServer } from '../../support/firm-server';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// The firm's calendar (docs/firm-server.md#the-firms-calendar): each user's deadlines across the firm's entries they
// may see, as a calendar program subscribes to it, by a link that opens the calendar and nothing else.

let cluster: PostgresTestCluster | null = null;

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

const caseA = '1:26-cv-00123-MMB';
const caseB = '1:26-cv-00456-GWC';
/** When the calendar is made (its DTSTAMP). */
const now = new Date('2026-12-01T12:00:00Z');

/** The events of an iCalendar file as `date summary`, lines unfolded. */
function eventsOf(ics: string): string[] {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const events: string[] = [];
  let date = '';
  for (const line of lines) {
    if (line.startsWith('DTSTART;VALUE=DATE:')) {
      date = line.slice('DTSTART;VALUE=DATE:'.length);
    } else if (line.startsWith('SUMMARY:')) {
      events.push(`${date} ${line.slice('SUMMARY:'.length)}`);
    }
  }
  return events.sort();
}

async function firmWithDeadlines() {
  const database = await migratedFirmDatabase(cluster!);
  onTestFinished(() => database.close());
  const paralegal = await addUser(database.pool, 'mchen', 'paralegal');
  const docketing = await addUser(database.pool, 'dana', 'docketing');
  await addToCaseTeam(database.pool, '1:26-cv-00123', 'mchen');
  const mailboxId = await addTestMailbox(database.pool);
  const store = (caseNumber: string, deSeqNum: number, docketText: string, shortDescription = 'Order') =>
    storeCitNotice(
      database.pool,
      mailboxId,
      { caseNumber, caseId: caseNumber === caseA ? 4821 : 5930, deSeqNum, docketText, shortDescription },
      String(40_000_000 + deSeqNum),
    );
  await store(caseA, 1, 'SCHEDULING ORDER: Response due by 12/15/2026.');
  await store(caseA, 2, 'SEALED ORDER: Reply due by 1/5/2027.');
  await store(caseA, 3, 'NOTICE of Appearance by Jane Morgan on behalf of Acme Steel Corp.', 'Notice of Appearance');
  await store(caseB, 4, 'MOTION to Dismiss for Lack of Jurisdiction. Filed by Acme Steel Corp.', 'Motion to Dismiss');
  return { database, paralegal, docketing };
}

describe.skipIf(process.platform === 'win32')('the firm’s calendar', () => {
  it('holds the dates the user’s entries set and the response dates of their motions; a sealed one only for its team', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const { database, paralegal, docketing } = await firmWithDeadlines();
    expect(
      eventsOf(await firmCalendar(database.pool, (await findUserByToken(database.pool, paralegal.token))!, now)),
    ).toEqual([`20261215 Response due — ${caseA}`, `20270105 Reply due — ${caseA}`]);
    const forDocketing = eventsOf(
      await firmCalendar(database.pool, (await findUserByToken(database.pool, docketing.token))!, now),
    );
    expect(forDocketing).toContain(`20261215 Response due — ${caseA}`);
    expect(forDocketing.some((event) => event.includes('Reply due'))).toBe(false);
    // The motion filed 2026-07-14: its response date computed under the rules, and said to be computed.
    expect(forDocketing.filter((event) => event.endsWith(caseB))).toEqual([
      expect.stringMatching(/^2026\d{4} .*\(USCIT Rule 7\(d\).*computed\) — 1:26-cv-00456-GWC$/),
    ]);
    expect(forDocketing).toHaveLength(2);
  });

  it('opens by its link without a token; a changed or old link finds nothing, and the link is no token', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const { database, paralegal, docketing } = await firmWithDeadlines();
    const server = await startTestFirmServer(database);
    onTestFinished(() => server.close());
    const asked = await send(`${server.url}/api/calendar-link`, {
      headers: { authorization: `Bearer ${paralegal.token}` },
    });
    expect(asked.status).toBe(200);
    const { path } = firmCalendarLink.parse(JSON.parse(asked.body));
    expect(path).toMatch(/^\/calendar\/mchen\//);

    const calendar = await send(`${server.url}${path}`);
    expect(calendar.status).toBe(200);
    expect(calendar.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(calendar.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar.body).toContain(`SUMMARY:Response due — ${caseA}`);

    const secret = path.slice(path.lastIndexOf('/') + 1, -'.ics'.length);
    // The last character changed by its lowest bit only: the same bytes once decoded, and still not the link.
    const last = secret.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const changed = `${secret.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1] ?? 'A'}`;
    for (const wrong of [
      `/calendar/mchen/${changed}.ics`,
      `/calendar/dana/${secret}.ics`,
      `/calendar/nobody/${secret}.ics`,
      `/calendar/mchen/${secret.slice(1)}.ics`,
      `/calendar/%E0%A4%A/${secret}.ics`,
    ]) {
      const answer = await send(`${server.url}${wrong}`);
      expect(answer.status, wrong).toBe(404);
      expect(answer.body).not.toContain('VCALENDAR');
    }
    expect((await send(`${server.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    // Each user's link is their own.
    const docketingLink = await send(`${server.url}/api/calendar-link`, {
      headers: { authorization: `Bearer ${docketing.token}` },
    });
    expect(firmCalendarLink.parse(JSON.parse(docketingLink.body)).path).not.toContain(secret);
    // A user removed: their link ends with their token.
    await removeUser(database.pool, 'mchen');
    expect((await send(`${server.url}${path}`)).status).toBe(404);
  });
});
