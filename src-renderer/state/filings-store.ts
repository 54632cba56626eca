import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  CaseParty,
  CourtCase,
  Draft,
  DraftChanges,
  DraftDocument,
  DraftReview,
} from '../../src-main/shared/filing';
import { BridgeError, type Bridge } from '../create-bridge';
import type { Attempt } from './accounts-store';
import { describeError } from './describe-error';
import type { DocumentsStore, ListStatus } from './documents-store';
import type { NoticesStore } from './notices-store';
import { runInBackground } from './background';

/** Whether the open draft's latest change is saved: shown quietly beside the wizard's title. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** A PDF being added from the wizard, until main has stored it. */
export interface AddingPdf {
  readonly jobId: string;
  readonly name: string;
  /** How much of the file has been sent, from 0 to 1. */
  readonly fraction: number;
}

/** Said when a case search needs a court session first. */
export const caseSearchNeedsLoginMessage = "Log in on the Accounts screen to search the court's cases.";

/** The Filings screen's state: the drafts and outbox items, the draft open in the wizard, and the actions on them. */
export interface FilingsState {
  readonly status: ListStatus;
  readonly drafts: readonly Draft[];
  /** The draft open in the wizard with what the court's rules say about it; null on the list. */
  readonly open: DraftReview | null;
  readonly saveState: SaveState;
  readonly adding: readonly AddingPdf[];
  /** The latest sentence for screen readers (read by a polite live region). */
  readonly announcement: string;

  /** Loads the list and follows main's draft and document events; returns the function that stops following. */
  connect(): () => void;
  load(): Promise<void>;
  /** Starts a new filing and opens it. */
  create(): Promise<Draft | null>;
  /** FAQ 41: creates the five drafts of a Motion to Intervene, filed in order. */
  createInterventionPackage(): Promise<void>;
  /** Opens a draft in the wizard. */
  openDraft(id: string): Promise<void>;
  /** Back to the list. */
  close(): void;
  /** Saves a change to the open draft at once; the wizard shows it before main answers. */
  update(changes: DraftChanges): Promise<void>;
  /** Changes one document of the open draft, applied to the draft as it is when the change is saved (not as it was when typing began). */
  updateDocument(documentId: string, changes: Partial<DraftDocument>): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** The package file of a draft for the hand-off to another desktop; null when it could not be made (the banner says why). */
  exportDraft(id: string): Promise<Uint8Array | null>;
  /** The court's NEF receipt page kept with a submitted filing; null when none was kept or it could not be read. */
  receipt(id: string): Promise<string | null>;
  importDraft(file: File): Promise<void>;
  /** Searches the court's cases; a missing session is answered with the words to show beside the search box. */
  findCases(query: string): Promise<Attempt<readonly CourtCase[]>>;
  /** Sets the open draft's case, then reads its parties from the court. */
  chooseCase(courtCase: CourtCase): Promise<void>;
  /** Uploads PDFs to the document store and appends them to the open draft (the first becomes the main document). */
  addPdfs(files: readonly File[]): Promise<void>;
  /** Signs and hands the open draft to the outbox: sent now, or queued until the court is reachable. */
  submit(sendNow: boolean): Promise<void>;
  retry(id: string): Promise<void>;
  withdraw(id: string): Promise<void>;
}

/** A store of the Filings screen's state. */
export type FilingsStore = StoreApi<FilingsState>;

/** Replaces a draft with the same id, or adds it at the start (newest first). */
function upsert(drafts: readonly Draft[], saved: Draft): Draft[] {
  return drafts.some((each) => each.id === saved.id)
    ? drafts.map((each) => (each.id === saved.id ? saved : each))
    : [saved, ...drafts];
}

