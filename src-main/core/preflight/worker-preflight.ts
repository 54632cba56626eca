import type { PreflightReport } from '../../shared/preflight';
import { createWorkerTaskRunner, type WorkerFailure, type WorkerLimits } from '../workers/worker-task-runner';
import type { PreflightOptions } from './check';
import type { PreflightTask } from './preflight-worker';

/** A whole document gets a minute and 1.5 GB (the peak-memory budget). */
const defaultLimits: WorkerLimits = { timeoutMs: 60_000, maxMemoryMb: 1536 };

/** The report of a document whose check could not finish: verdict `error`, and why in plain words. */
function describeFailure(failure: WorkerFailure, task: PreflightTask): PreflightReport {
  const reason =
    failure.kind === 'timeout'
      ? 'checking it took longer than a minute, so it was stopped'
      : failure.kind === 'out-of-memory'
        ? 'checking it needed more memory than one document may use'
        : `the checker stopped unexpectedly (${failure.reason})`;
  return {
    bytes: task.bytes.byteLength,
    pages: null,
    verdict: 'error',
    findings: [],
    error: `ECF Desk could not finish checking this PDF: ${reason}. A file this hard to read may also be refused by the court; save it again as a new PDF and check that copy.`,
  };
}

/** Preflight in worker threads: a fresh worker per document, both cores busy, each within its limits. */
export interface WorkerPreflight {
  preflight(bytes: Uint8Array, options: PreflightOptions): Promise<PreflightReport>;
  close(): Promise<void>;
}

/** Builds the worker-backed preflight used by the CLI and the app. */
export function createWorkerPreflight(workerScriptPath: string, limits: WorkerLimits = defaultLimits): WorkerPreflight {
  const runner = createWorkerTaskRunner<PreflightTask, PreflightReport>(workerScriptPath, limits, describeFailure);
  return {
    preflight(bytes, options) {
      // The worker gets its own copy; the caller's bytes stay usable.
      const copy = bytes.slice();
      return runner.run({ bytes: copy, options }, [copy.buffer as ArrayBuffer]);
    },
    close: () => runner.close(),
  };
}
