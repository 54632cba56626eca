import { createStore, type StoreApi } from 'zustand/vanilla';
import { arrangeDocuments, type DocumentsChange } from '../../src-main/shared/arrange-documents';
import type { CaseParty, CourtCase, Draft, DraftChanges, DraftReview } from '../../src-main/shared/filing';
import type { RecordView } from '../../src-main/shared/filing-record';
import type { InboxItem } from '../../src-main/shared/inbox';
import { BridgeError, type Bridge } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { inBackgroundReportingTo } from './background';
import { attempt, reportingTo, type Attempt, type FailureTitle } from './attempt';
import { messageForUser } from './message-for-user';
import type { DocumentsStore, ListStatus } from './documents-store';
import { createLatestRequest, type RequestTicket } from './latest-request';
import { upsert } from './upsert';

/** Whether the open draft's latest change is saved: shown quietly beside the wizard's title. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Said when a case search needs a court session first. */
export const caseSearchNeedsLoginMessage = "Log in on the Accounts screen to search the court's cases.";

/** The Filings screen's state: the drafts and outbox items, the draft open in the wizard, and the actions on them. */
export interface FilingsState {
  readonly status: ListStatus;
  readonly drafts: readonly Draft[];
  /** The draft open in the wizard with what the court's rules say about it; null on the list. */
  readonly open: DraftReview | null;
  readonly saveState: SaveState;
  /** The latest sentence for screen readers (read by a polite live region). */
  readonly announcement: string;
  /** The open draft's certificate of service is being made. */
  readonly isMakingCertificate: boolean;
  /** The open draft is being handed to the outbox: a second press waits for the first (it is filed once). */
  readonly isSubmitting: boolean;

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
  /**
   * One change to the open draft's documents (arrange-documents.ts), shown at once and applied by main to the
   * documents as they are when it arrives, so a certificate of service made meanwhile is not lost.
   */
  arrangeDocuments(change: DocumentsChange): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** The package file of a draft for the hand-off to another desktop; null when it could not be made (the banner says why). */
  exportDraft(id: string): Promise<Uint8Array | null>;
  /** The court's NEF receipt page kept with a submitted filing; null when none was kept or it could not be read. */
  receipt(id: string): Promise<string | null>;
  /** The court page a filing that needs attention stopped at, redacted; null when none was kept or it could not be read. */
  stoppedPage(id: string): Promise<string | null>;
  /** The inbox's notice of a submitted or filed draft's docket entry, or null when the inbox holds none (FAQ 28). */
  findNotice(draft: Draft): Promise<Attempt<InboxItem | null>>;
  importDraft(file: File): Promise<void>;
  /** Searches the court's cases; a missing session is answered with the words to show beside the search box. */
  findCases(query: string): Promise<Attempt<readonly CourtCase[]>>;
  /** Sets the open draft's case, then reads its parties from the court. */
  chooseCase(courtCase: CourtCase): Promise<void>;
  /**
   * Adds PDFs through the Documents store (which shows their progress, marked with the draft) and appends each to the
   * open draft once it is stored (the first becomes the main document).
   */
  addPdfs(files: readonly File[]): Promise<void>;
  /**
   * The logged-in filer signs the open draft as it is now (FAQ 35), with the name and role the signature carries;
   * whether main signed it (a refusal shows in the banner).
   */
  sign(name: string, role: string): Promise<boolean>;
  /** Takes the open draft's signature back. */
  unsign(): Promise<void>;
  /**
   * Hands the signed open draft to the outbox: sent now, or queued until the court is reachable; with `signAs`, the
   * logged-in filer signs it first (FAQ 35) and it goes only if the signature was given. A press while one is on its
   * way does nothing, and main's "already in the outbox" for this filing is its status, not a failure.
   */
  submit(sendNow: boolean, signAs?: { readonly name: string; readonly role: string }): Promise<void>;
  retry(id: string): Promise<void>;
  withdraw(id: string): Promise<void>;
  /** Sends a filing held as late anyway, today (FAQ 27). */
  sendLate(id: string): Promise<void>;
  /** The signing attorney confirms the docket text the court's final-text page showed; the filing then goes on. */
  confirmDocketText(id: string, docketText: string): Promise<void>;
  /** A filing's record and whether it verifies (docs/architecture.md#the-filing-record); null when it could not be read. */
  record(id: string): Promise<RecordView | null>;
  /** The record as a JSON file or a PDF report; null when it could not be made (the banner says why). */
  exportRecord(id: string, format: 'json' | 'pdf'): Promise<Uint8Array | null>;
  /** FAQ 38: makes the open draft's certificate of service (again) and attaches it; a refusal shows in the banner. */
  makeCertificateOfService(): Promise<void>;
}

