import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DocumentRecord } from '../../shared/domain';
import { findFileNameProblem, showFileNameSafely } from '../../shared/file-name';
import type { Draft } from '../../shared/filing';
import {
  sharedDraft as sharedDraftSchema,
  sharedDraftList,
  type SharedDraft,
  type SharedDraftContent,
  type SharedDraftSummary,
  type SharedDraftView,
  type SharedDraftsView,
} from '../../shared/firm-server';
import { describeError } from '../../shared/describe-error';
import { runInBackground } from '../background';
import { AppError } from '../errors';
import { canonicalJson } from '../filing/record-chain';
import { newOutboxStatus } from '../filing/outbox';
import { isSignatureValid } from '../filing/signature';
import { readLimitedBody } from '../inbox/free-look/anonymous-request';
import { oneAtATime } from '../one-at-a-time';
import type { Clock } from '../ports';
import type { AppLog } from '../storage/app-log';
import type { SharedDraftRow, SharedDraftsTable } from '../storage/shared-drafts-table';
import type { FirmConnection, FirmSession } from './firm-connection';

/** How long one answer of the firm server may take (a document of 100 MB is given longer). */
const answerTimeoutMs = 15_000;
const documentTimeoutMs = 120_000;
/** The most of an answer about drafts the desktop reads: a shared draft is at most 512 KiB of JSON. */
const maxAnswerBytes = 4 * 1024 * 1024;
/** How often a connected desktop sends its waiting changes and reads newer versions, besides after each change. */
const defaultPollMs = 30_000;
/** Outbox states in which the filing is its filer's desktop's business: another desktop does not file it. */
const filingStates = new Set(['ready', 'submitting', 'submitted', 'filed', 'needs-verification', 'needs-attention']);

/** The drafts as sharing sees them. */
export interface SharedDraftsDrafts {
  /** The draft with this id, or null when this desktop has none. */
  find(id: string): Draft | null;
  /** Keeps a draft received from the server (its documents are in the Documents list already), recording `detail`. */
  keep(draft: Draft, detail: string): void;
}

/** The documents as sharing sees them. */
export interface SharedDraftsDocuments {
  list(): readonly DocumentRecord[];
  content(id: string): Promise<Uint8Array>;
  add(jobId: string, name: string, bytes: Uint8Array): Promise<DocumentRecord>;
}

/** What sharing drafts needs. */
export interface SharedDraftsOptions {
  readonly connection: Pick<FirmConnection, 'session' | 'request' | 'put' | 'fetchDocument'>;
  readonly table: SharedDraftsTable;
  readonly drafts: SharedDraftsDrafts;
  readonly documents: SharedDraftsDocuments;
  readonly clock: Clock;
  /** A shared draft's state changed here (the Filings screen reads the list again). */
  readonly onChange: (draftId: string) => void;
  readonly log: AppLog;
  readonly pollMs?: number;
}

/**
 * What decides whether two copies of a shared draft are the same draft: everything in it but when it was saved, which
 * desktop's ids its documents have (they are named by SHA-256 instead), each document's preflight report (run again
 * on every desktop), its signature (made on the signer's desktop and kept there: a signature alone is no change to
 * send, and one from the server is never taken) and of its outbox state only the state. Written as canonical JSON, so the order PostgreSQL keeps
 * an object's keys in does not matter.
 */
