import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CoreServices } from '../../../src-main/core/app-services';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src-main/web/browser-mode-server';
import { channelNames, eventNames, type ChannelName } from '../../../src-main/shared/channel-names';
import { contract, eventContract } from '../../../src-main/shared/contract';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { EcfApi } from '../../../src-main/shared/ecf-api';
import { createBridge } from '../../../src-renderer/create-bridge';
import { createHttpTransport } from '../../../src-renderer/transports/http-transport';
import { createIpcTransport } from '../../../src-renderer/transports/ipc-transport';
import { testIsolatedChildPath } from '../../support/paths';
import { makePdf } from '../../support/synthetic-pdfs';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { createEmbeddedTrainingCourtLauncher } from '../../../src-main/training-court/embedded';
import { seededPassword } from '../../support/training-court';
import type { Handlers } from '../../../src-main/core/api/handlers';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';
import { createTestCore } from '../../support/test-core';
import { appearanceIn1017, unitedStatesIn1017 } from '../../support/appearance-draft';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcRenderer: {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
}));

/**
 * Valid arguments for every channel: the contract test calls each one for real, in the list's order (remove comes
 * before restore, both before the checks, and fix before undoFix, which needs the version the fix made: `list` finds it).
 */
async function validArguments(
  channel: ChannelName,
  documentId: string,
  list?: () => Promise<readonly DocumentRecord[]>,
  handlers?: Handlers,
): Promise<unknown> {
  const accountId = async (loginId: string): Promise<string> =>
    (await handlers?.['accounts.list']({}))?.accounts.find((account) => account.loginId === loginId)?.id ?? 'none';
  if (
    channel.startsWith('drafts.') ||
    channel.startsWith('outbox.') ||
    channel.startsWith('record.') ||
    channel === 'court.findCases' ||
    channel === 'court.caseParties'
  ) {
    return filingArguments(channel, handlers);
  }
  if (channel.startsWith('inbox.') || channel.startsWith('mailboxes.')) {
    return inboxArguments(channel, handlers);
  }
  switch (channel) {
    case 'accounts.save':
      return {
        loginId: 'twalsh',
        kind: 'filer',
        defaultClientCode: null,
        mfaMode: 'none',
        password: seededPassword('twalsh'),
      };
    case 'accounts.remove': {
      const viewer = await handlers?.['accounts.save']({
        loginId: 'firmview',
        kind: 'view-only',
        defaultClientCode: null,
        mfaMode: 'none',
      });
      return { id: viewer?.id ?? 'none' };
    }
    case 'accounts.test':
    case 'session.login':
      return { accountId: await accountId('twalsh'), acknowledgesRedaction: true };
    case 'documents.add':
      return { jobId: 'contract', name: 'contract.pdf', bytes: await makePdf(1) };
    case 'documents.content':
    case 'documents.remove':
    case 'documents.restore':
    case 'documents.preflight':
    case 'documents.cancelPreflight':
    case 'documents.cancelFix':
      return { id: documentId };
    case 'documents.fix':
      return { id: documentId, fix: 'clean-copy', dropAnnotations: 'comments' };
    case 'documents.undoFix': {
      const version = (await list?.())?.find((document) => document.fixedFrom?.fromId === documentId);
      return { id: version?.id ?? documentId };
    }
    case 'settings.update':
      return { documentsSort: 'name', courtProfile: 'cit-training', allowCredentialStorage: true, mailboxes: [] };
    case 'firmServer.connect':
      return { url: 'http://ecf-desk.firm.example', token: 'ecfd_contract' };
    case 'firmServer.shareDraft':
    case 'firmServer.takeFirmVersion':
      return { draftId: handlers ? await submittableDraft(handlers) : 'contract' };
    case 'firmServer.openSharedDraft':
      return { id: '6f0c1f9e-3c1a-4e7b-9a55-2f1d4c3b2a10' };
    default:
      return {};
  }
}

/**
 * A notice in the inbox: one NEF email (case 4821, entry 52), imported as a user drops an .eml file. Filings made by
 * other channels' calls bring the training court's own notices into the same inbox, so the notice is picked by its entry.
 */
async function inboxItemId(handlers: Handlers): Promise<string> {
  const imported = async () =>
    (await handlers['inbox.list']({})).items.find((item) => item.caseId === '4821' && item.deSeqNum === '52');
  const existing = await imported();
  if (existing) {
    return existing.id;
  }
  const raw = composeNefEmail(
    sampleNefEntry(),
    { email: 'jmorgan@morganreyes.example', magicNum: '12345678' },
    { messageId: 'contract-notice', date: new Date('2026-11-30T15:00:00Z') },
  );
  await handlers['inbox.importFile']({ name: 'notice.eml', bytes: new TextEncoder().encode(raw) });
  return (await imported())?.id ?? 'none';
}

