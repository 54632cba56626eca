import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MailboxSettings } from '../../shared/domain';
import type { ImportSummary, InboxItem, InboxQuery, Mailbox, MailboxInput } from '../../shared/inbox';
import type { CourtFetch } from '../court/pacer-login';
import { AppError } from '../errors';
import { runInBackground } from '../background';
import { oneAtATime } from '../one-at-a-time';
import type { Clock, DesktopNotifier } from '../ports';
import type { SecretStore } from '../vault/secret-store';
import { fetchFreeLook } from './free-look-fetcher';
import { createUnsavedDocuments } from './free-look/unsaved-documents';
import { collectDeadlineEvents } from './deadline-events';
import { deadlinesToIcs } from './ics';
import { buyDocument } from './buy-document';
import { readMailFile } from './sources/file-source';
import type { MsgConverter } from './sources/msg-to-rfc822';
import type { CourtPageReader } from './free-look/read-court-page';
import type { PdfPageCounter } from '../documents/read-pdf-facts';
import { createImapSource, type ImapSource } from './sources/imap-source';
import { createFirmEntryTable, type FirmSyncPlace } from './store/firm-entry-table';
import type { FirmEntry } from '../../shared/firm-server';
import { createMaildirSource } from './sources/maildir-source';
import type { IncomingMail } from './sources/mail-source';
import { createNoticeTable, type IngestResult } from './store/notice-table';
import type { NoticeParser } from './notice-reading';
import type { AppLog } from '../storage/app-log';
import { checkNoticeLink, type UrlTrust } from '../security/url-gate';
import type { ParsedNotice } from './nef/notice-types';
import { freeLookLinks } from './nef/free-look-links';
import { describeError } from '../../shared/describe-error';
import type { SavedEntryCopies } from '../filing/court-copies';
import { createStampMemory } from './free-look/stamp-memory';

/** What the inbox needs from the rest of core. */
export interface InboxServiceOptions {
  readonly database: Database.Database;
  /** Reads emails (in a child process in the app: emails are hostile input). */
  readonly parser: NoticeParser;
  /** Rebuilds an Outlook .msg into its message (in a child process in the app). */
  readonly convertMsg: MsgConverter;
  /** Reads the court's pages met on the way to a document (in a child process in the app). */
  readonly readCourtPage: CourtPageReader;
  /** Counts the pages of a document the court sent (in a child process in the app). */
  readonly countPdfPages: PdfPageCounter;
  /** Court traffic, through the URL gate (`gateCourtFetch`): a refused address never reaches the network. */
  readonly fetch: CourtFetch;
  readonly clock: Clock;
  readonly secrets: SecretStore;
  readonly mailboxes: () => readonly MailboxSettings[];
  readonly saveMailboxes: (mailboxes: readonly MailboxSettings[]) => void;
  /**
   * The training court's Maildir tree, or null. Every address the court delivers to is read there, so the NEF of any
   * filing made at the training court reaches the inbox, and through it the outbox.
   */
  readonly trainingMaildir: () => string | null;
  /** What the URL gate trusts now: the court profile's hosts, and the training court's loopback origin once it runs. */
  readonly urlTrust: () => UrlTrust;
  /** The court session's token, for buying a document the user chose to pay for. */
  readonly sessionToken: () => string;
  /** Saves a fetched PDF in the content-addressed document store. */
  readonly keepPdf: (bytes: Uint8Array) => Promise<string>;
  /** Reads a saved PDF back by its SHA-256. */
  readonly readPdf: (sha256: string) => Promise<Uint8Array>;
  /** Whether a PDF with this SHA-256 is in the document store. */
  readonly hasPdf: (sha256: string) => boolean;
  /**
   * Fetches a document the firm server saved from that server (`origin`), checked against its SHA-256; absent where
   * no firm server can be asked.
   */
  readonly firmDocument?: (origin: string, sha256: string) => Promise<Uint8Array>;
  /** Deletes a saved PDF a removed notice kept, unless something else still names it. */
  readonly dropPdf: (sha256: string) => Promise<void>;
  /** How many days read notices are kept (machine policy `noticeRetentionDays`); 0 keeps every notice. */
  readonly retentionDays: () => number;
  /** A notice for this entry arrived (FAQ 28: the filing it announces is filed). */
  readonly onEntry: (caseId: number, deSeqNum: number) => void;
  /** Every free-look document of an entry is saved: the filing it announces is checked against them (FAQ 46). */
  readonly onCourtCopies?: (entry: SavedEntryCopies) => void;
  readonly onChange: (id: string | null) => void;
  /** Tells the user a notice arrived (the desktop's notifications); absent in browser mode, where the page does it. */
  readonly notifier?: DesktopNotifier | null;
  readonly log: AppLog;
  readonly pollMs?: number;
  /** How long to wait before saving again free-look documents the disk refused (default 30 seconds). */
  readonly saveRetryMs?: number;
}

