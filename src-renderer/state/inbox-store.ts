import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportSummary, InboxItem, InboxQuery, Mailbox, MailboxInput } from '../../src-main/shared/inbox';
import { BridgeError, type Bridge } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { inBackgroundReportingTo } from './background';
import { attempt, reportingTo, type Attempt } from './attempt';
import type { ListStatus } from './documents-store';
import { createLatestRequest, type RequestTicket } from './latest-request';
import { upsert } from './upsert';

/** What the list is narrowed to; empty strings and false mean "any". */
export interface InboxFilters {
  readonly text: string;
  readonly court: string;
  readonly caseNumber: string;
  /** YYYY-MM-DD, inclusive; empty for no bound. */
  readonly filedFrom: string;
  readonly filedTo: string;
  readonly hasDeadline: boolean;
  readonly isUnread: boolean;
}

/** The filters of a fresh inbox: everything, newest first. */
export const noFilters: InboxFilters = {
  text: '',
  court: '',
  caseNumber: '',
  filedFrom: '',
  filedTo: '',
  hasDeadline: false,
  isUnread: false,
};

/** Notices asked of main at a time; the list asks only for the pages on screen. */
export const inboxPageSize = 200;

/** Notices that arrived while the app watched, for the desktop notification. */
export interface Arrival {
  /** Counts arrivals, so the same notices are never announced twice. */
  readonly sequence: number;
  readonly items: readonly InboxItem[];
}

/** The Inbox screen's state: the query, the pages of notices loaded so far, the notice open in the reader, the mailboxes. */
export interface InboxState {
  readonly status: ListStatus;
  readonly filters: InboxFilters;
  /** How many notices the query matches in all. */
  readonly total: number;
  /** Notices by their place in the result; a place not loaded yet is empty. */
  readonly items: readonly (InboxItem | undefined)[];
  readonly selectedId: string | null;
  /** The notice open in the reader, as main last described it. */
  readonly selected: InboxItem | null;
  readonly mailboxes: readonly Mailbox[];
  readonly mailboxesStatus: ListStatus;
  readonly isImporting: boolean;
  /** What the latest import did, until the user dismisses it. */
  readonly importSummary: ImportSummary | null;
  readonly arrival: Arrival | null;
  /** The latest sentence for screen readers (read by a polite live region). */
  readonly announcement: string;

  /** Loads the first page and the mailboxes and follows main's inbox events; returns the function that stops following. */
  connect(): () => void;
  /** Reads the query afresh from the first page. */
  load(): Promise<void>;
  /** Changes the query and reads it afresh. */
  setFilters(changes: Partial<InboxFilters>): void;
  /** Makes sure the notices at these places (inclusive) are loaded, asking main only for pages not loaded or on the way. */
  ensureLoaded(first: number, last: number): void;
  /** Opens a notice in the reader. */
  select(id: string | null): Promise<void>;
  markRead(id: string, isRead: boolean): Promise<void>;
  /** Imports `.eml` and `.msg` files one by one and shows what the import did in all. */
  importFiles(files: readonly File[]): Promise<void>;
  dismissImportSummary(): void;
  /** Tries a document's free look again; it never pays. */
  fetchDocument(id: string, number: string): Promise<void>;
  /** Buys a document at the price the user accepted; the answer is for the confirmation dialog to show. */
  buyDocument(id: string, number: string, acceptsFeeCents: number): Promise<Attempt<InboxItem>>;
  /** The deadlines as an iCalendar file; null when it could not be made (the banner says why). */
  exportDeadlines(): Promise<Uint8Array | null>;
  /** The bytes of a saved document, for the page preview. */
  /** A saved document's PDF, by "<notice id>:<document number>". */
  readDocument(key: string): Promise<Uint8Array>;
  loadMailboxes(): Promise<void>;
  /** Adds or edits a mailbox; the password or token in the input goes to main's keychain and is not kept here. */
  saveMailbox(input: MailboxInput): Promise<Attempt<Mailbox>>;
  removeMailbox(id: string): Promise<boolean>;
  syncMailbox(id: string): Promise<void>;
  /** The notices of a case that set deadlines, for a draft to take its due date from; the case number may carry judge initials. */
  caseDeadlines(caseNumber: string): Promise<Attempt<readonly InboxItem[]>>;
}

