import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AddPhase,
  AddProgress,
  AnnotationsToDrop,
  DocumentPreflightProgress,
  DocumentRecord,
} from '../../src-main/shared/domain';
import type { FixId, PreflightProgress } from '../../src-main/shared/preflight';
import { announceReport } from '../format/describe-preflight';
import { BridgeError, type Bridge } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { inBackgroundReportingTo } from './background';
import { reportingTo } from './attempt';
import { createLatestRequest, type RequestTicket } from './latest-request';
import type { DocumentsSort } from './sort-documents';
import { upsert } from './upsert';

/** Where one file stands while it is being added: queued here, or in one of main's phases. */
export type AddJobPhase = 'waiting' | Exclude<AddPhase, 'done'>;

/** A file being added, shown as a progress row until main is done with it. */
export interface AddJob {
  readonly jobId: string;
  readonly name: string;
  readonly phase: AddJobPhase;
  /** How far the current phase is, from 0 to 1. */
  readonly fraction: number;
  /** The draft the file goes into, when the filing wizard added it. */
  readonly draftId: string | null;
}

/** Where files added from the filing wizard go once they are stored. */
export interface AddingToDraft {
  /** The draft the wizard has open, or null when none is. */
  readonly draftId: string | null;
  /** Puts a stored file into the draft; the next file waits until it has. */
  added(record: DocumentRecord): Promise<void>;
}

/** Whether the list has been read from main yet. */
export type ListStatus = 'loading' | 'ready' | 'failed';

/** The Documents screen's state and the actions that change it. */
export interface DocumentsState {
  readonly status: ListStatus;
  /** The documents as main keeps them; the screen orders them with `sortDocuments`. */
  readonly documents: readonly DocumentRecord[];
  readonly sort: DocumentsSort;
  readonly jobs: readonly AddJob[];
  /** The document just removed, while its undo is still offered. */
  readonly lastRemoved: DocumentRecord | null;
  /** The latest sentence for screen readers (read by a polite live region). */
  readonly announcement: string;
  /** How far each running check is, by document id, as main last reported it. */
  readonly checkProgress: Readonly<Record<string, PreflightProgress>>;
  /** The document whose findings the panel shows, or null when none is selected. */
  readonly selectedId: string | null;
  /** The fixes this window asked for and is waiting on, by document id (main's list says so too, once it is read again). */
  readonly fixing: Readonly<Record<string, FixId>>;

  /** Loads the list and the sort setting and follows main's events; returns the function that stops following. */
  connect(): () => void;
  /** Reads the list again from main. */
  load(): Promise<void>;
  /** Opens the host's file picker and adds what the user chose. */
  chooseAndAdd(): Promise<void>;
  /**
   * Uploads files (dropped, or picked in browser mode) one after another, so only one is held in memory at a time,
   * with a progress row each; the filing wizard says which draft they go into.
   */
  addFiles(files: readonly File[], into?: AddingToDraft): Promise<void>;
  /** Removes a document; resolves whether it was removed. */
  remove(id: string): Promise<boolean>;
  /** Puts back the document just removed. */
  undoRemove(): Promise<void>;
  /** Stops offering undo for a removed document (its toast timed out or was closed). */
  dismissUndo(id: string): void;
  /** Changes the order and saves it as the user's setting. */
  setSort(sort: DocumentsSort): Promise<void>;
  /** Shows a document's findings in the panel (null empties it). */
  select(id: string | null): void;
  /** Runs a document's preflight again. */
  checkAgain(id: string): Promise<void>;
  /** Stops a document's preflight; it is then marked as not checked. */
  cancelCheck(id: string): Promise<void>;
  /** Makes a one-click fix; the new version (or the first part of a split) is then selected, showing the before and after. */
  fix(id: string, fix: FixId, dropAnnotations: AnnotationsToDrop): Promise<void>;
  /** Stops a fix under way; the original stays as it was. */
  cancelFix(id: string): Promise<void>;
  /** Takes back the fix that made a version and selects the original again. */
  undoFix(id: string): Promise<void>;
  /** The stored bytes of a document, for its page preview; a failure is the preview's to show, so it rejects with the bridge's error. */
  readContent(id: string): Promise<Uint8Array>;
}

/** A store of the Documents screen's state. */
export type DocumentsStore = StoreApi<DocumentsState>;

