import type { PdfFacts, PdfReader } from '../ports';
import { createWorkerTaskRunner, transferableCopy, type WorkerFailure, type WorkerLimits } from '../workers/worker-task-runner';

export type { WorkerLimits } from '../workers/worker-task-runner';

const defaultLimits: WorkerLimits = { timeoutMs: 30_000, maxMemoryMb: 1024 };

function describeFailure(failure: WorkerFailure): PdfFacts {
  switch (failure.kind) {
    case 'timeout':
      return { kind: 'timeout' };
    case 'out-of-memory':
      return { kind: 'unreadable', reason: 'it needs more memory than a document may use' };
    case 'crashed':
      return { kind: 'unreadable', reason: failure.reason };
    case 'cancelled':
      return { kind: 'unreadable', reason: 'reading it was cancelled' };
  }
}

/** Reads PDF facts in worker threads, one fresh worker per document, within time and memory limits. */
export function createWorkerPdfReader(workerScriptPath: string, limits: WorkerLimits = defaultLimits): PdfReader & { close(): Promise<void> } {
  const runner = createWorkerTaskRunner<Uint8Array, PdfFacts>(workerScriptPath, limits, describeFailure);
  return {
    readFacts(bytes) {
      // A copy goes to the worker, so the caller's bytes stay usable.
      const copy = transferableCopy(bytes);
      return runner.run(copy, { transfer: [copy.buffer as ArrayBuffer] });
    },
    close: () => runner.close(),
  };
}