/** Valid arguments for the inbox and mailbox channels. */
async function inboxArguments(channel: ChannelName, handlers: Handlers | undefined): Promise<unknown> {
  if (!handlers) {
    return {};
  }
  const mailboxId = async (): Promise<string> =>
    (await handlers['mailboxes.list']({}))[0]?.id ??
    (
      await handlers['mailboxes.save']({
        host: '127.0.0.1',
        port: 1,
        secure: false,
        user: 'clerk',
        auth: 'password',
        folder: 'INBOX',
        marksRead: false,
      })
    ).id;
  switch (channel) {
    case 'inbox.get':
      return { id: await inboxItemId(handlers) };
    case 'inbox.markRead':
      return { id: await inboxItemId(handlers), isRead: true };
    case 'inbox.importFile':
      return {
        name: 'notice.eml',
        bytes: new TextEncoder().encode(
          composeNefEmail(
            sampleNefEntry({ deSeqNum: 99 }),
            { email: 'rpatel@morganreyes.example', magicNum: '87654321' },
            { messageId: 'contract-notice-2', date: new Date('2026-11-30T16:00:00Z') },
          ),
        ),
      };
    case 'inbox.fetchDocument':
    case 'inbox.documentContent':
    case 'inbox.buyDocument':
      return {
        id: await inboxItemId(handlers),
        number: '0',
        ...(channel === 'inbox.buyDocument' ? { acceptsFeeCents: 10 } : {}),
      };
    case 'mailboxes.save':
      return {
        host: '127.0.0.1',
        port: 1,
        secure: false,
        user: 'clerk',
        auth: 'password',
        folder: 'INBOX',
        marksRead: false,
      };
    case 'mailboxes.remove':
    case 'mailboxes.sync':
      return { id: await mailboxId() };
    default:
      return {};
  }
}

/**
 * Channels whose valid call this test cannot make succeed, and why; each must still answer with an error code,
 * never a crash. Their success is tested where the court they need is set up.
 */
const refusedHere: Partial<Record<ChannelName, string>> = {
  // The sample notice links to a court this test does not run (the URL gate refuses it); buying is tested against the training court.
  'inbox.buyDocument': 'link.unsafe',
  // Its sample notice links to no court here, so nothing is saved to show; the training-court inbox test reads one.
  'inbox.documentContent': 'notice.document-not-saved',
  // No firm server runs in this test, and an http address off this computer is refused before any request; connecting
  // is tested against the real firm server in tests/unit/firm-connection/.
  'firmServer.connect': 'firm-server.address-invalid',
  // Not connected to a firm server here, so there is no calendar to link to; the link is tested against the real firm
  // server in tests/unit/firm-connection/firm-sync.test.ts.
  'firmServer.calendarLink': 'firm-server.unreachable',
  // Sharing, opening and resolving shared drafts need the firm server, which does not run here; they are tested against
  // the real firm server in tests/unit/firm-connection/shared-drafts.test.ts and end to end.
  'firmServer.shareDraft': 'firm-server.unreachable',
  'firmServer.openSharedDraft': 'firm-server.unreachable',
  'firmServer.takeFirmVersion': 'firm-server.unreachable',
  // The firm docket is the server's; it is tested against the real firm server in tests/unit/firm-connection/firm-sync.test.ts.
  'firmServer.docket': 'firm-server.unreachable',
};

/** A draft the rules let through: a case, its parties, a filer, an event and a checked PDF. */
async function submittableDraft(handlers: Handlers): Promise<string> {
  const document = await handlers['documents.add']({
    jobId: 'contract-filing',
    name: 'appearance.pdf',
    bytes: await makePdf(1),
  });
  await vi.waitFor(
    async () =>
      expect((await handlers['documents.list']({})).find((record) => record.id === document.id)?.preflight.state).toBe(
        'done',
      ),
    { timeout: 20_000 },
  );
  const draft = await handlers['drafts.create']({});
  await handlers['drafts.update']({
    id: draft.id,
    changes: appearanceIn1017(document.id),
  });
  return draft.id;
}