/** Creates the Filings screen's store; the documents store is told when the wizard adds PDFs. */
export function createFilingsStore(bridge: Bridge, notices: NoticesStore, documents: DocumentsStore): FilingsStore {
  const report = (title: string, error: unknown): void => notices.getState().report(title, error);
  let latestLoad = 0;
  /** Counts every request that answers with the open draft, so a slow answer cannot replace a newer change. */
  let latestReview = 0;
  let pendingSaves = 0;
  /** A change (a document's check finishing) arrived while a save was under way: read the draft again once saves end. */
  let isReloadOwed = false;

  return createStore<FilingsState>()((set, get) => {
    /** Shows a review of the open draft if it is still the newest word on it, and keeps the list row in step. */
    const showReview = (request: number, review: DraftReview): void => {
      set({ drafts: upsert(get().drafts, review.draft) });
      if (request === latestReview && get().open?.draft.id === review.draft.id) set({ open: review });
    };

    const reloadOpen = async (): Promise<void> => {
      const open = get().open;
      if (!open) return;
      // A save's answer would replace what is read now, and it may have been computed before the change: read after it.
      if (pendingSaves > 0) {
        isReloadOwed = true;
        return;
      }
      isReloadOwed = false;
      const request = ++latestReview;
      try {
        showReview(request, await bridge.invoke('drafts.get', { id: open.draft.id }));
      } catch (error) {
        if (request === latestReview) report('The open filing could not be read again.', error);
      }
    };

    /** Runs an outbox action on a draft; the answer replaces the open draft when it is the one shown. */
    const runOutbox = async (
      draftId: string,
      action: () => Promise<DraftReview>,
      failure: string,
      done: string,
    ): Promise<void> => {
      const request = ++latestReview;
      try {
        const review = await action();
        showReview(request, review);
        set({ announcement: done });
      } catch (error) {
        report(failure, error);
        if (get().open?.draft.id === draftId) {
          runInBackground('Reloading the filing', reloadOpen(), report);
        }
      }
    };

    return {
      status: 'loading',
      drafts: [],
      open: null,
      saveState: 'idle',
      adding: [],
      announcement: '',

      connect() {
        const stopDrafts = bridge.on('drafts.changed', ({ id }) => {
          runInBackground('Loading the filings', get().load(), report);
          if (id === null || id === get().open?.draft.id) {
            runInBackground('Reloading the filing', reloadOpen(), report);
          }
        });
        // A document's check finishing can make the open draft ready to file.
        const stopDocuments = bridge.on('documents.changed', () =>
          runInBackground('Reloading the filing', reloadOpen(), report),
        );
        runInBackground('Loading the filings', get().load(), report);
        return () => {
          stopDrafts();
          stopDocuments();
        };
      },

      async load() {
        const request = ++latestLoad;
        try {
          const drafts = await bridge.invoke('drafts.list', {});
          if (request === latestLoad) set({ drafts, status: 'ready' });
        } catch (error) {
          if (request !== latestLoad) return;
          report('The list of filings could not be loaded.', error);
          if (get().status === 'loading') set({ status: 'failed' });
        }
      },

      async create() {
        try {
          const draft = await bridge.invoke('drafts.create', {});
          set({ drafts: upsert(get().drafts, draft), announcement: 'Started a new filing.' });
          await get().openDraft(draft.id);
          return draft;
        } catch (error) {
          report('A new filing could not be started.', error);
          return null;
        }
      },

      async createInterventionPackage() {
        try {
          const created = await bridge.invoke('drafts.createInterventionPackage', {});
          let drafts = get().drafts;
          for (const draft of [...created].reverse()) drafts = upsert(drafts, draft);
          set({ drafts, announcement: `Started a Motion to Intervene package of ${created.length} filings.` });
        } catch (error) {
          report('The Motion to Intervene package could not be started.', error);
        }
      },

      async openDraft(id) {
        const request = ++latestReview;
        try {
          const review = await bridge.invoke('drafts.get', { id });
          if (request !== latestReview) return;
          set({ open: review, saveState: 'idle', drafts: upsert(get().drafts, review.draft) });
        } catch (error) {
          report('The filing could not be opened.', error);
        }
      },

      close() {
        latestReview += 1;
        set({ open: null, saveState: 'idle' });
      },

      async update(changes) {
        const open = get().open;
        if (!open) return;
        const id = open.draft.id;
        // The wizard shows the change at once; main's answer (with the checks) follows.
        set({ open: { ...open, draft: { ...open.draft, ...changes } as Draft }, saveState: 'saving' });
        const request = ++latestReview;
        pendingSaves += 1;
        try {
          const review = await bridge.invoke('drafts.update', { id, changes });
          showReview(request, review);
          if (request === latestReview) set({ saveState: 'saved' });
        } catch (error) {
          report('The change to the filing was not saved.', error);
          set({ saveState: 'failed' });
        } finally {
          pendingSaves -= 1;
          if (pendingSaves === 0 && isReloadOwed) {
            runInBackground('Reloading the filing', reloadOpen(), report);
          }
        }
      },

      async updateDocument(documentId, changes) {
        const open = get().open;
        if (!open) return;
        await get().update({
          documents: open.draft.documents.map((document) =>
            document.documentId === documentId ? { ...document, ...changes } : document,
          ),
        });
      },

      async remove(id) {
        try {
          await bridge.invoke('drafts.delete', { id });
          set({ drafts: get().drafts.filter((each) => each.id !== id), announcement: 'Deleted the filing.' });
          if (get().open?.draft.id === id) get().close();
          return true;
        } catch (error) {
          report('The filing was not deleted.', error);
          return false;
        }
      },

      async exportDraft(id) {
        try {
          return await bridge.invoke('drafts.export', { id });
        } catch (error) {
          report('The filing could not be exported.', error);
          return null;
        }
      },

      async receipt(id) {
        try {
          return (await bridge.invoke('outbox.receipt', { draftId: id })).html;
        } catch (error) {
          report('The court’s receipt could not be read.', error);
          return null;
        }
      },

      async importDraft(file) {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const draft = await bridge.invoke('drafts.import', { name: file.name, bytes });
          set({ drafts: upsert(get().drafts, draft), announcement: `Imported ${file.name}.` });
          runInBackground('Loading the documents', documents.getState().load(), report);
        } catch (error) {
          report(`${file.name} was not imported.`, error);
        }
      },

      async findCases(query) {
        try {
          return { ok: true, value: await bridge.invoke('court.findCases', { query }) };
        } catch (error) {
          if (error instanceof BridgeError && error.code === 'session.none')
            return { ok: false, message: caseSearchNeedsLoginMessage };
          return { ok: false, message: describeError(error) };
        }
      },

      async chooseCase(courtCase) {
        // Another case has other parties; the same case chosen again only reads its parties afresh.
        const isSameCase = get().open?.draft.case?.caseId === courtCase.caseId;
        await get().update(isSameCase ? { case: courtCase } : { case: courtCase, parties: [], filerPartyIds: [] });
        let parties: CaseParty[];
        try {
          parties = await bridge.invoke('court.caseParties', { caseId: courtCase.caseId });
        } catch (error) {
          report(`The parties of ${courtCase.caseNumber} could not be read from the court.`, error);
          return;
        }
        const draft = get().open?.draft;
        if (draft?.case?.caseId !== courtCase.caseId) return;
        await get().update({
          parties,
          filerPartyIds: draft.filerPartyIds.filter((id) => parties.some((party) => party.id === id)),
        });
        set({ announcement: `Chose ${courtCase.caseNumber}, ${courtCase.caption}. ${parties.length} parties.` });
      },

      async addPdfs(files) {
        for (const file of files) {
          const jobId = crypto.randomUUID();
          set({ adding: [...get().adding, { jobId, name: file.name, fraction: 0 }] });
          try {
            const bytes = new Uint8Array(await file.arrayBuffer());
            const record = await bridge.invoke(
              'documents.add',
              { jobId, name: file.name, bytes },
              {
                onUploadProgress: (fraction) =>
                  set({ adding: get().adding.map((job) => (job.jobId === jobId ? { ...job, fraction } : job)) }),
              },
            );
            const open = get().open;
            if (open) {
              const isFirst = open.draft.documents.length === 0;
              const added = {
                documentId: record.id,
                type: isFirst ? ('main' as const) : ('exhibit' as const),
                description: '',
              };
              await get().update({ documents: [...open.draft.documents, added] });
            }
            set({ announcement: `Added ${record.name}.` });
          } catch (error) {
            report(`${file.name} was not added.`, error);
          } finally {
            set({ adding: get().adding.filter((job) => job.jobId !== jobId) });
          }
        }
        await documents.getState().load();
      },

      async submit(sendNow) {
        const open = get().open;
        if (!open) return;
        const draftId = open.draft.id;
        await runOutbox(
          draftId,
          () => bridge.invoke('outbox.submit', { draftId, confirmsSignature: true, sendNow }),
          'The filing was not handed to the outbox.',
          sendNow ? 'Sending the filing to the court.' : 'The filing waits in the outbox until the court is reachable.',
        );
      },

      async retry(id) {
        await runOutbox(
          id,
          () => bridge.invoke('outbox.retry', { draftId: id }),
          'The filing was not tried again.',
          'Trying the filing again.',
        );
      },

      async withdraw(id) {
        await runOutbox(
          id,
          () => bridge.invoke('outbox.withdraw', { draftId: id }),
          'The filing was not taken out of the outbox.',
          'Took the filing out of the outbox. It is a draft again.',
        );
      },
    };
  });
}