function pagesInWords(pages: number): string {
  return pages === 1 ? '1 page' : `${pages} pages`;
}

/** What a screen reader hears once a file is in the list. */
function describeAdded(record: DocumentRecord): string {
  if (record.problem) {
    return `Added ${record.name}, but it has a problem: ${record.problem.message}`;
  }
  return record.pages === null ? `Added ${record.name}.` : `Added ${record.name}, ${pagesInWords(record.pages)}.`;
}

/** Whether a document's check is waiting or under way. */
function isChecking(record: DocumentRecord): boolean {
  return record.preflight.state === 'waiting' || record.preflight.state === 'running';
}

/** The sentence for the last check that finished between two lists, or null when none did. */
function describeFinishedCheck(before: readonly DocumentRecord[], after: readonly DocumentRecord[]): string | null {
  const wasChecking = new Set(before.filter(isChecking).map((record) => record.id));
  const finished = after.filter((record) => wasChecking.has(record.id) && record.preflight.state === 'done');
  const last = finished.at(-1);
  if (!last || last.preflight.state !== 'done') {
    return null;
  }
  return finished.length === 1
    ? announceReport(last.name, last.preflight.report)
    : `Finished checking ${finished.length} documents.`;
}

/** Progress only for the checks still under way, so a finished one never shows an old page count. */
function progressStillRunning(
  progress: Readonly<Record<string, PreflightProgress>>,
  documents: readonly DocumentRecord[],
): Record<string, PreflightProgress> {
  const running = new Set(
    documents.filter((record) => record.preflight.state === 'running').map((record) => record.id),
  );
  return Object.fromEntries(Object.entries(progress).filter(([id]) => running.has(id)));
}

/** What a screen reader hears when a fix is done. */
function describeFixed(original: DocumentRecord, versions: readonly DocumentRecord[]): string {
  const [first] = versions;
  if (!first) {
    return `${original.name} was fixed.`;
  }
  if (versions.length === 1) {
    return `Made ${first.name}. It replaces ${original.name} in the list and is being checked.`;
  }
  return `Split ${original.name} into ${versions.length} parts. They replace it in the list and are being checked.`;
}