/** Valid arguments for the filing channels; court searches and submissions need a filer's session, so one is opened. */
async function filingArguments(channel: ChannelName, handlers: Handlers | undefined): Promise<unknown> {
  // Without handlers (the IPC test, whose main is a stand-in) the arguments are never looked at.
  if (!handlers) {
    return {};
  }
  const firstDraft = async (): Promise<string> =>
    (await handlers['drafts.list']({}))[0]?.id ?? (await handlers['drafts.create']({})).id;
  const logIn = async (): Promise<void> => {
    const account = (await handlers['accounts.list']({})).accounts.find((candidate) => candidate.loginId === 'twalsh');
    await handlers['session.login']({ accountId: account?.id ?? 'none', acknowledgesRedaction: true });
  };
  switch (channel) {
    case 'drafts.get':
    case 'drafts.export':
      return { id: await firstDraft() };
    case 'drafts.update':
      return { id: await firstDraft(), changes: { docketAnnotation: 'as amended' } };
    case 'drafts.arrangeDocuments':
      return { id: await firstDraft(), change: { kind: 'remove', documentId: 'not-in-this-filing' } };
    case 'drafts.delete':
      return { id: (await handlers['drafts.create']({})).id };
    case 'drafts.import':
      return { name: 'draft.ecfdraft', bytes: await handlers['drafts.export']({ id: await firstDraft() }) };
    case 'court.findCases':
      await logIn();
      return { query: '26-00123' };
    case 'court.caseParties':
      return { caseId: 1017 };
    case 'drafts.sign':
      await logIn();
      return { id: await submittableDraft(handlers), name: 'Thomas Walsh', role: 'Attorney for the United States' };
    case 'drafts.unsign':
      return { id: await firstDraft() };
    case 'outbox.submit': {
      await logIn();
      const draftId = await submittableDraft(handlers);
      await handlers['drafts.sign']({ id: draftId, name: 'Thomas Walsh', role: '' });
      return { draftId, sendNow: false };
    }
    case 'outbox.confirmDocketText': {
      // A filing that stopped at the court's final text, waiting for the attorney: confirmed with the text it shows.
      await logIn();
      const draftId = await submittableDraft(handlers);
      await handlers['drafts.sign']({ id: draftId, name: 'Thomas Walsh', role: '' });
      await handlers['outbox.submit']({ draftId, sendNow: true });
      let docketText = '';
      await vi.waitFor(
        async () => {
          docketText = (await handlers['drafts.get']({ id: draftId })).draft.outbox?.courtDocketText ?? '';
          expect(docketText).not.toBe('');
        },
        { timeout: 20_000 },
      );
      return { draftId, docketText };
    }
    case 'outbox.sendLate':
    case 'outbox.retry':
    case 'outbox.withdraw':
    case 'outbox.receipt':
    case 'outbox.stoppedPage':
      return { draftId: (await handlers['drafts.create']({})).id };
    case 'record.get':
      return { draftId: await firstDraft() };
    case 'record.export':
      return { draftId: await firstDraft(), format: 'pdf' };
    case 'drafts.makeCertificateOfService': {
      const { id } = await handlers['drafts.create']({});
      const acme = { id: 'acme', name: 'Acme Steel Corp.', role: 'Plaintiff', isServedElectronically: true };
      await handlers['drafts.update']({
        id,
        changes: {
          ...appearanceIn1017('none', { parties: [acme, unitedStatesIn1017] }),
          documents: [],
          signers: [{ name: 'Thomas Walsh', firm: 'U.S. Department of Justice', isFiler: true }],
        },
      });
      return { id };
    }
    default:
      return {};
  }
}

/** Browser mode's binary uploads use XMLHttpRequest (for upload progress), which Node lacks: a small one over fetch. */
class FetchBackedXhr {
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  responseType = '';
  response: unknown = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private headers: Record<string, string> = {};
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: Uint8Array<ArrayBuffer>): void {
    fetch(this.url, { method: this.method, headers: this.headers, body }).then(
      async (response) => {
        this.response = await response.json();
        this.onload?.();
      },
      () => this.onerror?.(),
    );
  }
}

