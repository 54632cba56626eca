import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { CoreServices } from '../../../src-main/core/app-services';
import { addToCaseTeam } from '../../../src-main/core/firm/case-teams';
import { addUser } from '../../../src-main/core/firm/firm-users';
import { claimFreeLook, finishFreeLook, registerServerInstance } from '../../../src-main/core/firm/free-look-claims';
import type { InboxItem } from '../../../src-main/shared/inbox';
import { addTestMailbox, storeCitNotice } from '../../support/firm-notices';
import { startFirmServerOnTestCluster, type FirmServerOnTestCluster } from '../../support/firm-server';
import { startRecordingServer } from '../../support/recording-server';
import { createTestCore } from '../../support/test-core';

// Desktops following the real firm server (docs/firm-server.md#notices-on-desktops): each connected desktop's inbox
// receives, over the server's event stream, the entries of its user's cases and no other, and opens the PDF the
// server's free look saved by fetching it from the server once.

let firm: FirmServerOnTestCluster | null = null;
const desktops: { core: CoreServices; folder: string }[] = [];

beforeAll(async () => {
  firm = await startFirmServerOnTestCluster();
});
afterEach(async () => {
  for (const { core, folder } of desktops.splice(0)) {
    await core.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
afterAll(async () => {
  await firm?.stop();
});

const caseA = '1:26-cv-00123-MMB';
const json = { 'content-type': 'application/json' } as const;
const caseB = '1:26-cv-00456-GWC';
const caseC = '1:26-cv-00789-JAR';
const caseD = '1:26-cv-00790-JAR';
const docketCase = '1:26-cv-00791-JAR';
const otherDocketCase = '1:26-cv-00792-JAR';

/** A desktop connected to the firm server as `token`, and a way to wait until its inbox holds what a test expects. */
async function connectedDesktop(token: string, firmSyncPollMs?: number, serverUrl?: string) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-firm-sync-'));
  const waiters: (() => void)[] = [];
  const core = createTestCore(folder, {
    ...(firmSyncPollMs === undefined ? {} : { firmSyncPollMs }),
    emit: (channel) => {
      if (channel === 'inbox.changed') {
        waiters.splice(0).forEach((wake) => wake());
      }
    },
  });
  desktops.push({ core, folder });
  await core.policyReady();
  await core.handlers['firmServer.connect']({ url: serverUrl ?? firm!.server.url, token });
  const items = async (): Promise<InboxItem[]> => (await core.handlers['inbox.list']({})).items;
  /** Resolves with the inbox once `isDone` holds of it, re-reading it at each change the inbox announces. */
  const until = async (isDone: (list: InboxItem[]) => boolean): Promise<InboxItem[]> => {
    for (;;) {
      const changed = new Promise<void>((resolve) => waiters.push(resolve));
      const list = await items();
      if (isDone(list)) {
        return list;
      }
      await changed;
    }
  };
  /** The desktop's log so far. */
  const logged = (): string => {
    const file = path.join(folder, 'logs', 'ecf-desk.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  return { core, items, until, logged };
}

describe.skipIf(process.platform === 'win32')('desktops following the firm server', () => {
  it('brings each entry to the desktops of its case team only, and its saved PDF from the server when opened', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { pool } = firm.database;
    const paralegal = await addUser(pool, 'mchen', 'paralegal');
    const attorney = await addUser(pool, 'asmith', 'attorney');
    const outsider = await addUser(pool, 'bobrien', 'attorney');
    await addToCaseTeam(pool, caseA, 'mchen');
    await addToCaseTeam(pool, caseA, 'asmith');
    await addToCaseTeam(pool, caseB, 'bobrien');
    const mailboxId = await addTestMailbox(pool);

    const first = await connectedDesktop(paralegal.token);
    const second = await connectedDesktop(attorney.token);
    const third = await connectedDesktop(outsider.token);
    expect(await first.items()).toEqual([]);

    await storeCitNotice(pool, mailboxId, { caseNumber: caseA, caseId: 4821, deSeqNum: 52 }, '30000001');
    await storeCitNotice(pool, mailboxId, { caseNumber: caseB, caseId: 5930, deSeqNum: 7 }, '30000002');
    for (const desktop of [first, second]) {
      const [item] = await desktop.until((list) => list.length === 1);
      expect(item).toMatchObject({
        caseNumber: caseA,
        deSeqNum: '52',
        firmServer: firm.server.url,
        documents: [{ number: '0', state: 'pending', message: 'The firm server is fetching the free look.' }, {}],
      });
    }
    // The outsider's desktop hears of case B, its own, and never of A.
    const outsiders = await third.until((list) => list.length === 1);
    expect(outsiders.map((item) => item.caseNumber)).toEqual([caseB]);

    // The server's free look saves the motion: both desktops of the team are told, and open it from the server.
    const instance = await registerServerInstance(pool);
    const look = await claimFreeLook(pool, instance);
    const pdf = new TextEncoder().encode('%PDF-1.7\n% motion to intervene\n%%EOF\n');
    const sha256 = await firm.server.store.put(pdf);
    await finishFreeLook(pool, instance, look!.id, {
      state: 'saved',
      message: null,
      documents: [
        { number: '0', description: 'Main Document', pdfSha256: sha256, pages: 1, state: 'saved', message: null },
      ],
    });
    await instance.release();
    for (const desktop of [first, second]) {
      const [item] = await desktop.until((list) => list[0]?.documents[0]?.state === 'saved');
      expect(item?.documents[0]).toMatchObject({ state: 'saved', sha256, pages: 1 });
      const bytes = await desktop.core.handlers['inbox.documentContent']({ id: item!.id, number: '0' });
      expect(new TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(pdf));
    }
    // Kept on the desktop: disconnected from the server, it still opens its own copy.
    const [kept] = await first.items();
    await first.core.handlers['firmServer.disconnect']({});
    const again = await first.core.handlers['inbox.documentContent']({ id: kept!.id, number: '0' });
    expect(again.byteLength).toBe(pdf.byteLength);
  });

  it('gives a user put on a case team later the entries that case had before', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { pool } = firm.database;
    const newcomer = await addUser(pool, 'jlee', 'paralegal');
    const mailboxId = await addTestMailbox(pool);
    await storeCitNotice(pool, mailboxId, { caseNumber: caseC, caseId: 6041, deSeqNum: 8 }, '30000101');
    await storeCitNotice(pool, mailboxId, { caseNumber: caseD, caseId: 6152, deSeqNum: 9 }, '30000102');
    await addToCaseTeam(pool, caseD, 'jlee');
    // Asked every 50 ms besides the server's events, so the new team is noticed without waiting a minute.
    const desktop = await connectedDesktop(newcomer.token, 50);
    // Its place in the server's list is now past case C's entry, which it could not see then.
    expect((await desktop.until((items) => items.length > 0)).map((item) => item.caseNumber)).toEqual([caseD]);
    await addToCaseTeam(pool, caseC, 'jlee');
    const list = await desktop.until((items) => items.length > 1);
    expect(list.map((item) => [item.caseNumber, item.deSeqNum]).sort()).toEqual([
      [caseC, '8'],
      [caseD, '9'],
    ]);
  });

  it('keeps its inbox and goes on when what answers as the firm server sends garbage, then reads it once it is sound', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { pool } = firm.database;
    const user = await addUser(pool, 'kpatel', 'paralegal');
    await addToCaseTeam(pool, caseA, 'kpatel');
    const mailboxId = await addTestMailbox(pool);
    await storeCitNotice(pool, mailboxId, { caseNumber: caseA, caseId: 4821, deSeqNum: 31 }, '30000201');

    // Between the desktop and the real server, answering in its place as the test says: every answer is hostile.
    const answers = {
      'cut-short': { status: 200, headers: json, body: '{"entries":[{"entryKey":"' },
      'wrong-shape': {
        status: 200,
        headers: json,
        body: JSON.stringify({ entries: [{ entryKey: 5 }], cursor: {}, hasMore: 'yes' }),
      },
      'too-large': { status: 200, headers: json, body: `{"entries":[],"pad":"${'x'.repeat(17 * 1024 * 1024)}"}` },
      'not-text': { status: 200, headers: json, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
    } as const;
    let mode: keyof typeof answers | 'sound' = 'cut-short';
    const lying = await startRecordingServer(async (route, request) => {
      if (route === '/api/events') {
        // One event far longer than any the server sends, never ended: the desktop must drop it, not buffer it.
        return {
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
          body: `event: entries\ndata: ${'y'.repeat(256 * 1024)}`,
        };
      }
      if (route.startsWith('/api/entries') && mode !== 'sound') {
        return answers[mode];
      }
      const upstream = await fetch(`${firm!.server.url}${route}`, {
        headers: { authorization: request.headers.authorization ?? '' },
      });
      return {
        status: upstream.status,
        headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' },
        body: new Uint8Array(await upstream.arrayBuffer()),
      };
    });
    onTestFinished(() => lying.stop());
    const desktop = await connectedDesktop(user.token, 50, lying.url);
    // Each answer is logged as what it is, and the inbox stays as it was.
    const said = {
      'cut-short': /could not be read now: Unterminated string in JSON/,
      'wrong-shape':
        /could not be read now: the firm server's page of changes is not in the form this version reads \(\d+ problem\(s\); the first at entries\.0\.entryKey/,
      'too-large': /could not be read now: the firm server sent a page of changes over 16 MB/,
      'not-text': /could not be read now: The encoded data was not valid for encoding utf-8/,
    } as const;
    for (const hostile of ['cut-short', 'wrong-shape', 'too-large', 'not-text'] as const) {
      mode = hostile;
      await vi.waitFor(() => expect(desktop.logged()).toMatch(said[hostile]), { timeout: 20_000, interval: 20 });
      expect(await desktop.items()).toEqual([]);
    }
    mode = 'sound';
    expect(desktop.logged()).toMatch(/Firm server: its event stream stopped/);
    const list = await desktop.until((items) => items.some((item) => item.deSeqNum === '31'));
    expect(new Set(list.map((item) => item.caseNumber))).toEqual(new Set([caseA]));
  });

  it('gives the user the link to their calendar on the server, which a calendar program opens without a token', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { pool } = firm.database;
    const user = await addUser(pool, 'rnguyen', 'attorney');
    await addToCaseTeam(pool, caseB, 'rnguyen');
    const mailboxId = await addTestMailbox(pool);
    await storeCitNotice(
      pool,
      mailboxId,
      { caseNumber: caseB, caseId: 5930, deSeqNum: 41, docketText: 'ORDER: Answer due by 2/2/2027.' },
      '30000301',
    );
    const desktop = await connectedDesktop(user.token);
    const { url } = await desktop.core.handlers['firmServer.calendarLink']({});
    expect(url.startsWith(`${firm.server.url}/calendar/rnguyen/`)).toBe(true);
    const calendar = await fetch(url);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain(`SUMMARY:Answer due — ${caseB}`);
  });

  it('shows the firm docket of the user’s cases, filtered as asked, and refuses it when not connected', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { pool } = firm.database;
    const user = await addUser(pool, 'kbrandt', 'attorney');
    await addToCaseTeam(pool, docketCase, 'kbrandt');
    const mailboxId = await addTestMailbox(pool);
    await storeCitNotice(
      pool,
      mailboxId,
      { caseNumber: docketCase, caseId: 7001, deSeqNum: 3, docketText: 'ORDER: Reply due by 3/3/2027.' },
      '30000401',
    );
    await storeCitNotice(pool, mailboxId, { caseNumber: otherDocketCase, caseId: 7002, deSeqNum: 4 }, '30000402');
    const desktop = await connectedDesktop(user.token);
    const docket = await desktop.core.handlers['firmServer.docket']({});
    expect(new Set(docket.items.map((item) => item.caseNumber))).toEqual(new Set([docketCase]));
    expect(docket.items.map((item) => `${item.kind} ${item.date}`)).toEqual([
      'deadline 2027-03-03',
      'notice 2026-07-14',
    ]);
    expect(docket.attorneys).toContain('kbrandt');
    const later = await desktop.core.handlers['firmServer.docket']({ from: '2027-01-01', caseNumber: docketCase });
    expect(later.items.map((item) => item.title)).toEqual(['Reply due']);
    await desktop.core.handlers['firmServer.disconnect']({});
    await expect(desktop.core.handlers['firmServer.docket']({})).rejects.toMatchObject({
      code: 'firm-server.unreachable',
    });
  });
});
