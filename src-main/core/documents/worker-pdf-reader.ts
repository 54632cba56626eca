import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfFacts, PdfReader } from '../ports';

/** Limits for one document: a hostile or huge file yields a finding, never a hung or crashed app. */
export interface WorkerLimits {
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
}

const defaultLimits: WorkerLimits = { timeoutMs: 30_000, maxMemoryMb: 1024 };

/**
 * Reads PDF facts in worker threads: a fresh worker per document (so one document's damage stays
 * with it), at most one per core at a time, each stopped at its time limit or memory limit.
 */
export function createWorkerPdfReader(workerScriptPath: string, limits: WorkerLimits = defaultLimits): PdfReader & { close(): Promise<void> } {
  const running = new Set<Worker>();
  const waiting: (() => void)[] = [];
  const slots = Math.max(1, availableParallelism());

  let busySlots = 0;
  // A finished read hands its slot straight to the next waiting one, so the count never overshoots.
  const acquireSlot = async (): Promise<void> => {
    if (busySlots < slots) {
      busySlots += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const releaseSlot = (): void => {
    const next = waiting.shift();
    if (next) next();
    else busySlots -= 1;
  };

  const readInWorker = (bytes: Uint8Array): Promise<PdfFacts> =>
    new Promise((resolve) => {
      const worker = new Worker(workerScriptPath, { resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });
      running.add(worker);
      let isSettled = false;
      const settle = (facts: PdfFacts): void => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        running.delete(worker);
        void worker.terminate();
        releaseSlot();
        resolve(facts);
      };
      const timer = setTimeout(() => settle({ kind: 'timeout' }), limits.timeoutMs);
      worker.once('message', (facts: PdfFacts) => settle(facts));
      worker.once('error', (error) =>
        settle({ kind: 'unreadable', reason: /memory/i.test(error.message) ? 'it needs more memory than a document may use' : error.message }),
      );
      worker.once('exit', () => settle({ kind: 'unreadable', reason: 'the reader stopped before it finished' }));
      // A copy goes to the worker, so the caller's bytes stay usable.
      const copy = bytes.slice();
      worker.postMessage(copy, [copy.buffer]);
    });

  return {
    async readFacts(bytes) {
      await acquireSlot();
      return readInWorker(bytes);
    },
    async close() {
      await Promise.all([...running].map((worker) => worker.terminate()));
      running.clear();
    },
  };
}
