import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportSummary, InboxItem, InboxQuery, Mailbox, MailboxInput } from '../../src-main/shared/inbox';
import type { Bridge } from '../create-bridge';
import type { Attempt } from './accounts-store';
import { describeError } from './describe-error';
import type { ListStatus } from './documents-store';
import type { NoticesStore } from './notices-store';
import { runInBackground } from './background';

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

/** Replaces a mailbox with the same id, or adds it at the end. */
function upsert(mailboxes: readonly Mailbox[], saved: Mailbox): Mailbox[] {
  return mailboxes.some((each) => each.id === saved.id)
    ? mailboxes.map((each) => (each.id === saved.id ? saved : each))
    : [...mailboxes, saved];
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
export function createInboxStore(bridge: Bridge, notices: NoticesStore): InboxStore {
  const report = (title: string, error: unknown): void => notices.getState().report(title, error);
  /** Each query gets a generation; a page answered for an older query is dropped. */
  let generation = 0;
  /** Pages of the current generation loaded or on the way. */
  let askedPages = new Set<number>();
  /** Ids seen in the newest page, so a reload can tell which notices just arrived. */
  let seenIds: ReadonlySet<string> | null = null;
  let arrivals = 0;
  let latestSelect = 0;

  return createStore<InboxState>()((set, get) => {
    const replaceItem = (item: InboxItem): void => {
      const index = get().items.findIndex((each) => each?.id === item.id);
      if (index >= 0) {
        const items = [...get().items];
        items[index] = item;
        set({ items });
      }
      if (get().selectedId === item.id) set({ selected: item });
    };

    /** Notices on the first page that were not there before and are unread; the first load only remembers. */
    const noticeArrivals = (page: readonly InboxItem[]): void => {
      const before = seenIds;
      seenIds = new Set(page.map((item) => item.id));
      if (!before) return;
      const fresh = page.filter((item) => !item.isRead && !before.has(item.id));
      if (fresh.length > 0) set({ arrival: { sequence: ++arrivals, items: fresh } });
    };

    /** Asks main for one page; the first page of a new query replaces every row, later pages fill theirs in. */
    const loadPage = async (page: number, request: number, replacesRows = false): Promise<void> => {
      const query = { ...toQuery(get().filters), offset: page * inboxPageSize, limit: inboxPageSize };
      try {
        const { items: pageItems, total } = await bridge.invoke('inbox.list', query);
        if (request !== generation) return;
        const items = replacesRows ? [] : [...get().items];
        items.length = total;
        pageItems.forEach((item, index) => {
          items[page * inboxPageSize + index] = item;
        });
        set({ items, total, status: 'ready' });
        if (page === 0 && Object.keys(toQuery(get().filters)).length === 0) noticeArrivals(pageItems);
      } catch (error) {
        if (request !== generation) return;
        askedPages.delete(page);
        report('The notices could not be loaded.', error);
        if (get().status === 'loading') set({ status: 'failed' });
      }
    };

    /** Reads the query again, keeping the rows on screen until the new answer replaces them. */
    const reload = (): void => {
      const request = ++generation;
      const pages = [...askedPages].sort((a, b) => a - b);
      askedPages = new Set(pages.length > 0 ? pages : [0]);
      for (const page of askedPages) {
        runInBackground('Loading the notices', loadPage(page, request), report);
      }
    };

    const reloadSelected = async (): Promise<void> => {
      const id = get().selectedId;
      if (!id) return;
      try {
        const item = await bridge.invoke('inbox.get', { id });
        if (get().selectedId === id) replaceItem(item);
      } catch (error) {
        report('The open notice could not be read again.', error);
      }
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
            runInBackground('Reading the open notice again', reloadSelected(), report);
          }
        });
        runInBackground('Loading the notices', get().load(), report);
        runInBackground('Loading the mailboxes', get().loadMailboxes(), report);
        return stop;
      },

      async load() {
        const request = ++generation;
        askedPages = new Set([0]);
        if (get().status === 'failed') set({ status: 'loading' });
        await loadPage(0, request, true);
      },

      setFilters(changes) {
        // The rows on screen stay until the new answer replaces them, so typing does not make the list flicker.
        set({ filters: { ...get().filters, ...changes } });
        seenIds = null;
        runInBackground('Loading the notices', get().load(), report);
      },

      ensureLoaded(first, last) {
        const { total, status } = get();
        if (status !== 'ready' || total === 0) return;
        const firstPage = Math.max(0, Math.floor(first / inboxPageSize));
        const lastPage = Math.min(
          Math.floor((total - 1) / inboxPageSize),
          Math.floor(Math.max(first, last) / inboxPageSize),
        );
        for (let page = firstPage; page <= lastPage; page += 1) {
          if (askedPages.has(page)) continue;
          askedPages.add(page);
          runInBackground('Loading the notices', loadPage(page, generation), report);
        }
      },

      async select(id) {
        const request = ++latestSelect;
        if (id === null) {
          set({ selectedId: null, selected: null });
          return;
        }
        const listed = get().items.find((item) => item?.id === id) ?? null;
        set({ selectedId: id, selected: listed });
        try {
          const item = await bridge.invoke('inbox.get', { id });
          if (request === latestSelect) replaceItem(item);
        } catch (error) {
          report('The notice could not be opened.', error);
        }
      },

      async markRead(id, isRead) {
        try {
          replaceItem(await bridge.invoke('inbox.markRead', { id, isRead }));
          set({ announcement: isRead ? 'Marked as read.' : 'Marked as unread.' });
        } catch (error) {
          report(isRead ? 'The notice was not marked as read.' : 'The notice was not marked as unread.', error);
        }
      },

      async importFiles(files) {
        if (files.length === 0) return;
        set({ isImporting: true, importSummary: null });
        let summary = emptySummary;
        for (const file of files) {
          try {
            const bytes = new Uint8Array(await file.arrayBuffer());
            summary = addSummary(summary, await bridge.invoke('inbox.importFile', { name: file.name, bytes }));
          } catch (error) {
            summary = addSummary(summary, {
              ...emptySummary,
              setAside: [{ name: file.name, reason: describeError(error) }],
            });
          }
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
        try {
          replaceItem(await bridge.invoke('inbox.fetchDocument', { id, number }));
        } catch (error) {
          report('The free look was not tried again.', error);
        }
      },

      async buyDocument(id, number, acceptsFeeCents) {
        try {
          const item = await bridge.invoke('inbox.buyDocument', { id, number, acceptsFeeCents });
          replaceItem(item);
          set({ announcement: 'Bought the document; it is saved.' });
          return { ok: true, value: item };
        } catch (error) {
          return { ok: false, message: describeError(error) };
        }
      },

      async exportDeadlines() {
        try {
          return await bridge.invoke('inbox.exportDeadlines', {});
        } catch (error) {
          report('The deadlines could not be exported.', error);
          return null;
        }
      },

      readDocument(key) {
        // The key is "<notice id>:<document number>", so the preview can cache each document on its own.
        const at = key.lastIndexOf(':');
        return bridge.invoke('inbox.documentContent', { id: key.slice(0, at), number: key.slice(at + 1) });
      },

      async loadMailboxes() {
        try {
          set({ mailboxes: await bridge.invoke('mailboxes.list', {}), mailboxesStatus: 'ready' });
        } catch (error) {
          report('The mailboxes could not be listed.', error);
          if (get().mailboxesStatus === 'loading') set({ mailboxesStatus: 'failed' });
        }
      },

      async saveMailbox(input) {
        try {
          const saved = await bridge.invoke('mailboxes.save', input);
          set({ mailboxes: upsert(get().mailboxes, saved), announcement: `Saved the mailbox ${saved.user}.` });
          return { ok: true, value: saved };
        } catch (error) {
          return { ok: false, message: describeError(error) };
        }
      },

      async removeMailbox(id) {
        const removed = get().mailboxes.find((each) => each.id === id);
        if (!removed) return false;
        try {
          await bridge.invoke('mailboxes.remove', { id });
          set({
            mailboxes: get().mailboxes.filter((each) => each.id !== id),
            announcement: `Removed the mailbox ${removed.user}.`,
          });
          return true;
        } catch (error) {
          report(`The mailbox ${removed.user} was not removed.`, error);
          return false;
        }
      },

      async syncMailbox(id) {
        set({
          mailboxes: get().mailboxes.map((each) => (each.id === id ? { ...each, state: 'syncing' as const } : each)),
        });
        try {
          const synced = await bridge.invoke('mailboxes.sync', { id });
          set({ mailboxes: upsert(get().mailboxes, synced), announcement: `Read new mail from ${synced.user}.` });
        } catch (error) {
          report('The mailbox was not read.', error);
          await get().loadMailboxes();
        }
      },
    };
  });
}
