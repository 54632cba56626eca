import type { DocumentPreflight } from '../../shared/domain';
import type { PreflightReport } from '../../shared/preflight';
import type { EmitEvent, Preflighter } from '../ports';
import type { DocumentStore } from '../storage/document-store';
import type { DocumentsTable } from '../storage/documents-table';

/** What the queue needs: where documents and their bytes live, the checker, and where events go. */
export interface PreflightQueueDependencies {
  readonly table: DocumentsTable;
  readonly store: DocumentStore;
  readonly preflighter: Preflighter;
  readonly emit: EmitEvent;
  /** How many documents are checked at once; the others wait their turn. */
  readonly concurrency?: number;
}

/** Runs the preflight of stored documents one queue at a time, recording each state as it changes. */
export interface PreflightQueue {
  /** Queues a document's check (marked waiting, then running once it has a slot); does nothing while it is already queued or running. */
  enqueue(id: string): void;
  /** Stops a waiting or running check and marks the document not checked; false when it was neither. */
  cancel(id: string): boolean;
  /** Whether a document's check is waiting or running in this queue. */
  isActive(id: string): boolean;
  /**
   * Stops every check without recording an outcome, so the states stay waiting or running and the next start resumes
   * them; resolves once the checks under way have ended.
   */
  close(): Promise<void>;
}

/**
 * Two at a time: each check is a worker with a whole core, and the window and the page counting of files
 * still being added need a core of their own.
 */
const defaultConcurrency = 2;

/** A report for a document whose stored copy cannot be read, in the same shape as any check that could not finish. */
function unreadableCopyReport(bytes: number, reason: string): PreflightReport {
  return {
    bytes,
    pages: null,
    verdict: 'error',
    findings: [],
    error: `ECF Desk could not check this PDF: ${reason} Remove it from the list and add the PDF again.`,
  };
}

/** Builds the queue. */
export function createPreflightQueue(dependencies: PreflightQueueDependencies): PreflightQueue {
  const { table, store, preflighter, emit } = dependencies;
  const concurrency = dependencies.concurrency ?? defaultConcurrency;
  const waiting: string[] = [];
  const running = new Map<string, AbortController>();
  /** Every check started and not yet ended (a cancelled one included, until its checker answers). */
  const underWay = new Set<Promise<void>>();
  let isClosed = false;

  const record = (id: string, preflight: DocumentPreflight): void => {
    table.setPreflight(id, preflight);
    emit('documents.changed', {});
  };

  const check = async (id: string, signal: AbortSignal): Promise<PreflightReport> => {
    const document = table.get(id);
    if (!document) {
      return unreadableCopyReport(0, 'the document is no longer in the database.');
    }
    let bytes: Uint8Array;
    try {
      bytes = await store.read(document.sha256);
    } catch {
      return unreadableCopyReport(document.bytes, "ECF Desk's saved copy of it is missing or cannot be read.");
    }
    // Stopped while its copy was read (a cancel, or closing): no check starts, and nobody records this answer.
    if (signal.aborted) {
      return unreadableCopyReport(document.bytes, 'the check was stopped.');
    }
    try {
      return await preflighter.preflight(bytes, {
        signal,
        onProgress: (progress) => emit('documents.preflightProgress', { documentId: id, progress }),
      });
    } catch {
      // The port promises never to throw; a checker that does anyway is reported like one that crashed.
      return unreadableCopyReport(document.bytes, 'the checker stopped unexpectedly.');
    }
  };

  const run = async (id: string): Promise<void> => {
    const controller = new AbortController();
    running.set(id, controller);
    record(id, { state: 'running' });
    const report = await check(id, controller.signal);
    // A cancel (or a cancel and a new run) has already recorded this document's state, and closing keeps it for the next start.
    if (running.get(id) !== controller || isClosed) {
      return;
    }
    running.delete(id);
    record(id, { state: 'done', report });
    startNext();
  };

  const startNext = (): void => {
    while (!isClosed && running.size < concurrency) {
      const id = waiting.shift();
      if (id === undefined) {
        return;
      }
      const checking = run(id)
        .catch(() => {
          // Recording the outcome failed (the database went away): the document stays waiting or running, so the next start checks it again.
          running.delete(id);
          startNext();
        })
        .finally(() => underWay.delete(checking));
      underWay.add(checking);
    }
  };

  return {
    enqueue(id) {
      if (isClosed || running.has(id) || waiting.includes(id)) {
        return;
      }
      waiting.push(id);
      startNext();
      // Started at once, it is already recorded as running; otherwise it says it is waiting its turn.
      if (waiting.includes(id)) {
        record(id, { state: 'waiting' });
      }
    },
    cancel(id) {
      const controller = running.get(id);
      const waitingAt = waiting.indexOf(id);
      if (!controller && waitingAt === -1) {
        return false;
      }
      if (controller) {
        running.delete(id);
        controller.abort();
      } else {
        waiting.splice(waitingAt, 1);
      }
      record(id, { state: 'cancelled' });
      startNext();
      return true;
    },
    isActive: (id) => running.has(id) || waiting.includes(id),
    async close() {
      isClosed = true;
      waiting.length = 0;
      for (const controller of running.values()) {
        controller.abort();
      }
      running.clear();
      await Promise.all(underWay);
    },
  };
}