/** Creates the Documents screen's store over a bridge; tests pass a fake bridge, the app the real one. */
export function createDocumentsStore(bridge: Bridge, alerts: AlertsStore): DocumentsStore {
  const tryOrReport = reportingTo(alerts);
  const inBackground = inBackgroundReportingTo(alerts);
  /** Jobs that ended here, so a late progress event cannot bring their row back. */
  const finishedJobs = new Set<string>();
  /** Jobs this window started; the others come from main's own file dialog. */
  const ownJobs = new Set<string>();
  /** Uploads run one at a time, in the order the files arrived. */
  let uploadQueue: Promise<void> = Promise.resolve();
  /** Only the answer to the latest list request counts, whatever order the answers come in. */
  const loads = createLatestRequest();
  /** Once the user picks an order, a slow answer with the saved one must not undo the pick. */
  let hasChosenSort = false;

  return createStore<DocumentsState>()((set, get) => {
    const updateJob = (jobId: string, change: Partial<AddJob>): void => {
      set({ jobs: get().jobs.map((job) => (job.jobId === jobId ? { ...job, ...change } : job)) });
    };

    const finishJob = (jobId: string): void => {
      finishedJobs.add(jobId);
      ownJobs.delete(jobId);
      set({ jobs: get().jobs.filter((job) => job.jobId !== jobId) });
    };

    const followProgress = (progress: AddProgress): void => {
      if (finishedJobs.has(progress.jobId)) {
        return;
      }
      if (progress.phase === 'done') {
        finishJob(progress.jobId);
        return;
      }
      const known = get().jobs.some((job) => job.jobId === progress.jobId);
      if (known) {
        updateJob(progress.jobId, { phase: progress.phase, fraction: progress.fraction });
      } else {
        set({
          jobs: [
            ...get().jobs,
            {
              jobId: progress.jobId,
              name: progress.name,
              phase: progress.phase,
              fraction: progress.fraction,
              draftId: null,
            },
          ],
        });
      }
    };

    /**
     * An answer to an add says how a document stood when main answered; a list read since (a check that ended at once
     * sends `documents.changed`) may be newer than that answer, which has just replaced it: read the list again.
     */
    const readAgainIfNewer = (loadsBefore: RequestTicket): void => {
      if (!loadsBefore.isLatest()) {
        inBackground('Reading the documents', get().load());
      }
    };

    const followCheck = ({ documentId, progress }: DocumentPreflightProgress): void => {
      set({ checkProgress: { ...get().checkProgress, [documentId]: progress } });
    };

    const addOne = async (jobId: string, file: File, into: AddingToDraft | undefined): Promise<void> => {
      updateJob(jobId, { phase: 'uploading', fraction: 0 });
      await tryOrReport(`${file.name} was not added.`, async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const loadsBefore = loads.mark();
        const record = await bridge.invoke(
          'documents.add',
          { jobId, name: file.name, bytes },
          {
            onUploadProgress: (fraction) => {
              // Main's own phases take over once the bytes have arrived.
              if (get().jobs.some((job) => job.jobId === jobId && job.phase === 'uploading')) {
                updateJob(jobId, { fraction });
              }
            },
          },
        );
        set({ documents: upsert(get().documents, record), announcement: describeAdded(record) });
        readAgainIfNewer(loadsBefore);
        await into?.added(record);
      });
      finishJob(jobId);
    };

    return {
      status: 'loading',
      documents: [],
      sort: 'added',
      jobs: [],
      lastRemoved: null,
      announcement: '',
      checkProgress: {},
      selectedId: null,
      fixing: {},

      connect() {
        const stopProgress = bridge.on('documents.progress', followProgress);
        const stopChanges = bridge.on('documents.changed', () => inBackground('Reading the documents', get().load()));
        const stopChecks = bridge.on('documents.preflightProgress', followCheck);
        inBackground('Reading the documents', get().load());
        bridge.invoke('settings.get', {}).then(
          (settings) => {
            if (!hasChosenSort) {
              set({ sort: settings.documentsSort });
            }
          },
          (error: unknown) =>
            alerts
              .getState()
              .report('Your saved sort order could not be read; the newest documents are shown first.', error),
        );
        return () => {
          stopProgress();
          stopChanges();
          stopChecks();
        };
      },

      async load() {
        const request = loads.begin();
        const loaded = await tryOrReport(
          () => (request.isLatest() ? 'The list of documents could not be loaded.' : null),
          () => bridge.invoke('documents.list', {}),
        );
        if (!request.isLatest()) {
          return;
        }
        if (!loaded.ok) {
          // A list already on screen stays; only a first load that failed says so in place of the list.
          if (get().status === 'loading') {
            set({ status: 'failed' });
          }
          return;
        }
        const documents = loaded.value;
        const finished = describeFinishedCheck(get().documents, documents);
        set({
          documents,
          status: 'ready',
          checkProgress: progressStillRunning(get().checkProgress, documents),
          ...(finished ? { announcement: finished } : {}),
        });
      },

      async chooseAndAdd() {
        // The picker is opened before any await so the browser still counts the click or key press as the user's.
        const choosing = bridge.chooseFiles();
        const loadsBefore = loads.mark();
        await tryOrReport('The PDFs were not added.', async () => {
          const result = await choosing;
          if (result.kind === 'files') {
            await get().addFiles(result.files);
            return;
          }
          // Main has finished every file it read; rows its progress events left behind are done too.
          set({ jobs: get().jobs.filter((job) => ownJobs.has(job.jobId)) });
          const [first] = result.records;
          if (!first) {
            return;
          }
          let documents = get().documents;
          for (const record of result.records) {
            documents = upsert(documents, record);
          }
          set({
            documents,
            announcement:
              result.records.length === 1 ? describeAdded(first) : `Added ${result.records.length} documents.`,
          });
          readAgainIfNewer(loadsBefore);
        });
      },

      addFiles(files, into) {
        const [first] = files;
        if (!first) {
          return Promise.resolve();
        }
        const queued = files.map((file) => ({ jobId: crypto.randomUUID(), file }));
        for (const { jobId } of queued) {
          ownJobs.add(jobId);
        }
        set({
          jobs: [
            ...get().jobs,
            ...queued.map(({ jobId, file }) => ({
              jobId,
              name: file.name,
              phase: 'waiting' as const,
              fraction: 0,
              draftId: into?.draftId ?? null,
            })),
          ],
          announcement: files.length === 1 ? `Adding ${first.name}…` : `Adding ${files.length} files…`,
        });
        for (const { jobId, file } of queued) {
          uploadQueue = uploadQueue.then(() => addOne(jobId, file, into));
        }
        return uploadQueue;
      },

      async remove(id) {
        const record = get().documents.find((each) => each.id === id);
        if (!record) {
          return false;
        }
        const removed = await tryOrReport(`${record.name} was not removed.`, async () => {
          await bridge.invoke('documents.remove', { id });
          set({
            documents: get().documents.filter((each) => each.id !== id),
            lastRemoved: record,
            announcement: `Removed ${record.name}. Undo is offered for a few seconds.`,
          });
        });
        return removed.ok;
      },

      async undoRemove() {
        const record = get().lastRemoved;
        if (!record) {
          return;
        }
        set({ lastRemoved: null });
        await tryOrReport(`${record.name} could not be put back.`, async () => {
          const restored = await bridge.invoke('documents.restore', { id: record.id });
          set({ documents: upsert(get().documents, restored), announcement: `Restored ${restored.name}.` });
        });
      },

      dismissUndo(id) {
        if (get().lastRemoved?.id === id) {
          set({ lastRemoved: null });
        }
      },

      select(id) {
        set({ selectedId: id });
      },

      async checkAgain(id) {
        const record = get().documents.find((each) => each.id === id);
        if (!record) {
          return;
        }
        await tryOrReport(`${record.name} was not checked again.`, async () => {
          const checking = await bridge.invoke('documents.preflight', { id });
          set({ documents: upsert(get().documents, checking), announcement: `Checking ${checking.name} again.` });
        });
      },

      async cancelCheck(id) {
        const record = get().documents.find((each) => each.id === id);
        if (!record) {
          return;
        }
        await tryOrReport(`Checking ${record.name} was not stopped.`, async () => {
          const stopped = await bridge.invoke('documents.cancelPreflight', { id });
          set({
            documents: upsert(get().documents, stopped),
            announcement: `Stopped checking ${stopped.name}. It has not been checked.`,
          });
        });
      },

      async fix(id, fix, dropAnnotations) {
        const original = get().documents.find((each) => each.id === id);
        if (!original || get().fixing[id]) {
          return;
        }
        set({ fixing: { ...get().fixing, [id]: fix } });
        await tryOrReport(
          // A cancel is the user's own doing: the row already says the original is unchanged.
          (error) =>
            error instanceof BridgeError && error.code === 'fix.cancelled' ? null : `${original.name} was not fixed.`,
          async () => {
            const versions = await bridge.invoke('documents.fix', { id, fix, dropAnnotations });
            const [first] = versions;
            set({
              announcement: describeFixed(original, versions),
              ...(first && get().selectedId === id ? { selectedId: first.id } : {}),
            });
            await get().load();
          },
        );
        set({ fixing: Object.fromEntries(Object.entries(get().fixing).filter(([fixingId]) => fixingId !== id)) });
      },

      async cancelFix(id) {
        const record = get().documents.find((each) => each.id === id);
        if (!record) {
          return;
        }
        await tryOrReport(`Fixing ${record.name} was not stopped.`, async () => {
          const original = await bridge.invoke('documents.cancelFix', { id });
          set({
            documents: upsert(get().documents, original),
            announcement: `Stopped fixing ${original.name}. It is unchanged.`,
          });
        });
      },

      async undoFix(id) {
        const version = get().documents.find((each) => each.id === id);
        if (!version) {
          return;
        }
        await tryOrReport(`The fix of ${version.fixedFrom?.fromName ?? version.name} was not undone.`, async () => {
          const original = await bridge.invoke('documents.undoFix', { id });
          set({ selectedId: original.id, announcement: `Undid the fix. ${original.name} is back in the list.` });
          await get().load();
        });
      },

      readContent(id) {
        return bridge.invoke('documents.content', { id });
      },

      async setSort(sort) {
        const previous = get().sort;
        if (sort === previous) {
          return;
        }
        hasChosenSort = true;
        set({ sort });
        const saved = await tryOrReport('The new sort order was not saved.', () =>
          bridge.invoke('settings.update', { documentsSort: sort }),
        );
        set({ sort: saved.ok ? saved.value.documentsSort : previous });
      },
    };
  });
}