/** A store of the Filings screen's state. */
export type FilingsStore = StoreApi<FilingsState>;

/** Creates the Filings screen's store (drafts are listed newest first); the documents store is told when the wizard adds PDFs. */
export function createFilingsStore(bridge: Bridge, alerts: AlertsStore, documents: DocumentsStore): FilingsStore {
  const tryOrReport = reportingTo(alerts);
  const inBackground = inBackgroundReportingTo(alerts);
  /** Only the answer to the latest list request counts, whatever order the answers come in. */
  const loads = createLatestRequest();
  /** Every request that answers with the open draft, so a slow answer cannot replace a newer change. */
  const reviews = createLatestRequest();
  let pendingSaves = 0;
  /** The draft the wizard closed last, until another opens: a text field that saves as it goes away saves to it. */
  let justClosed: string | null = null;
  /** A change (a document's check finishing) arrived while a save was under way: read the draft again once saves end. */
  let isReloadOwed = false;

  return createStore<FilingsState>()((set, get) => {
    /** Shows a review of the open draft if it is still the newest word on it, and keeps the list row in step. */
    const showReview = (request: RequestTicket, review: DraftReview): void => {
      set({ drafts: upsert(get().drafts, review.draft, 'start') });
      if (request.isLatest() && get().open?.draft.id === review.draft.id) {
        set({ open: review });
      }
    };

    const reloadOpen = async (): Promise<void> => {
      const open = get().open;
      if (!open) {
        return;
      }
      // A save's answer would replace what is read now, and it may have been computed before the change: read after it.
      if (pendingSaves > 0) {
        isReloadOwed = true;
        return;
      }
      isReloadOwed = false;
      const request = reviews.begin();
      await tryOrReport(
        () => (request.isLatest() ? 'The open filing could not be read again.' : null),
        async () => showReview(request, await bridge.invoke('drafts.get', { id: open.draft.id })),
      );
    };

    /**
     * Runs a change whose answer replaces the open draft (a save, the certificate of service) as a save: a read asked
     * for meanwhile may predate the change yet win as the latest request, so it waits and runs once saves end.
     */
    const asSave = async <T>(change: () => Promise<T>): Promise<T> => {
      pendingSaves += 1;
      try {
        return await change();
      } finally {
        pendingSaves -= 1;
        if (pendingSaves === 0 && isReloadOwed) {
          inBackground('Reading the filing again', reloadOpen());
        }
      }
    };

    /** Shows the open draft as `shown` at once (the wizard answers the hand before main does), then saves it with `send`. */
    const save = async (shown: Draft, send: (id: string) => Promise<DraftReview>): Promise<void> => {
      const open = get().open;
      if (!open) {
        return;
      }
      set({ open: { ...open, draft: shown }, saveState: 'saving' });
      const request = reviews.begin();
      const saved = await asSave(() =>
        tryOrReport('The change to the filing was not saved.', async () => {
          showReview(request, await send(shown.id));
          if (request.isLatest()) {
            set({ saveState: 'saved' });
          }
        }),
      );
      if (!saved.ok) {
        set({ saveState: 'failed' });
      }
    };

    /**
     * Runs a signature or an outbox action on a draft; the answer replaces the open draft when it is the one shown.
     * Whether main did it: a read of the draft asked for meanwhile may be the one shown, so ask this, not the store.
     */
    const runOutbox = async (
      draftId: string,
      action: () => Promise<DraftReview>,
      failure: FailureTitle,
      done: string,
    ): Promise<boolean> => {
      const request = reviews.begin();
      const outcome = await tryOrReport(failure, async () => {
        showReview(request, await action());
        set({ announcement: done });
      });
      if (!outcome.ok && get().open?.draft.id === draftId) {
        inBackground('Reading the filing again', reloadOpen());
      }
      return outcome.ok;
    };

    /** `runOutbox` on the open draft, if one is open. */
    const runOnOpen = async (
      action: (draftId: string) => Promise<DraftReview>,
      failure: FailureTitle,
      done: string,
    ): Promise<boolean> => {
      const draftId = get().open?.draft.id;
      return draftId !== undefined && (await runOutbox(draftId, () => action(draftId), failure, done));
    };

    return {
      status: 'loading',
      drafts: [],
      open: null,
      saveState: 'idle',
      announcement: '',
      isMakingCertificate: false,
      isSubmitting: false,

      connect() {
        const stopDrafts = bridge.on('drafts.changed', ({ id }) => {
          inBackground('Reading the filings', get().load());
          if (id === null || id === get().open?.draft.id) {
            inBackground('Reading the filing again', reloadOpen());
          }
        });
        // A document's check finishing can make the open draft ready to file.
        const stopDocuments = bridge.on('documents.changed', () =>
          inBackground('Reading the filing again', reloadOpen()),
        );
        inBackground('Reading the filings', get().load());
        return () => {
          stopDrafts();
          stopDocuments();
        };
      },

      async load() {
        const request = loads.begin();
        const loaded = await tryOrReport(
          () => (request.isLatest() ? 'The list of filings could not be loaded.' : null),
          () => bridge.invoke('drafts.list', {}),
        );
        if (!request.isLatest()) {
          return;
        }
        if (loaded.ok) {
          set({ drafts: loaded.value, status: 'ready' });
        } else if (get().status === 'loading') {
          set({ status: 'failed' });
        }
      },

      async create() {
        const created = await tryOrReport('A new filing could not be started.', async () => {
          const draft = await bridge.invoke('drafts.create', {});
          set({ drafts: upsert(get().drafts, draft, 'start'), announcement: 'Started a new filing.' });
          await get().openDraft(draft.id);
          return draft;
        });
        return created.ok ? created.value : null;
      },

      async createInterventionPackage() {
        await tryOrReport('The Motion to Intervene package could not be started.', async () => {
          const created = await bridge.invoke('drafts.createInterventionPackage', {});
          let drafts = get().drafts;
          for (const draft of [...created].reverse()) {
            drafts = upsert(drafts, draft, 'start');
          }
          set({ drafts, announcement: `Started a Motion to Intervene package of ${created.length} filings.` });
        });
      },

      async openDraft(id) {
        const request = reviews.begin();
        await tryOrReport('The filing could not be opened.', async () => {
          const review = await bridge.invoke('drafts.get', { id });
          if (request.isLatest()) {
            set({ open: review, saveState: 'idle', drafts: upsert(get().drafts, review.draft, 'start') });
          }
        });
      },

      close() {
        reviews.supersede();
        justClosed = get().open?.draft.id ?? null;
        set({ open: null, saveState: 'idle' });
      },

      async update(changes) {
        const open = get().open;
        if (open) {
          await save({ ...open.draft, ...changes } as Draft, (id) => bridge.invoke('drafts.update', { id, changes }));
          return;
        }
        // A field still waiting to save when the wizard closed saves as it goes away: to the draft just closed.
        const id = justClosed;
        if (id !== null) {
          await tryOrReport('The change to the filing was not saved.', async () => {
            const review = await bridge.invoke('drafts.update', { id, changes });
            set({ drafts: upsert(get().drafts, review.draft, 'start') });
          });
        }
      },

      async arrangeDocuments(change) {
        const open = get().open;
        if (open) {
          const documents = arrangeDocuments(open.draft.documents, change);
          await save({ ...open.draft, documents }, (id) => bridge.invoke('drafts.arrangeDocuments', { id, change }));
        }
      },

      async remove(id) {
        const deleted = await tryOrReport('The filing was not deleted.', async () => {
          await bridge.invoke('drafts.delete', { id });
          set({ drafts: get().drafts.filter((each) => each.id !== id), announcement: 'Deleted the filing.' });
          if (get().open?.draft.id === id) {
            get().close();
          }
        });
        return deleted.ok;
      },

      async exportDraft(id) {
        const exported = await tryOrReport('The filing could not be exported.', () =>
          bridge.invoke('drafts.export', { id }),
        );
        return exported.ok ? exported.value : null;
      },

      async receipt(id) {
        const read = await tryOrReport('The court’s receipt could not be read.', () =>
          bridge.invoke('outbox.receipt', { draftId: id }),
        );
        return read.ok ? read.value.html : null;
      },

      async stoppedPage(id) {
        const read = await tryOrReport('The court page the filing stopped at could not be read.', () =>
          bridge.invoke('outbox.stoppedPage', { draftId: id }),
        );
        return read.ok ? read.value.html : null;
      },

      findNotice: (draft) =>
        attempt(async () => {
          const { case: courtCase, outbox } = draft;
          if (courtCase === null || outbox === null || outbox.deSeqNum === null) {
            return null;
          }
          const { items } = await bridge.invoke('inbox.list', { caseNumber: courtCase.caseNumber, limit: 500 });
          const entry = String(outbox.deSeqNum);
          const caseId = String(courtCase.caseId);
          return items.find((item) => item.deSeqNum === entry && (item.caseId ?? caseId) === caseId) ?? null;
        }),

      async importDraft(file) {
        await tryOrReport(`${file.name} was not imported.`, async () => {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const draft = await bridge.invoke('drafts.import', { name: file.name, bytes });
          set({ drafts: upsert(get().drafts, draft, 'start'), announcement: `Imported ${file.name}.` });
          inBackground('Reading the documents', documents.getState().load());
        });
      },

      findCases: (query) =>
        attempt(
          () => bridge.invoke('court.findCases', { query }),
          (error) =>
            error instanceof BridgeError && error.code === 'session.none'
              ? caseSearchNeedsLoginMessage
              : messageForUser(error),
        ),

      async chooseCase(courtCase) {
        // Another case has other parties; the same case chosen again only reads its parties afresh.
        const isSameCase = get().open?.draft.case?.caseId === courtCase.caseId;
        await get().update(isSameCase ? { case: courtCase } : { case: courtCase, parties: [], filerPartyIds: [] });
        const read = await tryOrReport(`The parties of ${courtCase.caseNumber} could not be read from the court.`, () =>
          bridge.invoke('court.caseParties', { caseId: courtCase.caseId }),
        );
        if (!read.ok) {
          return;
        }
        const parties: CaseParty[] = read.value;
        const draft = get().open?.draft;
        if (draft?.case?.caseId !== courtCase.caseId) {
          return;
        }
        await get().update({
          parties,
          filerPartyIds: draft.filerPartyIds.filter((id) => parties.some((party) => party.id === id)),
        });
        set({ announcement: `Chose ${courtCase.caseNumber}, ${courtCase.caption}. ${parties.length} parties.` });
      },

      async addPdfs(files) {
        await documents.getState().addFiles(files, {
          draftId: get().open?.draft.id ?? null,
          added: async (record) => {
            await get().arrangeDocuments({ kind: 'attach', documentIds: [record.id] });
            set({ announcement: `Added ${record.name}.` });
          },
        });
      },

      async sign(name, role) {
        return runOnOpen(
          (id) => bridge.invoke('drafts.sign', { id, name, role }),
          'The filing was not signed.',
          'Signed. Any change to what is signed takes the signature back.',
        );
      },

      async unsign() {
        await runOnOpen(
          (id) => bridge.invoke('drafts.unsign', { id }),
          'The signature was not taken back.',
          'The signature is taken back.',
        );
      },

      async submit(sendNow, signAs) {
        if (get().isSubmitting) {
          return;
        }
        set({ isSubmitting: true });
        try {
          // Refused (the banner says why): nothing unsigned is handed over.
          if (signAs && !(await get().sign(signAs.name, signAs.role))) {
            return;
          }
          // An earlier press already handed this filing over: nothing failed, and the draft read again shows its status.
          await runOnOpen(
            (draftId) => bridge.invoke('outbox.submit', { draftId, sendNow }),
            (error) =>
              error instanceof BridgeError && error.code === 'filing.already-queued'
                ? null
                : 'The filing was not handed to the outbox.',
            sendNow
              ? 'Sending the filing to the court.'
              : 'The filing waits in the outbox until the court is reachable.',
          );
        } finally {
          set({ isSubmitting: false });
        }
      },

      async retry(id) {
        await runOutbox(
          id,
          () => bridge.invoke('outbox.retry', { draftId: id }),
          'The filing was not tried again.',
          'Trying the filing again.',
        );
      },

      async sendLate(id) {
        await runOutbox(
          id,
          () => bridge.invoke('outbox.sendLate', { draftId: id }),
          'The filing was not sent.',
          'Sending the filing, late, as you asked.',
        );
      },

      async confirmDocketText(id, docketText) {
        await runOutbox(
          id,
          () => bridge.invoke('outbox.confirmDocketText', { draftId: id, docketText }),
          'The docket text was not confirmed.',
          'Docket text confirmed: filing it now.',
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

      async record(id) {
        const read = await tryOrReport('The filing record could not be read.', () =>
          bridge.invoke('record.get', { draftId: id }),
        );
        return read.ok ? read.value : null;
      },

      async exportRecord(id, format) {
        const exported = await tryOrReport('The filing record could not be exported.', () =>
          bridge.invoke('record.export', { draftId: id, format }),
        );
        return exported.ok ? exported.value : null;
      },

      async makeCertificateOfService() {
        const open = get().open;
        if (!open || get().isMakingCertificate) {
          return;
        }
        const request = reviews.begin();
        set({ isMakingCertificate: true });
        // Making the PDF takes a while, and a document's check may finish meanwhile: it counts as a save.
        await asSave(() =>
          tryOrReport('The certificate of service was not made.', async () => {
            showReview(request, await bridge.invoke('drafts.makeCertificateOfService', { id: open.draft.id }));
            set({ announcement: 'Made the certificate of service and attached it.' });
          }),
        );
        set({ isMakingCertificate: false });
      },
    };
  });
}
