import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Handlers } from '../../../src-main/core/api/handlers';
import { addToCaseTeam } from '../../../src-main/core/firm/case-teams';
import { addUser } from '../../../src-main/core/firm/firm-users';
import { readSharedDraft } from '../../../src-main/core/firm/shared-drafts';
import type { SharedDraft, SharedDraftView } from '../../../src-main/shared/firm-server';
import { newOutboxStatus } from '../../../src-main/core/filing/outbox';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { addCheckedPdf, logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { startFirmServerOnTestCluster, type FirmServerOnTestCluster } from '../../support/firm-server';
import { startRecordingServer } from '../../support/recording-server';
import { docketEntryCount, startTestCourt } from '../../support/training-court';

// Shared drafts between desktops through the real firm server (docs/firm-server.md#shared-drafts): a paralegal shares
// a draft, the attorney opens it on their own desktop, signs it with their own login and files it; a change made from
// an older version is refused by the server, kept on its desktop and shown, and resolved without losing either change;
// a change made while the server is down waits and goes when it is back; a shared draft is never filed twice.

let firm: FirmServerOnTestCluster | null = null;
let court: Awaited<ReturnType<typeof startTestCourt>> | null = null;
const desktops: AccountsHarness[] = [];
const caseNumber = '1:26-cv-00123-MMB';

beforeAll(async () => {
  firm = await startFirmServerOnTestCluster();
});
afterEach(async () => {
  for (const desktop of desktops.splice(0)) {
    await desktop.stop();
  }
  await court?.stop();
  court = null;
});
afterAll(async () => {
  await firm?.stop();
});

/** A desktop (core on a data folder of its own, filing with the test's court) connected to the firm server as `token`. */
async function desktop(token: string, serverUrl = firm!.server.url): Promise<Handlers> {
  court ??= await startTestCourt();
  const harness = await startAccountsHarness({ sharedCourt: court, firmSyncPollMs: 200 });
  desktops.push(harness);
  await harness.handlers['firmServer.connect']({ url: serverUrl, token });
  return harness.handlers;
}

/** Users of the case's team: a paralegal and an attorney, with names of their own in each test. */
async function team(suffix: string): Promise<{ paralegal: string; attorney: string }> {
  const { pool } = firm!.database;
  const paralegal = await addUser(pool, `para${suffix}`, 'paralegal');
  const attorney = await addUser(pool, `atty${suffix}`, 'attorney');
  await addToCaseTeam(pool, caseNumber, `para${suffix}`);
  await addToCaseTeam(pool, caseNumber, `atty${suffix}`);
  return { paralegal: paralegal.token, attorney: attorney.token };
}

/** The case team's paralegal and attorney, each at a desktop of their own connected to the firm server. */
async function teamAtDesktops(suffix: string): Promise<{ paralegal: Handlers; attorney: Handlers }> {
  const tokens = await team(suffix);
  return { paralegal: await desktop(tokens.paralegal), attorney: await desktop(tokens.attorney) };
}

/** A notice of appearance in case 1017 with a checked PDF, as the paralegal prepares it. */
async function appearanceDraft(handlers: Handlers, note: string): Promise<string> {
  const main = await addCheckedPdf(handlers, `${note}.pdf`);
  const { id } = await handlers['drafts.create']({});
  await handlers['drafts.update']({ id, changes: { ...appearanceIn1017(main), preparedBy: 'Mei Chen' } });
  return id;
}

/** The desktop's view of one shared draft, once `isDone` holds of it (the desktop syncs in the background). */
async function sharedView(
  handlers: Handlers,
  id: string,
  isDone: (view: SharedDraftView | undefined) => boolean,
): Promise<SharedDraftView | undefined> {
  let found: SharedDraftView | undefined;
  await vi.waitFor(
    async () => {
      found = (await handlers['firmServer.sharedDrafts']({})).drafts.find((view) => view.id === id);
      if (!isDone(found)) {
        throw new Error(`not yet: ${JSON.stringify(found)}`);
      }
    },
    { timeout: 20_000, interval: 50 },
  );
  return found;
}

const codeOf = async (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => 'no error',
    (error: { code?: string }) => error.code ?? String(error),
  );

describe.skipIf(process.platform === 'win32')('shared drafts between desktops', () => {
  it('the paralegal shares a draft; the attorney opens it with its PDF, signs with their own login and files it; the paralegal’s copy says where it is filed', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { paralegal, attorney } = await teamAtDesktops('1');
    const id = await appearanceDraft(paralegal, 'shared-appearance');
    // Not shareable before it names its case; shared, it is version 1 on the server.
    const blank = await paralegal['drafts.create']({});
    expect(await codeOf(paralegal['firmServer.shareDraft']({ draftId: blank.id }))).toBe('shared-draft.invalid');
    expect(await paralegal['firmServer.shareDraft']({ draftId: id })).toEqual({
      version: 1,
      state: 'synced',
      message: null,
    });

    const listed = await attorney['firmServer.sharedDrafts']({});
    expect(listed).toMatchObject({
      state: 'connected',
      drafts: [{ id, caseNumber, server: { version: 1 }, local: null }],
    });
    await attorney['firmServer.openSharedDraft']({ id });
    const opened = (await attorney['drafts.get']({ id })).draft;
    expect(opened).toMatchObject({ case: { caseNumber }, preparedBy: 'Mei Chen', outbox: null, signature: null });
    // The PDF came from the server, checked against its SHA-256 and checked again here.
    const [paralegalPdf] = await paralegal['documents.list']({});
    const attorneyPdf = (await attorney['documents.list']({})).find(
      (record) => record.id === opened.documents[0]?.documentId,
    );
    expect(attorneyPdf).toMatchObject({ sha256: paralegalPdf?.sha256, preflight: { state: 'done' } });

    const before = await docketEntryCount(court!);
    await logInFiler(attorney, 'twalsh');
    await attorney['drafts.sign']({ id, name: 'Thomas Walsh', role: 'Attorney for the United States' });
    await attorney['outbox.submit']({ draftId: id, sendNow: true });
    await waitForOutboxState(attorney, id, ['filed']);
    expect(await docketEntryCount(court!)).toBe(before + 1);

    // The server's copy carries the signature and the outbox state; the paralegal's desktop takes it, and its copy is
    // not filed from there.
    await vi.waitFor(
      async () =>
        expect(
          (await readSharedDraft(firm!.database.pool, { cases: [], seesEveryCase: true }, id)).content.draft.outbox
            ?.state,
        ).toBe('filed'),
      { timeout: 20_000 },
    );
    const seen = await sharedView(paralegal, id, (view) => view?.local?.state === 'filed-elsewhere');
    expect(seen?.local?.message).toContain('atty1 is filing this draft');
    // The attorney's signature is in the server's copy, and never taken from it: a signature is made on its signer's
    // desktop. Signed here too, the paralegal's copy is still not filed: it is filed once, from the attorney's.
    expect(
      (await readSharedDraft(firm.database.pool, { cases: [], seesEveryCase: true }, id)).content.draft.signature,
    ).toMatchObject({ loginId: 'twalsh' });
    const copy = (await paralegal['drafts.get']({ id })).draft;
    expect(copy).toMatchObject({ outbox: null, signature: null });
    await logInFiler(paralegal, 'twalsh');
    await paralegal['drafts.sign']({ id, name: 'Thomas Walsh', role: '' });
    expect(await codeOf(paralegal['outbox.submit']({ draftId: id, sendNow: true }))).toBe(
      'shared-draft.filed-elsewhere',
    );
    expect((await paralegal['drafts.get']({ id })).draft.outbox).toBeNull();
    expect(await docketEntryCount(court!)).toBe(before + 1);
  });

  it('a change made from an older version is refused, kept and shown; taking the firm’s version keeps it as a draft of its own', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { paralegal, attorney } = await teamAtDesktops('2');
    const id = await appearanceDraft(paralegal, 'conflict');
    await paralegal['firmServer.shareDraft']({ draftId: id });
    await attorney['firmServer.openSharedDraft']({ id });

    // Both change the draft from version 1 at once: whichever reaches the server first is version 2, and the other,
    // made from version 1, is refused and kept on its own desktop.
    const changes = [
      { handlers: attorney, user: 'atty2', text: 'as amended by the attorney' },
      { handlers: paralegal, user: 'para2', text: 'as the paralegal wrote it' },
    ] as const;
    await Promise.all(
      changes.map(({ handlers, text }) => handlers['drafts.update']({ id, changes: { docketAnnotation: text } })),
    );
    const views = await Promise.all(
      changes.map(({ handlers }) =>
        sharedView(handlers, id, (view) => view?.local?.state === 'conflict' || view?.local?.version === 2),
      ),
    );
    const loserIndex = views.findIndex((view) => view?.local?.state === 'conflict');
    expect(loserIndex).toBeGreaterThanOrEqual(0);
    const [winner, loser] = loserIndex === 0 ? [changes[1], changes[0]] : [changes[0], changes[1]];
    expect(views[1 - loserIndex]?.local).toMatchObject({ state: 'synced', version: 2 });
    expect(views[loserIndex]?.local?.message).toMatch(
      new RegExp(
        `^${winner.user} changed this draft at .+ \\(version 2\\) after the version yours was made from \\(1\\)`,
      ),
    );
    expect((await loser.handlers['drafts.get']({ id })).draft.docketAnnotation).toBe(loser.text);
    const server = await readSharedDraft(firm.database.pool, { cases: [], seesEveryCase: true }, id);
    expect(server).toMatchObject({ version: 2, updatedBy: winner.user });
    expect(server.content.draft.docketAnnotation).toBe(winner.text);
    // A shared draft in conflict is not filed.
    await logInFiler(loser.handlers, 'twalsh');
    await loser.handlers['drafts.sign']({ id, name: 'Thomas Walsh', role: '' });
    expect(await codeOf(loser.handlers['outbox.submit']({ draftId: id, sendNow: true }))).toBe('shared-draft.conflict');
    expect((await loser.handlers['drafts.get']({ id })).draft.outbox).toBeNull();

    // Taking the firm's version: the shared draft is the winner's, and the loser's change is a draft of its own.
    const { copyId } = await loser.handlers['firmServer.takeFirmVersion']({ draftId: id });
    expect((await loser.handlers['drafts.get']({ id })).draft.docketAnnotation).toBe(winner.text);
    expect((await loser.handlers['drafts.get']({ id: copyId })).draft.docketAnnotation).toBe(loser.text);
    const settled = await sharedView(loser.handlers, id, (view) => view?.local?.state === 'synced');
    expect(settled?.local?.version).toBe(2);
    expect((await loser.handlers['firmServer.sharedDrafts']({})).drafts.map((view) => view.id)).not.toContain(copyId);
  });

  it('a change made while the server cannot answer waits on the desktop and is kept once it can; the other desktop takes it', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { paralegal, attorney } = await teamAtDesktops('3');
    const id = await appearanceDraft(paralegal, 'offline');
    await paralegal['firmServer.shareDraft']({ draftId: id });
    await attorney['firmServer.openSharedDraft']({ id });

    await firm.cluster.shutDown();
    try {
      await paralegal['drafts.update']({ id, changes: { docketAnnotation: 'written offline' } });
      // Saved here at once, as any change; not the server's yet.
      expect((await paralegal['drafts.get']({ id })).draft.docketAnnotation).toBe('written offline');
      expect(await codeOf(paralegal['firmServer.openSharedDraft']({ id }))).toBe('firm-server.unreachable');
      // The Filings screen still lists it, as this desktop holds it: changed here and waiting for the server.
      expect(await paralegal['firmServer.sharedDrafts']({})).toMatchObject({
        state: 'offline',
        drafts: [{ id, caseNumber, server: null, local: { version: 1, state: 'waiting' } }],
      });
    } finally {
      await firm.cluster.start();
    }
    await sharedView(paralegal, id, (view) => view?.local?.state === 'synced' && view.local.version === 2);
    // The attorney's copy had no change waiting: it takes version 2 by itself.
    await vi.waitFor(
      async () => expect((await attorney['drafts.get']({ id })).draft.docketAnnotation).toBe('written offline'),
      { timeout: 20_000 },
    );
    expect((await sharedView(attorney, id, (view) => view?.local?.version === 2))?.local?.state).toBe('synced');
  });

  it('two desktops that both try to file one shared draft: it is filed once', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const tokens = await team('4');
    const first = await desktop(tokens.attorney);
    const second = await desktop(tokens.attorney);
    const id = await appearanceDraft(first, 'filed-once');
    await first['firmServer.shareDraft']({ draftId: id });
    await second['firmServer.openSharedDraft']({ id });
    await logInFiler(first, 'twalsh');
    await logInFiler(second, 'jmorgan');
    // The same attorney's two desktops: each signs with its own login, the first files first.
    await first['drafts.sign']({ id, name: 'Thomas Walsh', role: '' });
    const before = await docketEntryCount(court!);
    await first['outbox.submit']({ draftId: id, sendNow: true });
    await second['drafts.sign']({ id, name: 'Jane Morgan', role: '' });
    expect(await codeOf(second['outbox.submit']({ draftId: id, sendNow: true }))).toMatch(
      /^shared-draft\.(filed-elsewhere|conflict)$/,
    );
    expect((await second['drafts.get']({ id })).draft.outbox).toBeNull();
    // What the first files is what was signed there: the firm's version never replaces a draft in its outbox.
    expect(await codeOf(first['firmServer.takeFirmVersion']({ draftId: id }))).toBe('filing.in-outbox');
    await waitForOutboxState(first, id, ['filed']);
    expect(await docketEntryCount(court!)).toBe(before + 1);
  });

  it('a shared draft from a server that lies is refused whole, or taken without the signature and outbox state it claims', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const tokens = await team('5');
    const paralegal = await desktop(tokens.paralegal);
    const id = await appearanceDraft(paralegal, 'hostile');
    await paralegal['firmServer.shareDraft']({ draftId: id });
    // Between the attorney's desktop and the real server, changing its answers as the test says.
    type Lie = 'other-id' | 'other-pdf' | 'disguised-name' | 'too-large' | 'signed-and-filing';
    let lie: Lie | null = null;
    const forged = 'f'.repeat(64);
    const lying = await startRecordingServer(async (route, request) => {
      const upstream = await fetch(`${firm!.server.url}${route}`, {
        headers: { authorization: request.headers.authorization ?? '' },
      });
      const body = new Uint8Array(await upstream.arrayBuffer());
      const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
      if (route === `/api/documents/${forged}`) {
        return {
          status: 200,
          headers: { 'content-type': 'application/pdf' },
          body: new TextEncoder().encode('%PDF-1.7 not it'),
        };
      }
      if (route !== `/api/drafts/${id}` || lie === null) {
        return { status: upstream.status, headers: { 'content-type': type }, body };
      }
      const shared = JSON.parse(new TextDecoder().decode(body)) as SharedDraft;
      const json = { 'content-type': 'application/json' };
      switch (lie) {
        case 'other-id':
          return { headers: json, body: JSON.stringify({ ...shared, id: '00000000-0000-4000-8000-000000000000' }) };
        case 'other-pdf': {
          const documents = shared.content.documents.map((document) => ({ ...document, sha256: forged }));
          return { headers: json, body: JSON.stringify({ ...shared, content: { ...shared.content, documents } }) };
        }
        case 'disguised-name': {
          // A name that reads as a PDF and is not one: U+202E turns "fdp.exe" around.
          const documents = shared.content.documents.map((document) => ({
            ...document,
            name: 'Appearance\u202Efdp.exe',
          }));
          return { headers: json, body: JSON.stringify({ ...shared, content: { ...shared.content, documents } }) };
        }
        case 'too-large':
          return { headers: json, body: JSON.stringify({ ...shared, pad: 'x'.repeat(5 * 1024 * 1024) }) };
        case 'signed-and-filing': {
          const draft = {
            ...shared.content.draft,
            signature: {
              accountId: 'a',
              loginId: 'jmorgan',
              name: 'Jane Morgan',
              role: '',
              signedAt: shared.updatedAt,
              digest: forged,
            },
            outbox: { ...newOutboxStatus(new Date()), state: 'ready' },
          };
          return { headers: json, body: JSON.stringify({ ...shared, content: { ...shared.content, draft } }) };
        }
      }
    });
    onTestFinished(() => lying.stop());
    const attorney = await desktop(tokens.attorney, lying.url);
    const documentsBefore = (await attorney['documents.list']({})).length;
    for (const [each, code] of [
      ['other-id', 'firm-server.unreachable'],
      ['other-pdf', 'firm-server.document-damaged'],
      ['disguised-name', 'shared-draft.invalid'],
      ['too-large', 'firm-server.unreachable'],
    ] as const) {
      lie = each;
      expect(await codeOf(attorney['firmServer.openSharedDraft']({ id })), each).toBe(code);
      expect(await codeOf(attorney['drafts.get']({ id })), each).toBe('draft.not-found');
      expect((await attorney['documents.list']({})).length, each).toBe(documentsBefore);
    }
    lie = 'signed-and-filing';
    await attorney['firmServer.openSharedDraft']({ id });
    expect((await attorney['drafts.get']({ id })).draft).toMatchObject({ signature: null, outbox: null });
    expect((await sharedView(attorney, id, (view) => view?.local !== null))?.local?.state).toBe('filed-elsewhere');
  });

  it('a filing put in the outbox of a connected desktop is shared with its case team, with where it stands', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { paralegal, attorney } = await teamAtDesktops('6');
    const filingsOnTheDocket = async (): Promise<string[]> =>
      (await paralegal['firmServer.docket']({ caseNumber })).items
        .filter((item) => item.kind === 'filing')
        .map((item) => item.state ?? '');
    const before = await filingsOnTheDocket();
    const id = await appearanceDraft(attorney, 'never-shared');
    await logInFiler(attorney, 'twalsh');
    await attorney['drafts.sign']({ id, name: 'Thomas Walsh', role: '' });
    await attorney['outbox.submit']({ draftId: id, sendNow: true });
    await waitForOutboxState(attorney, id, ['filed']);
    await vi.waitFor(
      async () =>
        expect(
          (await readSharedDraft(firm!.database.pool, { cases: [], seesEveryCase: true }, id)).content.draft.outbox
            ?.state,
        ).toBe('filed'),
      { timeout: 20_000 },
    );
    expect((await filingsOnTheDocket()).sort()).toEqual([...before, 'filed'].sort());
  });
});