/** A store of the Inbox screen's state. */
export type InboxStore = StoreApi<InboxState>;

/** The query main is asked, without the empty filters. */
export function toQuery(filters: InboxFilters): InboxQuery {
  const text = filters.text.trim();
  const court = filters.court.trim();
  const caseNumber = filters.caseNumber.trim();
  return {
    ...(text ? { text } : {}),
    ...(court ? { court } : {}),
    ...(caseNumber ? { caseNumber } : {}),
    ...(filters.filedFrom ? { filedFrom: filters.filedFrom } : {}),
    ...(filters.filedTo ? { filedTo: filters.filedTo } : {}),
    ...(filters.hasDeadline ? { hasDeadline: true } : {}),
    ...(filters.isUnread ? { isUnread: true } : {}),
  };
}

/** Adds one file's import to the running summary. */
function addSummary(sum: ImportSummary, one: ImportSummary): ImportSummary {
  return {
    imported: sum.imported + one.imported,
    duplicates: sum.duplicates + one.duplicates,
    resends: sum.resends + one.resends,
    modified: sum.modified + one.modified,
    setAside: [...sum.setAside, ...one.setAside],
  };
}

const emptySummary: ImportSummary = { imported: 0, duplicates: 0, resends: 0, modified: 0, setAside: [] };