let scratch = '';
let core: CoreServices;
let server: BrowserModeServer;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-contract-'));
  core = createTestCore(path.join(scratch, 'core'), {
    trainingCourt: createEmbeddedTrainingCourtLauncher(path.join(scratch, 'core')),
  });
  await vi.waitFor(async () => expect((await core.handlers['court.status']({})).state).toBe('ready'), {
    timeout: 20_000,
  });
  server = await startBrowserModeServer({
    dataFolder: path.join(scratch, 'web'),
    rendererFolder: scratch,
    isolatedChildPath: testIsolatedChildPath,
    version: '0.0.0',
    port: 0,
    secretStore: createMemorySecretStore(),
    trainingCourt: createEmbeddedTrainingCourtLauncher(path.join(scratch, 'web')),
  });
  vi.stubGlobal('XMLHttpRequest', FetchBackedXhr);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
  await core.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('the contract', () => {
  it('gives every channel a schema for its arguments and for its result, and every event a payload schema', () => {
    for (const channel of channelNames) {
      expect(contract[channel].args, channel).toBeInstanceOf(z.ZodType);
      expect(contract[channel].result, channel).toBeInstanceOf(z.ZodType);
    }
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...eventNames].sort());
  });

  it('has a core handler for every channel, whose answer matches the channel’s result schema', async () => {
    const added = await core.handlers['documents.add']({ jobId: 'j', name: 'seed.pdf', bytes: await makePdf(1) });
    for (const channel of channelNames) {
      const handler = core.handlers[channel] as (args: unknown) => Promise<unknown>;
      expect(typeof handler, channel).toBe('function');
      const args = contract[channel].args.parse(
        await validArguments(channel, added.id, () => core.handlers['documents.list']({}), core.handlers),
      );
      if (refusedHere[channel]) {
        await expect(handler(args), channel).rejects.toMatchObject({ code: refusedHere[channel] });
        continue;
      }
      const result = await handler(args);
      expect(contract[channel].result.safeParse(result).success, channel).toBe(true);
    }
  });

  it('lets every channel through the preload allowlist, and nothing else', async () => {
    await import('../../../src-main/preload/preload');
    const ecf = electron.exposeInMainWorld.mock.calls[0]?.[1] as EcfApi;
    for (const channel of channelNames) {
      await expect(ecf.invoke(channel, {})).resolves.toEqual({ ok: true, value: channel });
    }
    expect(electron.ipcRenderer.invoke.mock.calls.map((call) => call[0])).toEqual([...channelNames]);
    await expect(ecf.invoke('shell.openExternal' as ChannelName, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('gives every channel a bridge method that reaches main over Electron IPC', async () => {
    const seen: string[] = [];
    const ecf: EcfApi = {
      invoke: async (channel) => (seen.push(channel), { ok: true, value: null }),
      on: () => () => undefined,
    };
    const bridge = createBridge(createIpcTransport(ecf));
    for (const channel of channelNames) {
      await bridge.invoke(channel, (await validArguments(channel, 'x')) as never);
    }
    expect(seen).toEqual([...channelNames]);
  });

  it('gives every channel a bridge method that reaches main over browser mode’s HTTP', async () => {
    const url = new URL(server.url);
    const bridge = createBridge(createHttpTransport(url.origin, url.hash.replace('#token=', '')));
    const added = await bridge.invoke('documents.add', { jobId: 'j', name: 'over-http.pdf', bytes: await makePdf(2) });
    expect(added.pages).toBe(2);
    for (const channel of channelNames) {
      if (channel === 'documents.choose') {
        await expect(bridge.invoke(channel, {})).rejects.toMatchObject({ code: 'host.unsupported' });
        continue;
      }
      // The same argument makers as the in-process test, reaching main over HTTP.
      const overHttp = new Proxy(
        {},
        { get: (_target, name) => (args: unknown) => bridge.invoke(name as ChannelName, args as never) },
      ) as Handlers;
      await vi.waitFor(async () => expect((await bridge.invoke('court.status', {})).state).toBe('ready'), {
        timeout: 20_000,
      });
      const args = (await validArguments(
        channel,
        added.id,
        () => bridge.invoke('documents.list', {}),
        overHttp,
      )) as never;
      if (refusedHere[channel]) {
        await expect(bridge.invoke(channel, args), channel).rejects.toMatchObject({ code: refusedHere[channel] });
        continue;
      }
      const result = await bridge.invoke(channel, args);
      expect(contract[channel].result.safeParse(result).success, channel).toBe(true);
    }
  });

  it('carries a document’s bytes unchanged to the renderer over browser mode’s HTTP, and a failure as its error code', async () => {
    const url = new URL(server.url);
    const bridge = createBridge(createHttpTransport(url.origin, url.hash.replace('#token=', '')));
    const pdf = await makePdf(3);
    const added = await bridge.invoke('documents.add', { jobId: 'bytes', name: 'bytes.pdf', bytes: pdf });
    const content = await bridge.invoke('documents.content', { id: added.id });
    expect(content).toBeInstanceOf(Uint8Array);
    expect(content).toEqual(pdf);
    await expect(bridge.invoke('documents.content', { id: 'not-in-the-list' })).rejects.toMatchObject({
      code: 'document.not-found',
    });
  });

  it('rejects a malformed payload on every channel that takes arguments with invalid-arguments', async () => {
    const url = new URL(server.url);
    const bridge = createBridge(createHttpTransport(url.origin, url.hash.replace('#token=', '')));
    for (const channel of channelNames) {
      await expect(bridge.invoke(channel, { unexpected: ['field'] } as never), channel).rejects.toMatchObject({
        code: 'invalid-arguments',
      });
    }
  });
});

describe('file names from outside', () => {
  const channelsWithNames = ['documents.add', 'drafts.import', 'inbox.importFile'] as const;
  const bytes = new Uint8Array([37, 80, 68, 70]);
  const argumentsWith = (channel: (typeof channelsWithNames)[number], name: string): unknown =>
    channel === 'documents.add' ? { jobId: 'j', name, bytes } : { name, bytes };

  it.each([
    ['a delete character (DEL)', 'Motion\u007f.pdf'],
    ['a C1 control (next line)', 'Motion\u0085.pdf'],
    ['a NUL', 'Motion\u0000.pdf'],
    ['a tab', 'Motion\t.pdf'],
    ['a line feed', 'Motion\n.pdf'],
    ['a line separator (U+2028)', 'Motion\u2028.pdf'],
    ['a paragraph separator (U+2029)', 'Motion\u2029.pdf'],
    ['a right-to-left override', 'Invoice\u202efdp.exe'],
    ['a left-to-right override', 'Invoice\u202dfdp.exe'],
    ['a right-to-left embedding', 'Invoice\u202bfdp.exe'],
    ['a left-to-right embedding', 'Invoice\u202afdp.exe'],
    ['a pop directional formatting', 'Invoice\u202cfdp.exe'],
    ['a right-to-left isolate', 'Invoice\u2067fdp.exe'],
    ['a left-to-right isolate', 'Invoice\u2066fdp.exe'],
    ['a first strong isolate', 'Invoice\u2068fdp.exe'],
    ['a pop directional isolate', 'Invoice\u2069fdp.exe'],
    ['a right-to-left mark', 'Motion\u200f.pdf'],
    ['a left-to-right mark', 'Motion\u200e.pdf'],
    ['an Arabic letter mark', 'Motion\u061c.pdf'],
    ['a zero-width space', 'Mot\u200bion.pdf'],
    ['a zero-width joiner', 'Mot\u200dion.pdf'],
    ['a zero-width non-joiner', 'Mot\u200cion.pdf'],
    ['a word joiner', 'Mot\u2060ion.pdf'],
    ['a zero-width no-break space (byte-order mark)', '\ufeffMotion.pdf'],
    ['a soft hyphen', 'Mo\u00adtion.pdf'],
    ['an invisible tag character', 'Motion\u{e0041}.pdf'],
    ['half a surrogate pair', 'Motion\ud800.pdf'],
    ['a folder', 'Exhibits/Motion.pdf'],
    ['a Windows folder', 'Exhibits\\Motion.pdf'],
  ])('refuses a name with %s on every channel that takes one', (_what, name) => {
    for (const channel of channelsWithNames) {
      const parsed = contract[channel].args.safeParse(argumentsWith(channel, name));
      expect(parsed.success, `${channel}: ${JSON.stringify(name)}`).toBe(false);
    }
  });

  it('says which invisible character it found and what to do, without repeating the disguised name', () => {
    const parsed = contract['documents.add'].args.safeParse(argumentsWith('documents.add', 'Invoice\u202efdp.exe'));
    const message = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '');
    expect(message).toContain('right-to-left override (U+202E)');
    expect(message).toContain('rename the file');
    expect(message).not.toContain('\u202e');
  });

  it.each([
    'Motion to Stay.pdf',
    'Exhibit A – Résumé (2026).pdf',
    'מסמך.pdf',
    'مستند.pdf',
    '文件 第一部分.pdf',
    '📄 Brief.pdf',
    'notice.eml',
  ])('keeps the ordinary name %j', (name) => {
    for (const channel of channelsWithNames) {
      expect(contract[channel].args.safeParse(argumentsWith(channel, name)).success, channel).toBe(true);
    }
  });
});