const mailboxItem = (id: string): string => `mailbox:${id}`;

const dayMs = 24 * 60 * 60 * 1000;
/** How long the inbox waits before saving again free-look documents the disk refused. */
const defaultSaveRetryMs = 30_000;
/** How often the retention policy is applied while the app runs, besides at start and when the policy changes. */
export const retentionIntervalMs = 6 * 60 * 60 * 1000;

/**
 * Every link of a notice a free look could follow — each docket's document link and each document's own (ACMS) — that
 * the URL gate refuses, with the reason. The gate decides before anything is stored, so no refused link is ever fetched.
 */
function refusedLinksOf(notice: ParsedNotice, trust: UrlTrust): Map<string, string> {
  const refused = new Map<string, string>();
  for (const { url } of freeLookLinks(notice)) {
    const verdict = checkNoticeLink(url, { court: notice.court }, trust);
    if (!verdict.isAllowed) {
      refused.set(url, verdict.reason);
    }
  }
  return refused;
}

/**
 * The NEF inbox: mail from every source goes through the parser, the URL gate and the store's dedupe; each new
 * notice's free look is fetched at once (never paying); entries are handed to the outbox to mark filings filed.
 */
export function createInboxService(options: InboxServiceOptions) {
  const { clock } = options;
  const store = createNoticeTable(options.database);
  const firmEntries = createFirmEntryTable(options.database);
  const runtime = new Map<
    string,
    { state: Mailbox['state']; lastSyncAt: string | null; message: string | null; source: ImapSource | null }
  >();
  let isClosed = false;

  /** One email in: parse, check its links, store; new documents are fetched at once. */
  const ingest = async (mail: IncomingMail, source: string): Promise<IngestResult> => {
    const reading = await options.parser.parse(mail.raw);
    if (reading.kind === 'unreadable') {
      options.log(`Inbox: an email from ${source} could not be read: ${reading.reason}`, 'warn');
      return { outcome: 'set-aside', itemIds: [], reason: `it could not be read (${reading.reason})` };
    }
    const { notice } = reading;
    const refusedLinks = refusedLinksOf(notice, options.urlTrust());
    const result = store.ingest(notice, {
      messageId: null,
      rawSha256: createHash('sha256').update(mail.raw).digest('hex'),
      source,
      receivedAt: mail.receivedAt,
      linkWarning: refusedLinks.values().next().value ?? null,
      refusedLinks,
    });
    if (result.outcome === 'new') {
      const first = notice.dockets[0];
      if (first) {
        options.notifier?.notify(
          `New notice: ${first.caseNumber}`,
          first.shortDescription ?? first.docketText ?? notice.subject,
        );
      }
    }
    if (result.outcome === 'new' || result.outcome === 'resend') {
      stamps.remember(notice);
      for (const docket of notice.dockets) {
        if (docket.caseId && docket.deSeqNum) {
          options.onEntry(Number(docket.caseId), Number(docket.deSeqNum));
        }
      }
      runInBackground('Inbox: fetching free looks', fetchPending(), options.log);
    }
    if (result.outcome !== 'duplicate') {
      options.onChange(result.itemIds.length === 1 ? (result.itemIds[0] ?? null) : null);
    }
    return result;
  };

  /**
   * Fetches every pending free look, one notice at a time; a document saved once is never fetched again. A notice
   * that arrives during a pass asks for another, which `oneAtATime` runs right after this one. Each link passes the
   * URL gate again first (a link stored before the gate, or one for a training court no longer running there).
   */
  const pendingFetches = oneAtATime(async (): Promise<void> => {
    // Bytes a free look brought that the disk refused are saved first; until they are, no other link is spent.
    const held = await saveUnsaved();
    for (const itemId of held.savedItemIds) {
      announceCourtCopies(itemId);
      options.onChange(itemId);
    }
    if (!held.isEmpty) {
      return;
    }
    const byItem = new Map<string, string>();
    for (const pending of store.pendingDocuments()) {
      if (!byItem.has(pending.itemId)) {
        byItem.set(pending.itemId, pending.url);
      }
    }
    for (const [itemId, url] of byItem) {
      if (isClosed) {
        return;
      }
      const pendingNumbers = (store.get(itemId)?.documents ?? [])
        .filter((document) => document.state === 'pending')
        .map((document) => document.number);
      const verdict = checkNoticeLink(url, { court: store.get(itemId)?.court ?? null }, options.urlTrust());
      if (!verdict.isAllowed) {
        const numbers = store
          .pendingDocuments()
          .filter((pending) => pending.itemId === itemId && pending.url === url)
          .map((pending) => pending.number);
        store.flagUnsafe(itemId, numbers, verdict.reason, { dropsLinks: true });
        options.onChange(itemId);
        continue;
      }
      const result = await fetchFreeLook({
        url: verdict.url,
        fetch: options.fetch,
        readPage: options.readCourtPage,
        countPages: options.countPdfPages,
      });
      // Cut short by closing: nothing is recorded, so the documents stay pending for a later pass.
      if (isClosed) {
        return;
      }
      if (result.kind === 'saved') {
        for (const document of result.documents) {
          unsaved.hold({ itemId, number: document.number, bytes: document.bytes, pages: document.pages });
        }
        await saveUnsaved();
        announceCourtCopies(itemId);
        for (const missing of result.missing) {
          if (missing.state === 'unsafe-link') {
            store.flagUnsafe(itemId, [missing.number], missing.message, { dropsLinks: false });
          } else {
            store.setDocument(itemId, missing.number, {
              state: missing.state,
              message: missing.message,
              feeCents: missing.feeCents,
            });
          }
        }
      } else if (result.kind === 'refused') {
        store.flagUnsafe(itemId, pendingNumbers, result.message, { dropsLinks: false });
      } else {
        const state = result.kind === 'stopped' ? result.state : 'failed';
        for (const number of pendingNumbers) {
          store.setDocument(itemId, number, {
            state,
            message: result.message,
            feeCents: result.kind === 'stopped' ? result.feeCents : null,
          });
        }
      }
      options.onChange(itemId);
      if (unsaved.count() > 0) {
        return;
      }
    }
  });

  /** The NEF's document stamps of each entry, until its documents are saved and compared (FAQ 46). */
  const stamps = createStampMemory();
  /** Hands the filing an entry's saved copies once none of its documents waits to be saved (FAQ 46). */
  const announceCourtCopies = (itemId: string): void => {
    const item = store.get(itemId);
    const caseId = Number(item?.caseId);
    const deSeqNum = Number(item?.deSeqNum);
    if (!item || !options.onCourtCopies || !Number.isInteger(caseId) || !Number.isInteger(deSeqNum)) {
      return;
    }
    if (item.documents.some((document) => document.state === 'pending')) {
      return;
    }
    const documents = item.documents.flatMap((document) =>
      document.state === 'saved' && document.sha256
        ? [
            {
              number: document.number,
              description: document.description,
              sha256: document.sha256,
              stamp: stamps.stampOf(item.caseId, item.deSeqNum, document.number),
            },
          ]
        : [],
    );
    if (documents.length === 0) {
      return;
    }
    try {
      options.onCourtCopies({ caseId, deSeqNum, documents });
    } catch (error) {
      options.log(
        `Inbox: the court's copies could not be compared with the filing: ${describeError(error).detail}`,
        'error',
      );
    }
  };

  /** Free-look documents the disk refused, and the timer that tries them again. */
  const unsaved = createUnsavedDocuments();
  let saveRetry: ReturnType<typeof setTimeout> | undefined;
  const saveUnsaved = async (): Promise<{ readonly savedItemIds: readonly string[]; readonly isEmpty: boolean }> => {
    const outcome = await unsaved.saveAll(
      async (document) => {
        store.setDocument(document.itemId, document.number, {
          state: 'saved',
          sha256: await options.keepPdf(document.bytes),
          pages: document.pages,
          message: null,
        });
      },
      (document, error) => {
        options.log(
          `Inbox: a free-look document could not be saved; it is kept in memory and saved again soon: ${describeError(error).detail}`,
          'error',
        );
        store.setDocument(document.itemId, document.number, {
          message:
            'The document arrived but could not be saved (is the disk full?). ECF Desk keeps it and tries again.',
        });
      },
    );
    if (!outcome.isEmpty && !isClosed) {
      clearTimeout(saveRetry);
      saveRetry = setTimeout(
        () => runInBackground('Inbox: saving free looks the disk refused', fetchPending(), options.log),
        options.saveRetryMs ?? defaultSaveRetryMs,
      );
      saveRetry.unref();
    }
    return outcome;
  };
  const fetchPending = pendingFetches.run;

  const item = (id: string): InboxItem => {
    const found = store.get(id);
    if (!found) {
      throw new AppError('notice.not-found', 'That notice is no longer in the inbox.');
    }
    return found;
  };

  const describe = (settings: MailboxSettings, secretSaved: boolean): Mailbox => {
    const state = runtime.get(settings.id);
    return {
      ...settings,
      secretSaved,
      state: state?.state ?? 'idle',
      lastSyncAt: state?.lastSyncAt ?? null,
      message: state?.message ?? null,
    };
  };

  const startMailbox = async (settings: MailboxSettings): Promise<void> => {
    const secret = await options.secrets.get(mailboxItem(settings.id)).catch(() => null);
    if (secret === null) {
      runtime.set(settings.id, {
        state: 'failed',
        lastSyncAt: null,
        message: 'Its password or token is not saved: edit the mailbox and enter it.',
        source: null,
      });
      return;
    }
    const source = createImapSource({
      id: settings.id,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth:
        settings.auth === 'oauth2'
          ? { user: settings.user, accessToken: secret }
          : { user: settings.user, pass: secret },
      folder: settings.folder,
      marksRead: settings.marksRead,
      cursor: () => {
        const cursor = store.cursor(settings.id);
        return cursor ? { uidValidity: String(cursor.uidValidity), lastUid: cursor.lastUid } : null;
      },
      saveCursor: (uidValidity, lastUid) => store.saveCursor(settings.id, Number(uidValidity), lastUid),
      onMail: async (mail) => void (await ingest(mail, `imap:${settings.id}`)),
      log: options.log,
    });
    runtime.set(settings.id, { state: 'watching', lastSyncAt: null, message: null, source });
    source.watch().catch((error: unknown) =>
      runtime.set(settings.id, {
        state: 'failed',
        lastSyncAt: null,
        message: describeError(error).message,
        source,
      }),
    );
  };

  // The training court delivers to a Maildir: it is read now and then, as a mail program would, one read at a time (a
  // slow one, many new notices, is not overtaken by the next tick), and close waits for the read under way.
  let trainingRoot: string | null = null;
  let trainingMaildir: ReturnType<typeof createMaildirSource> | null = null;
  const trainingReads = oneAtATime(async (): Promise<void> => {
    const root = options.trainingMaildir();
    if (root === null || isClosed) {
      return;
    }
    if (root !== trainingRoot) {
      trainingRoot = root;
      trainingMaildir = createMaildirSource({
        root,
        onMail: async (mail) => {
          if (!isClosed) {
            await ingest(mail, 'training-court');
          }
        },
      });
    }
    await trainingMaildir?.sync();
  });
  const trainingSource = trainingReads.run;
  const timer = setInterval(
    () =>
      void trainingSource().catch((error: unknown) =>
        options.log(`Inbox: the training court's mailbox could not be read: ${describeError(error).detail}`, 'warn'),
      ),
    options.pollMs ?? 2_000,
  );
  timer.unref();
  for (const settings of options.mailboxes()) {
    runInBackground(`Inbox: starting mailbox ${settings.id}`, startMailbox(settings), options.log);
  }

  /**
   * Lets go of the notices the retention policy no longer keeps (read ones received more than N days ago, whose
   * free looks are settled and whose deadlines have passed), and the PDFs nothing else names. One pass at a time;
   * a pass that fails is logged and tried again at the next, never thrown.
   */
  const retention = oneAtATime(async (): Promise<number> => {
    try {
      const days = options.retentionDays();
      if (days <= 0 || isClosed) {
        return 0;
      }
      const now = clock.now().getTime();
      // A deadline is a local calendar date; a day's margin keeps today's in every time zone.
      const { removed, sha256s } = store.removeExpired(
        new Date(now - days * dayMs),
        new Date(now - dayMs).toISOString().slice(0, 10),
      );
      for (const sha256 of new Set(sha256s)) {
        await options.dropPdf(sha256);
      }
      if (removed > 0) {
        options.log(
          `Inbox: ${removed} read notice${removed === 1 ? '' : 's'} older than ${days} days removed, as machine policy says`,
        );
        options.onChange(null);
      }
      return removed;
    } catch (error) {
      options.log(`Inbox: old notices could not be removed: ${describeError(error).detail}`, 'warn');
      return 0;
    }
  });
  const applyRetention = retention.run;
  const retentionTimer = setInterval(
    () => runInBackground('Inbox: removing old notices', applyRetention(), options.log),
    retentionIntervalMs,
  );
  retentionTimer.unref();

  return {
    list: (query: InboxQuery) => store.list(query),
    get: item,
    markRead(id: string, isRead: boolean): InboxItem {
      store.markRead(id, isRead);
      options.onChange(id);
      return item(id);
    },

    async importFile(name: string, bytes: Uint8Array): Promise<ImportSummary> {
      const summary = {
        imported: 0,
        duplicates: 0,
        resends: 0,
        modified: 0,
        setAside: [] as { name: string; reason: string }[],
      };
      let mail: IncomingMail;
      try {
        mail = await readMailFile(name, bytes, options.convertMsg);
      } catch (error) {
        summary.setAside.push({ name, reason: describeError(error).message });
        return summary;
      }
      const result = await ingest(mail, `file:${name}`);
      if (result.outcome === 'new') {
        summary.imported += 1;
      } else if (result.outcome === 'duplicate') {
        summary.duplicates += 1;
      } else if (result.outcome === 'resend') {
        summary.resends += 1;
      } else if (result.outcome === 'modified') {
        summary.modified += 1;
      } else {
        summary.setAside.push({ name, reason: result.reason ?? 'not a notice of electronic filing' });
      }
      return summary;
    },

    /** Tries a free look again (a failed one); never pays. */
    async fetchDocument(id: string, number: string): Promise<InboxItem> {
      const document = item(id).documents.find((candidate) => candidate.number === number);
      if (document?.state === 'failed') {
        store.setDocument(id, number, { state: 'pending', message: null });
      }
      await fetchPending();
      return item(id);
    },

    /** Buys a document with the logged-in account, only at the price the user accepted. */
    async buyDocument(id: string, number: string, acceptsFeeCents: number): Promise<InboxItem> {
      const url = store.documentUrl(id, number);
      const refused = item(id).documents.find(
        (document) => document.number === number && document.state === 'unsafe-link',
      );
      if (!url && refused) {
        throw new AppError(
          'link.unsafe',
          `${refused.message ?? item(id).linkWarning ?? 'This document’s link does not go to the court’s site.'} Nothing was bought.`,
        );
      }
      if (!url) {
        throw new AppError('notice.document-not-found', 'This notice has no link to that document.');
      }
      const verdict = checkNoticeLink(url, { court: item(id).court }, options.urlTrust());
      if (!verdict.isAllowed) {
        store.flagUnsafe(id, [number], verdict.reason, { dropsLinks: true });
        options.onChange(id);
        throw new AppError('link.unsafe', verdict.reason);
      }
      const bought = await buyDocument({
        url: verdict.url,
        number,
        token: options.sessionToken(),
        fetch: options.fetch,
        acceptsFeeCents,
        readPage: options.readCourtPage,
        countPages: options.countPdfPages,
      });
      if (bought.kind === 'refused') {
        store.flagUnsafe(id, [number], bought.message, { dropsLinks: false });
        options.onChange(id);
        throw new AppError('link.unsafe', `${bought.message} Nothing was bought.`);
      }
      if (bought.kind === 'price-changed') {
        // The notice shows the court's new price from now on, so the user decides on that one.
        store.setDocument(id, number, { feeCents: bought.feeCents });
        options.onChange(id);
        throw new AppError(
          'purchase.price-changed',
          `The court asks ${(bought.feeCents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' })} now, not the price you accepted. Nothing was bought; look at the new price first.`,
        );
      }
      if (bought.kind === 'failed') {
        throw new AppError('court.unreachable', bought.message);
      }
      store.setDocument(id, number, {
        state: 'paid',
        sha256: await options.keepPdf(bought.bytes),
        pages: bought.pages,
        feeCents: bought.feeCents,
        message: null,
      });
      options.onChange(id);
      return item(id);
    },

    /** The saved PDF of one of a notice's documents. */
    async documentContent(id: string, number: string): Promise<Uint8Array> {
      const entry = item(id);
      const document = entry.documents.find((candidate) => candidate.number === number);
      if (!document?.sha256) {
        throw new AppError(
          'notice.document-not-saved',
          'This document has not been saved: its free look was not available.',
        );
      }
      // The firm server saved it: it is fetched from there the first time it is opened, and kept here after.
      if (entry.firmServer !== null && !options.hasPdf(document.sha256)) {
        if (!options.firmDocument) {
          throw new AppError(
            'firm-server.unreachable',
            'The firm server saved this document, and ECF Desk is not connected to it: connect in Settings → Firm server to open it.',
          );
        }
        const bytes = await options.firmDocument(entry.firmServer, document.sha256);
        await options.keepPdf(bytes);
        return bytes;
      }
      return options.readPdf(document.sha256);
    },

    /**
     * Takes a page of the firm server's entries (docs/firm-server.md#notices-on-desktops) and moves this desktop's place
     * in its list past them: a new entry is announced like a notice from mail (and marks the filing it announces filed),
     * a changed one is shown again.
     */
    applyFirmEntries(origin: string, userName: string, entries: readonly FirmEntry[], place: FirmSyncPlace): void {
      const applied = firmEntries.apply(origin, userName, entries, place, clock.now());
      for (const { id, entry } of applied.added) {
        options.notifier?.notify(
          `New notice: ${entry.caseNumber}`,
          entry.shortDescription ?? entry.docketText ?? entry.subject,
        );
        if (entry.caseId && entry.deSeqNum) {
          options.onEntry(Number(entry.caseId), Number(entry.deSeqNum));
        }
        options.onChange(id);
      }
      applied.changed.forEach((id) => options.onChange(id));
    },

    /** Where this desktop is in the firm server's list for the user, or null before its first page. */
    firmPlace: (origin: string, userName: string): FirmSyncPlace | null => firmEntries.place(origin, userName),

    exportDeadlines(): Uint8Array {
      const events = collectDeadlineEvents(store.deadlines(), store.motionEntries());
      if (events.length === 0) {
        throw new AppError(
          'inbox.no-deadlines',
          'There are no deadlines to export: no notice in the inbox sets a date ("Responses due by …") or is a motion ' +
            'whose response time the court’s rules state. Nothing was saved; export again when such a notice arrives.',
        );
      }
      return new TextEncoder().encode(deadlinesToIcs(events, clock.now()));
    },

    async mailboxes(): Promise<Mailbox[]> {
      return Promise.all(
        options
          .mailboxes()
          .map(async (settings) =>
            describe(settings, (await options.secrets.get(mailboxItem(settings.id)).catch(() => null)) !== null),
          ),
      );
    },

    /** Adds or edits a mailbox; the password or token goes to the keychain, never to settings. */
    async saveMailbox(input: MailboxInput): Promise<Mailbox> {
      const settings: MailboxSettings = {
        id: input.id ?? randomUUID(),
        host: input.host,
        port: input.port,
        secure: input.secure,
        user: input.user,
        auth: input.auth,
        folder: input.folder,
        marksRead: input.marksRead,
      };
      if (input.secret !== undefined) {
        if (!(await options.secrets.availability()).isAvailable) {
          throw new AppError(
            'vault.unavailable',
            'No keychain is available here to keep the mailbox password; ECF Desk never saves it to a file.',
          );
        }
        await options.secrets.set(mailboxItem(settings.id), input.secret);
      }
      options.saveMailboxes([...options.mailboxes().filter((existing) => existing.id !== settings.id), settings]);
      await runtime.get(settings.id)?.source?.close();
      await startMailbox(settings);
      return describe(settings, (await options.secrets.get(mailboxItem(settings.id)).catch(() => null)) !== null);
    },

    async removeMailbox(id: string): Promise<void> {
      await runtime.get(id)?.source?.close();
      runtime.delete(id);
      await options.secrets.delete(mailboxItem(id)).catch(() => false);
      options.saveMailboxes(options.mailboxes().filter((existing) => existing.id !== id));
    },

    async syncMailbox(id: string): Promise<Mailbox> {
      const settings = options.mailboxes().find((candidate) => candidate.id === id);
      if (!settings) {
        throw new AppError('mailbox.not-found', 'That mailbox is no longer set up.');
      }
      const state = runtime.get(id);
      if (state?.source) {
        await state.source.sync();
        runtime.set(id, { ...state, lastSyncAt: clock.now().toISOString(), message: null });
      }
      return describe(settings, (await options.secrets.get(mailboxItem(id)).catch(() => null)) !== null);
    },

    applyRetention,

    /**
     * Stops: no read, free look or retention pass starts again, and close resolves once the ones under way have
     * ended and every mailbox connection is closed, so nothing writes after the database closes.
     */
    async close(): Promise<void> {
      isClosed = true;
      clearTimeout(saveRetry);
      if (unsaved.count() > 0) {
        options.log(
          `Inbox: ${unsaved.count()} free-look document(s) could not be saved before ECF Desk closed`,
          'error',
        );
      }
      clearInterval(timer);
      clearInterval(retentionTimer);
      await Promise.all([
        retention.close(),
        trainingReads.close(),
        pendingFetches.close(),
        ...[...runtime.values()].map((state) => state.source?.close()),
      ]);
    },
  };
}

/** The inbox service. */
export type InboxService = ReturnType<typeof createInboxService>;