export function sharedDraftDigest(content: SharedDraftContent): string {
  const hashes = new Map(content.documents.map((document) => [document.id, document.sha256]));
  const { outbox, documents } = content.draft;
  const parts = {
    ...content.draft,
    createdAt: undefined,
    updatedAt: undefined,
    signature: undefined,
    outbox: outbox?.state ?? null,
    documents: documents.map((document) => ({ ...document, documentId: hashes.get(document.documentId) ?? null })),
    files: content.documents.map((document) => [document.name, document.sha256]),
  };
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/** What a desktop knows of a draft it shares or opened before the server has kept a version of it here. */
function newRow(draftId: string, origin: string): SharedDraftRow {
  return {
    draftId,
    origin,
    version: null,
    agreedDigest: null,
    updatedBy: null,
    updatedAt: null,
    conflict: null,
    remoteOutbox: null,
  };
}

/** The server's refusal of a request, as its error body says it (bounded: the words are shown to the user). */
interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

type PutOutcome = { readonly kept: SharedDraft } | { readonly refused: Refusal };

/**
 * Shared drafts on the desktop (docs/firm-server.md#shared-drafts). A draft shared with the firm lives on the server
 * and in each desktop's drafts: every change made here is saved here at once, as any draft is, and sent to the server
 * from the version it was made from; offline, it waits and goes when the server can be reached. The server keeps a
 * change only when it was made from its latest version, so a change made here after someone else's is refused, not
 * written over theirs: this desktop keeps its copy, says who changed the draft and when, and the user takes the firm's
 * version (their own copy is kept beside it as a draft of its own). A newer version on the server replaces a copy
 * here that has no change waiting. Before a shared draft is filed, the filer's desktop records on the server that it
 * is in its outbox, from the latest version: two desktops never both file it.
 */
export function createSharedDrafts(options: SharedDraftsOptions) {
  const { connection, table, drafts, documents, clock, log } = options;
  // The documents the server said it has, by origin and SHA-256: each is sent once a run, not with every change.
  const sent = new Set<string>();
  // Every operation on shared drafts runs alone, so a change being sent and one being received never cross.
  let queue: Promise<unknown> = Promise.resolve();
  const alone = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  const requireSession = async (why: string): Promise<FirmSession> => {
    const session = await connection.session();
    if (session === null) {
      throw new AppError(
        'firm-server.unreachable',
        `ECF Desk is not connected to the firm server now, so ${why}. Check Settings → Firm server, and that you are on the firm's network (or its VPN).`,
      );
    }
    return session;
  };

  const readJson = async <T>(response: Response, schema: z.ZodType<T>): Promise<T | null> => {
    const body = await readLimitedBody(response, maxAnswerBytes);
    if (body === null) {
      await response.body?.cancel();
      return null;
    }
    try {
      const parsed = schema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const refusalOf = async (response: Response): Promise<Refusal> => {
    const body = await readLimitedBody(response, 64 * 1024);
    let code = '';
    let message = '';
    try {
      const parsed = JSON.parse(new TextDecoder().decode(body ?? new Uint8Array())) as {
        error?: { code?: unknown; message?: unknown };
      };
      code = typeof parsed.error?.code === 'string' ? parsed.error.code.slice(0, 60) : '';
      message = typeof parsed.error?.message === 'string' ? parsed.error.message.slice(0, 2000) : '';
    } catch {
      // Not the server's error body: the status alone says what happened.
    }
    return { status: response.status, code, message: message || `The firm server answered HTTP ${response.status}.` };
  };

  const unreachable = (what: string, error: unknown): AppError =>
    new AppError(
      'firm-server.unreachable',
      `The firm server did not answer while ${what} (${describeError(error).message}). Your copy is kept on this desktop; ECF Desk tries again.`,
    );

  /** The draft as the server keeps it: its documents by SHA-256, as listed here now. */
  const contentOf = (draft: Draft): SharedDraftContent => {
    const records = new Map(documents.list().map((record) => [record.id, record]));
    const listed = new Map<string, SharedDraftContent['documents'][number]>();
    for (const { documentId } of draft.documents) {
      const record = records.get(documentId);
      if (!record) {
        throw new AppError(
          'document.not-found',
          'A document of this draft is no longer in the Documents list; add it again, and the draft is shared as it is then.',
        );
      }
      listed.set(record.id, { id: record.id, name: record.name, sha256: record.sha256, preflight: record.preflight });
    }
    return { draft, documents: [...listed.values()] };
  };

  /** Sends the draft's documents the server does not have yet (it takes each only if it is the PDF its hash names). */
  const sendDocuments = async (session: FirmSession, content: SharedDraftContent): Promise<void> => {
    for (const document of content.documents) {
      const key = `${session.origin} ${document.sha256}`;
      if (sent.has(key)) {
        continue;
      }
      // A copy of its own: the body a request sends must be a plain ArrayBuffer's view.
      const bytes = new Uint8Array(await documents.content(document.id));
      let response: Response;
      try {
        response = await connection.put(
          session,
          `/api/documents/${document.sha256}`,
          bytes,
          'application/pdf',
          AbortSignal.timeout(documentTimeoutMs),
        );
      } catch (error) {
        throw unreachable(`receiving "${document.name}"`, error);
      }
      if (!response.ok) {
        const refusal = await refusalOf(response);
        throw new AppError(
          refusal.status === 503 ? 'firm-server.unreachable' : 'shared-draft.invalid',
          `The firm server did not take "${document.name}": ${refusal.message}`,
        );
      }
      await response.body?.cancel();
      sent.add(key);
    }
  };

  /** `PUT /api/drafts/<id>` from `baseVersion`, its documents sent first. */
  const putDraft = async (
    session: FirmSession,
    content: SharedDraftContent,
    baseVersion: number | null,
  ): Promise<PutOutcome> => {
    for (let attempt = 0; ; attempt += 1) {
      await sendDocuments(session, content);
      let response: Response;
      try {
        response = await connection.put(
          session,
          `/api/drafts/${content.draft.id}`,
          JSON.stringify({ baseVersion, content }),
          'application/json',
          AbortSignal.timeout(answerTimeoutMs),
        );
      } catch (error) {
        throw unreachable('keeping the draft', error);
      }
      if (response.ok) {
        const kept = await readJson(response, sharedDraftSchema);
        if (kept === null) {
          throw new AppError('firm-server.unreachable', 'The firm server’s answer is not one this version reads.');
        }
        return { kept };
      }
      const refusal = await refusalOf(response);
      // The server lost a document meanwhile (a restore from backup): send them all again, once.
      if (refusal.code === 'draft.documents-missing' && attempt === 0) {
        for (const document of content.documents) {
          sent.delete(`${session.origin} ${document.sha256}`);
        }
        continue;
      }
      return { refused: refusal };
    }
  };

  /** Turns a refusal other than a conflict into the error the user sees. */
  const refusalError = (refusal: Refusal): AppError => {
    if (refusal.code === 'draft.not-allowed') {
      return new AppError('shared-draft.not-allowed', refusal.message);
    }
    if (refusal.code === 'draft.not-found') {
      return new AppError(
        'shared-draft.not-found',
        'The firm server has no such shared draft on your cases: it may have been removed, or you were taken off the case team.',
      );
    }
    if (refusal.status === 400 || refusal.code === 'draft.documents-missing') {
      return new AppError('shared-draft.invalid', `The firm server did not take the draft: ${refusal.message}`);
    }
    return new AppError('firm-server.unreachable', `The firm server did not take the draft: ${refusal.message}`);
  };
  const isConflict = (refusal: Refusal): boolean =>
    refusal.code === 'draft.conflict' || refusal.code === 'draft.exists';

  const readShared = async (session: FirmSession, id: string): Promise<SharedDraft> => {
    let response: Response;
    try {
      response = await connection.request(
        session,
        `/api/drafts/${id}`,
        AbortSignal.timeout(answerTimeoutMs),
        'application/json',
      );
    } catch (error) {
      throw unreachable('sending its copy of the draft', error);
    }
    if (!response.ok) {
      throw refusalError(await refusalOf(response));
    }
    const shared = await readJson(response, sharedDraftSchema);
    if (shared === null || shared.content.draft.id !== id || shared.id !== id) {
      throw new AppError(
        'firm-server.unreachable',
        'The firm server’s copy of the draft is not one this version reads.',
      );
    }
    return shared;
  };

  const listShared = async (session: FirmSession): Promise<SharedDraftSummary[]> => {
    const response = await connection.request(
      session,
      '/api/drafts',
      AbortSignal.timeout(answerTimeoutMs),
      'application/json',
    );
    if (!response.ok) {
      throw new Error((await refusalOf(response)).message);
    }
    const list = await readJson(response, sharedDraftList);
    if (list === null) {
      throw new Error('the firm server’s list of shared drafts is not one this version reads');
    }
    return list.drafts;
  };

  /** Whether this desktop's copy has a change the server has not kept yet. */
  const isWaiting = (row: SharedDraftRow, draft: Draft): boolean => {
    if (row.remoteOutbox !== null) {
      return false;
    }
    try {
      return sharedDraftDigest(contentOf(draft)) !== row.agreedDigest;
    } catch {
      // A document gone from the list: the change cannot be sent until it is added again, and it waits.
      return true;
    }
  };

  const agreed = (
    row: SharedDraftRow,
    shared: SharedDraft,
    digest: string | null,
    remoteOutbox: string | null,
  ): void => {
    table.put({
      ...row,
      version: shared.version,
      agreedDigest: digest,
      updatedBy: shared.updatedBy,
      updatedAt: shared.updatedAt,
      conflict: null,
      remoteOutbox,
    });
    options.onChange(row.draftId);
  };

  /** Sends this desktop's change, if it has one; a change made from an older version is kept here as a conflict. */
  const push = async (session: FirmSession, row: SharedDraftRow, draft: Draft): Promise<void> => {
    if (row.conflict !== null || !isWaiting(row, draft)) {
      return;
    }
    const content = contentOf(draft);
    const outcome = await putDraft(session, content, row.version);
    if ('kept' in outcome) {
      agreed(row, outcome.kept, sharedDraftDigest(content), null);
      log(`Shared draft ${draft.id}: version ${outcome.kept.version} kept by the firm server`, 'info');
      return;
    }
    if (isConflict(outcome.refused)) {
      table.put({ ...row, conflict: outcome.refused.message });
      options.onChange(row.draftId);
      log(`Shared draft ${draft.id}: the firm server refused a change made from version ${row.version}`, 'warn');
      return;
    }
    throw refusalError(outcome.refused);
  };

  /**
   * Takes the server's copy as this desktop's: its documents from this desktop's list where they are there already,
   * otherwise from the server (checked against their SHA-256, and checked again here as any PDF added). A copy
   * another desktop is filing is kept here without its outbox state: it is filed once, from there.
   */
  const receive = async (session: FirmSession, shared: SharedDraft, detail: string): Promise<void> => {
    const byHash = new Map(documents.list().map((record) => [record.sha256, record.id]));
    // Every PDF missing here is fetched and checked before any is added: a draft the server cannot give whole leaves
    // nothing behind.
    const fetched = new Map<string, Uint8Array>();
    for (const document of shared.content.documents) {
      const problem = findFileNameProblem(document.name);
      if (problem !== null) {
        throw new AppError(
          'shared-draft.invalid',
          `The name of "${showFileNameSafely(document.name)}" in the firm server's copy ${problem}, so the draft was not taken. Ask whoever shared it to rename the document.`,
        );
      }
      if (!byHash.has(document.sha256) && !fetched.has(document.sha256)) {
        fetched.set(document.sha256, await connection.fetchDocument(session.origin, document.sha256));
      }
    }
    const ids = new Map<string, string>();
    for (const document of shared.content.documents) {
      let id = byHash.get(document.sha256);
      if (id === undefined) {
        const bytes = fetched.get(document.sha256) ?? new Uint8Array();
        id = (await documents.add(`shared-${randomUUID()}`, document.name, bytes)).id;
        byHash.set(document.sha256, id);
      }
      ids.set(document.id, id);
    }
    const local = drafts.find(shared.id);
    const serverOutbox = shared.content.draft.outbox;
    const localOutbox = local?.outbox ?? null;
    const isFiledElsewhere = serverOutbox !== null && filingStates.has(serverOutbox.state) && localOutbox === null;
    const received: Draft = {
      ...shared.content.draft,
      documents: shared.content.draft.documents.map((document) => ({
        ...document,
        documentId: ids.get(document.documentId) ?? document.documentId,
      })),
      outbox: localOutbox,
    };
    // A signature is made on the signer's own desktop and never taken from the server: one in the server's copy could
    // have been written by anyone with the case (FAQ 35). This desktop's own signature stays while it covers the copy.
    const hashes = new Map(shared.content.documents.map((document) => [ids.get(document.id), document.sha256]));
    const ownSignature = local?.signature ?? null;
    const draft: Draft = {
      ...received,
      signature:
        ownSignature !== null && isSignatureValid(ownSignature, received, (id) => hashes.get(id) ?? null)
          ? ownSignature
          : null,
    };
    drafts.keep(draft, detail);
    const row = table.find(shared.id) ?? newRow(shared.id, session.origin);
    agreed(row, shared, sharedDraftDigest(contentOf(draft)), isFiledElsewhere ? (serverOutbox?.state ?? null) : null);
  };

  const receiveDetail = (shared: SharedDraft): string =>
    `Version ${shared.version} of the firm's shared draft, changed by ${shared.updatedBy} at ${shared.updatedAt}, was taken from the firm server.`;

  /** One pass: every shared draft of the server in use sends its waiting change or takes a newer version. */
  const syncAll = async (): Promise<void> => {
    // A desktop that shares nothing asks the server nothing.
    if (table.all().length === 0) {
      return;
    }
    const session = await connection.session();
    if (session === null) {
      return;
    }
    const rows = table.list(session.origin);
    if (rows.length === 0) {
      return;
    }
    const latest = new Map((await listShared(session)).map((summary) => [summary.id, summary]));
    for (const row of rows) {
      const draft = drafts.find(row.draftId);
      if (draft === null) {
        table.remove(row.draftId);
        continue;
      }
      try {
        const summary = latest.get(row.draftId);
        if (isWaiting(row, draft)) {
          await push(session, row, draft);
        } else if (summary && summary.version > (row.version ?? 0) && draft.outbox === null) {
          const shared = await readShared(session, row.draftId);
          await receive(session, shared, receiveDetail(shared));
        }
      } catch (error) {
        log(
          `Shared draft ${row.draftId}: not in step with the firm server now: ${describeError(error).message}`,
          'warn',
        );
      }
    }
  };
  const pass = oneAtATime(() => alone(syncAll));
  const syncSoon = (): void =>
    runInBackground(
      'Shared drafts: in step with the firm server',
      async () => {
        try {
          await pass.run();
        } catch (error) {
          log(`Shared drafts: the firm server could not be asked now: ${describeError(error).message}`, 'warn');
        }
      },
      log,
    );
  const poll = setInterval(syncSoon, options.pollMs ?? defaultPollMs);
  poll.unref?.();

  const viewOf = (row: SharedDraftRow | null, draft: Draft | null): SharedDraftView['local'] => {
    if (row === null || draft === null) {
      return null;
    }
    if (row.conflict !== null) {
      return { version: row.version, state: 'conflict', message: row.conflict };
    }
    if (row.remoteOutbox !== null) {
      return {
        version: row.version,
        state: 'filed-elsewhere',
        message: `${row.updatedBy ?? 'Another user'} is filing this draft from their desktop (its outbox says ${row.remoteOutbox}): it is filed once, from there.`,
      };
    }
    if (isWaiting(row, draft)) {
      return {
        version: row.version,
        state: 'waiting',
        message:
          'Changed on this desktop and not yet kept by the firm server: the change is saved here and goes when the server can be reached.',
      };
    }
    return { version: row.version, state: 'synced', message: null };
  };

  /**
   * Shares a draft of this desktop with the case team: its documents, then the draft. It must name its case (the case
   * team is who sees it), and the server must answer to start; one whose sending is cut short is sent again with the
   * next pass.
   */
  const shareDraft = (draftId: string): Promise<SharedDraftView['local']> =>
    alone(async () => {
      const draft = drafts.find(draftId);
      if (draft === null) {
        throw new AppError(
          'draft.not-found',
          'That draft is no longer there. It may have been deleted in another window.',
        );
      }
      if (draft.case === null) {
        throw new AppError(
          'shared-draft.invalid',
          'Choose the case first: a draft is shared with its case team, so it is shared once it names its case.',
        );
      }
      if (draft.package !== null) {
        throw new AppError(
          'shared-draft.invalid',
          "A step of a Motion to Intervene package is filed in order with the package's other steps (FAQ 41): hand the package over with Export instead.",
        );
      }
      const session = await requireSession('the draft cannot be shared');
      const row = table.find(draftId) ?? newRow(draftId, session.origin);
      table.put(row);
      options.onChange(draftId);
      try {
        await push(session, row, draft);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'firm-server.unreachable') {
          table.remove(draftId);
          options.onChange(draftId);
        }
        throw error;
      }
      const kept = table.find(draftId);
      return kept === null ? null : viewOf(kept, drafts.find(draftId));
    });

  return {
    /** A draft changed here: a shared one is sent soon. */
    draftChanged(draftId: string | null): void {
      if (draftId === null || table.find(draftId) !== null) {
        syncSoon();
        return;
      }
      // A filing that went into this desktop's outbox is shared with its case team, so the firm docket shows it and
      // where it stands (docs/firm-server.md#the-firm-docket); where no firm server is connected, nothing happens.
      const draft = drafts.find(draftId);
      if (draft?.outbox && draft.case !== null && draft.package === null) {
        runInBackground(
          'Shared drafts: sharing a filing in the outbox',
          async () => {
            if ((await connection.session()) !== null && table.find(draftId) === null) {
              await shareDraft(draftId).catch((error: unknown) =>
                log(`Shared drafts: the filing ${draftId} was not shared: ${describeError(error).message}`, 'warn'),
              );
            }
          },
          log,
        );
      }
    },

    /** Connected or disconnected: the waiting changes go, and newer versions come, now. */
    refresh: syncSoon,

    /** Sends waiting changes and takes newer versions now, and resolves when that is done. */
    async syncNow(): Promise<void> {
      await pass.run();
    },

    /** The shared drafts: the server's for the user's cases, with this desktop's copies, or this desktop's alone offline. */
    async list(): Promise<SharedDraftsView> {
      const session = await connection.session();
      const rows = new Map(
        (session === null ? table.all() : table.list(session.origin)).map((row) => [row.draftId, row]),
      );
      if (session === null && rows.size === 0) {
        return { state: 'not-connected', drafts: [] };
      }
      let summaries: SharedDraftSummary[] | null = null;
      try {
        summaries = session === null ? null : await listShared(session);
      } catch (error) {
        log(`Shared drafts: the firm server's list could not be read: ${describeError(error).message}`, 'warn');
      }
      // A copy here older than the server's is brought up to date now, not at the next pass: the screen is being looked at.
      if ((summaries ?? []).some((summary) => summary.version > (rows.get(summary.id)?.version ?? summary.version))) {
        syncSoon();
      }
      const views: SharedDraftView[] = (summaries ?? []).map((summary) => {
        const row = rows.get(summary.id) ?? null;
        rows.delete(summary.id);
        return {
          id: summary.id,
          caseNumber: summary.caseNumber,
          server: { version: summary.version, updatedBy: summary.updatedBy, updatedAt: summary.updatedAt },
          local: viewOf(row, row === null ? null : drafts.find(row.draftId)),
        };
      });
      for (const row of rows.values()) {
        const draft = drafts.find(row.draftId);
        if (draft !== null) {
          views.push({
            id: row.draftId,
            caseNumber: draft.case?.caseNumber ?? '',
            server: null,
            local: viewOf(row, draft),
          });
        }
      }
      return { state: summaries === null ? 'offline' : 'connected', drafts: views };
    },

    share: shareDraft,

    /** Opens a shared draft on this desktop: the server's latest version, with its documents. */
    open: (id: string): Promise<void> =>
      alone(async () => {
        const session = await requireSession('the shared draft cannot be opened');
        const row = table.find(id);
        const local = drafts.find(id);
        if (row !== null && local !== null && (row.conflict !== null || isWaiting(row, local))) {
          // This desktop's change is not the server's yet: it is sent (or kept as a conflict), never replaced unseen.
          await push(session, row, local);
          return;
        }
        if ((local?.outbox ?? null) !== null) {
          return;
        }
        const shared = await readShared(session, id);
        await receive(session, shared, receiveDetail(shared));
      }),

    /**
     * Resolves a conflict: this desktop's copy is kept as a draft of its own (not shared), and the shared draft becomes
     * the firm's latest version. Returns the id of the copy kept.
     */
    takeFirmVersion: (draftId: string): Promise<string> =>
      alone(async () => {
        const session = await requireSession("the firm's version cannot be read");
        const local = drafts.find(draftId);
        const row = table.find(draftId);
        if (local === null || row === null) {
          throw new AppError(
            'draft.not-found',
            'That draft is no longer there. It may have been deleted in another window.',
          );
        }
        if (local.outbox !== null && local.outbox.state !== 'failed') {
          throw new AppError(
            'filing.in-outbox',
            "This filing is in this desktop's outbox: what is filed is what was signed here, so the firm's version does not replace it. Withdraw it from the outbox first, where it can be.",
          );
        }
        const shared = await readShared(session, draftId);
        const now = clock.now().toISOString();
        const copy: Draft = { ...local, id: randomUUID(), outbox: null, createdAt: now, updatedAt: now };
        drafts.keep(
          copy,
          `This desktop's copy of the shared draft ${draftId}, kept as a draft of its own when ${shared.updatedBy}'s version ${shared.version} was taken in its place.`,
        );
        table.put({ ...row, conflict: null });
        await receive(session, shared, receiveDetail(shared));
        return copy.id;
      }),

    /**
     * Before a shared draft goes into this desktop's outbox: the server records that it is in this user's outbox, made
     * from its latest version. Refused (and nothing is filed) when the server cannot be reached, when someone changed
     * the draft meanwhile, or when another desktop is filing it. A draft that is not shared passes at once.
     */
    claimForFiling: (draft: Draft): Promise<void> =>
      alone(async () => {
        const row = table.find(draft.id);
        if (row === null) {
          return;
        }
        const session = await connection.session();
        if (session === null || session.origin !== row.origin) {
          throw new AppError(
            'firm-server.unreachable',
            `This draft is shared with the firm through ${row.origin}. ECF Desk files a shared draft only once the firm server has recorded that you are filing it, so no other desktop files it too: connect to the firm's network (or its VPN), then submit again.`,
          );
        }
        if (row.conflict !== null) {
          throw new AppError('shared-draft.conflict', row.conflict);
        }
        const current = await readShared(session, draft.id);
        const serverOutbox = current.content.draft.outbox;
        // The server's outbox state is this desktop's own only when its latest version is the one agreed here, and was
        // not taken from another desktop: the same user's other desktop is another desktop.
        const isOwnClaim = current.version === row.version && row.remoteOutbox === null;
        if (serverOutbox !== null && serverOutbox.state !== 'failed' && !isOwnClaim) {
          agreed(row, current, row.agreedDigest, serverOutbox.state);
          throw new AppError(
            'shared-draft.filed-elsewhere',
            `${current.updatedBy} put this filing in their outbox (${current.updatedAt}): it is filed once, from their desktop, so it was not filed here.`,
          );
        }
        if (current.version !== row.version) {
          syncSoon();
          throw new AppError(
            'shared-draft.conflict',
            `${current.updatedBy} changed this shared draft at ${current.updatedAt} (version ${current.version}), after the version on this desktop: it was not filed. ECF Desk takes their version in a moment; check it and sign again.`,
          );
        }
        const content = contentOf({ ...draft, outbox: newOutboxStatus(clock.now()) });
        const outcome = await putDraft(session, content, row.version);
        if ('refused' in outcome) {
          if (isConflict(outcome.refused)) {
            table.put({ ...row, conflict: outcome.refused.message });
            options.onChange(row.draftId);
            throw new AppError('shared-draft.conflict', outcome.refused.message);
          }
          throw refusalError(outcome.refused);
        }
        agreed(row, outcome.kept, sharedDraftDigest(content), null);
      }),

    async close(): Promise<void> {
      clearInterval(poll);
      await pass.close();
      await queue;
    },
  };
}

/** Shared drafts on the desktop. */
export type SharedDrafts = ReturnType<typeof createSharedDrafts>;