/** Creates the Inbox screen's store over a bridge; tests pass a fake bridge, the app the real one. */
export function createInboxStore(bridge: Bridge, alerts: AlertsStore): InboxStore {
  const tryOrReport = reportingTo(alerts);
  const inBackground = inBackgroundReportingTo(alerts);
  /** Each reading of the query is a request; a page answered for an older one is dropped. */
  const queries = createLatestRequest();
  /** Pages of the current generation loaded or on the way. */
  let askedPages = new Set<number>();
  /** Ids seen in the newest page, so a reload can tell which notices just arrived. */
  let seenIds: ReadonlySet<string> | null = null;
  let arrivals = 0;
  const selects = createLatestRequest();

  return createStore<InboxState>()((set, get) => {
    const replaceItem = (item: InboxItem): void => {
      const index = get().items.findIndex((each) => each?.id === item.id);
      if (index >= 0) {
        const items = [...get().items];
        items[index] = item;
        set({ items });
      }
      if (get().selectedId === item.id) {
        set({ selected: item });
      }
    };

    /** Notices on the first page that were not there before and are unread; the first load only remembers. */
    const noticeArrivals = (page: readonly InboxItem[]): void => {
      const before = seenIds;
      seenIds = new Set(page.map((item) => item.id));
      if (!before) {
        return;
      }
      const fresh = page.filter((item) => !item.isRead && !before.has(item.id));
      if (fresh.length > 0) {
        set({ arrival: { sequence: ++arrivals, items: fresh } });
      }
    };

    /** Asks main for one page; the first page of a new query replaces every row, later pages fill theirs in. */
    const loadPage = async (page: number, request: RequestTicket, replacesRows = false): Promise<void> => {
      const query = { ...toQuery(get().filters), offset: page * inboxPageSize, limit: inboxPageSize };
      const loaded = await tryOrReport(
        () => (request.isLatest() ? 'The notices could not be loaded.' : null),
        () => bridge.invoke('inbox.list', query),
      );
      if (!request.isLatest()) {
        return;
      }
      if (!loaded.ok) {
        askedPages.delete(page);
        if (get().status === 'loading') {
          set({ status: 'failed' });
        }
        return;
      }
      const { items: pageItems, total } = loaded.value;
      const items = replacesRows ? [] : [...get().items];
      items.length = total;
      pageItems.forEach((item, index) => {
        items[page * inboxPageSize + index] = item;
      });
      set({ items, total, status: 'ready' });
      if (page === 0 && Object.keys(toQuery(get().filters)).length === 0) {
        noticeArrivals(pageItems);
      }
    };

    /** Reads the query again, keeping the rows on screen until the new answer replaces them. */
    const reload = (): void => {
      const request = queries.begin();
      const pages = [...askedPages].sort((a, b) => a - b);
      askedPages = new Set(pages.length > 0 ? pages : [0]);
      for (const page of askedPages) {
        inBackground('Reading the notices', loadPage(page, request));
      }
    };

    const reloadSelected = async (): Promise<void> => {
      const id = get().selectedId;
      if (!id) {
        return;
      }
      await tryOrReport('The open notice could not be read again.', async () => {
        const item = await bridge.invoke('inbox.get', { id });
        if (get().selectedId === id) {
          replaceItem(item);
        }
      });
    };

    return {
      status: 'loading',
      filters: noFilters,
      total: 0,
      items: [],
      selectedId: null,
      selected: null,
      mailboxes: [],
      mailboxesStatus: 'loading',
      isImporting: false,
      importSummary: null,
      arrival: null,
      announcement: '',

      connect() {
        const stop = bridge.on('inbox.changed', ({ id }) => {
          reload();
          if (id === null || id === get().selectedId) {
            inBackground('Reading the notice again', reloadSelected());
          }
        });
        inBackground('Reading the notices', get().load());
        inBackground('Reading the mailboxes', get().loadMailboxes());
        return stop;
      },

      async load() {
        const request = queries.begin();
        askedPages = new Set([0]);
        if (get().status === 'failed') {
          set({ status: 'loading' });
        }
        await loadPage(0, request, true);
      },

      setFilters(changes) {
        // The rows on screen stay until the new answer replaces them, so typing does not make the list flicker.
        set({ filters: { ...get().filters, ...changes } });
        seenIds = null;
        inBackground('Reading the notices', get().load());
      },

      ensureLoaded(first, last) {
        const { total, status } = get();
        if (status !== 'ready' || total === 0) {
          return;
        }
        const firstPage = Math.max(0, Math.floor(first / inboxPageSize));
        const lastPage = Math.min(
          Math.floor((total - 1) / inboxPageSize),
          Math.floor(Math.max(first, last) / inboxPageSize),
        );
        for (let page = firstPage; page <= lastPage; page += 1) {
          if (askedPages.has(page)) {
            continue;
          }
          askedPages.add(page);
          inBackground('Reading the notices', loadPage(page, queries.mark()));
        }
      },

      async select(id) {
        const request = selects.begin();
        if (id === null) {
          set({ selectedId: null, selected: null });
          return;
        }
        const listed = get().items.find((item) => item?.id === id) ?? null;
        set({ selectedId: id, selected: listed });
        await tryOrReport('The notice could not be opened.', async () => {
          const item = await bridge.invoke('inbox.get', { id });
          if (request.isLatest()) {
            replaceItem(item);
          }
        });
      },

      async markRead(id, isRead) {
        await tryOrReport(
          isRead ? 'The notice was not marked as read.' : 'The notice was not marked as unread.',
          async () => {
            replaceItem(await bridge.invoke('inbox.markRead', { id, isRead }));
            set({ announcement: isRead ? 'Marked as read.' : 'Marked as unread.' });
          },
        );
      },

      async importFiles(files) {
        if (files.length === 0) {
          return;
        }
        set({ isImporting: true, importSummary: null });
        let summary = emptySummary;
        for (const file of files) {
          const imported = await attempt(async () => {
            const bytes = new Uint8Array(await file.arrayBuffer());
            return bridge.invoke('inbox.importFile', { name: file.name, bytes });
          });
          summary = addSummary(
            summary,
            imported.ok
              ? imported.value
              : { ...emptySummary, setAside: [{ name: file.name, reason: imported.message }] },
          );
        }
        set({
          isImporting: false,
          importSummary: summary,
          announcement: `Imported ${summary.imported} of ${files.length} files.`,
        });
        reload();
      },

      dismissImportSummary() {
        set({ importSummary: null });
      },

      async fetchDocument(id, number) {
        await tryOrReport('The free look was not tried again.', async () =>
          replaceItem(await bridge.invoke('inbox.fetchDocument', { id, number })),
        );
      },

      buyDocument: (id, number, acceptsFeeCents) =>
        attempt(async () => {
          try {
            const item = await bridge.invoke('inbox.buyDocument', { id, number, acceptsFeeCents });
            replaceItem(item);
            set({ announcement: 'Bought the document; it is saved.' });
            return item;
          } catch (error) {
            // The court asks another price: the notice now carries it, so the question is asked again at that price.
            if (error instanceof BridgeError && error.code === 'purchase.price-changed') {
              await reloadSelected();
            }
            throw error;
          }
        }),

      async exportDeadlines() {
        const exported = await tryOrReport(
          (error) =>
            // Nothing to put in a calendar is not a failure: say so rather than save an empty file.
            error instanceof BridgeError && error.code === 'inbox.no-deadlines'
              ? 'No deadlines to export.'
              : 'The deadlines could not be exported.',
          () => bridge.invoke('inbox.exportDeadlines', {}),
        );
        return exported.ok ? exported.value : null;
      },

      readDocument(key) {
        // The key is "<notice id>:<document number>", so the preview can cache each document on its own.
        const at = key.lastIndexOf(':');
        return bridge.invoke('inbox.documentContent', { id: key.slice(0, at), number: key.slice(at + 1) });
      },

      async loadMailboxes() {
        const listed = await tryOrReport('The mailboxes could not be listed.', () =>
          bridge.invoke('mailboxes.list', {}),
        );
        if (listed.ok) {
          set({ mailboxes: listed.value, mailboxesStatus: 'ready' });
        } else if (get().mailboxesStatus === 'loading') {
          set({ mailboxesStatus: 'failed' });
        }
      },

      saveMailbox: (input) =>
        attempt(async () => {
          const saved = await bridge.invoke('mailboxes.save', input);
          set({ mailboxes: upsert(get().mailboxes, saved), announcement: `Saved the mailbox ${saved.user}.` });
          return saved;
        }),

      async removeMailbox(id) {
        const removed = get().mailboxes.find((each) => each.id === id);
        if (!removed) {
          return false;
        }
        const outcome = await tryOrReport(`The mailbox ${removed.user} was not removed.`, async () => {
          await bridge.invoke('mailboxes.remove', { id });
          set({
            mailboxes: get().mailboxes.filter((each) => each.id !== id),
            announcement: `Removed the mailbox ${removed.user}.`,
          });
        });
        return outcome.ok;
      },

      async syncMailbox(id) {
        set({
          mailboxes: get().mailboxes.map((each) => (each.id === id ? { ...each, state: 'syncing' as const } : each)),
        });
        const synced = await tryOrReport('The mailbox was not read.', async () => {
          const mailbox = await bridge.invoke('mailboxes.sync', { id });
          set({ mailboxes: upsert(get().mailboxes, mailbox), announcement: `Read new mail from ${mailbox.user}.` });
        });
        if (!synced.ok) {
          inBackground('Reading the mailboxes', get().loadMailboxes());
        }
      },

      caseDeadlines: (caseNumber) =>
        attempt(async () => {
          // Notices write the number with the judge's initials (1:26-cv-00123-MMB) and the list matches its start.
          const withoutInitials = caseNumber.trim().replace(/-[A-Za-z]{1,4}$/, '');
          const page = await bridge.invoke('inbox.list', { caseNumber: withoutInitials, hasDeadline: true, limit: 50 });
          return page.items;
        }),
    };
  });
}
