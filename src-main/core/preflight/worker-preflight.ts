import type { PreflightProgress, PreflightReport } from '../../shared/preflight';
import { createWorkerTaskRunner, transferableCopy, type WorkerFailure, type WorkerLimits } from '../workers/worker-task-runner';
import type { PreflightOptions } from './check';
import type { PreflightTask } from './preflight-worker';

/** A whole document gets a minute and 1.5 GB (the peak-memory budget). */
const defaultLimits: WorkerLimits = { timeoutMs: 60_000, maxMemoryMb: 1536, youngGenerationMb: 128 };

const failureReasons: Readonly<Record<WorkerFailure['kind'], string>> = {
  timeout: 'checking it took longer than a minute, so it was stopped',
  'out-of-memory': 'checking it needed more memory than one document may use',
  cancelled: 'the check was cancelled',
  crashed: 'the checker stopped unexpectedly',
};

/** The report of a document whose check could not finish: verdict `error`, and why in plain words. */
function describeFailure(failure: WorkerFailure, task: PreflightTask): PreflightReport {
  const advice = failure.kind === 'cancelled' ? 'Run it again when you are ready.' : 'A file this hard to read may also be refused by the court; save it again as a new PDF and check that copy.';
  return {
    bytes: task.bytes.byteLength,
    pages: null,
    verdict: 'error',
    findings: [],
    error: `ECF Desk could not finish checking this PDF: ${failureReasons[failure.kind]}. ${advice}`,
  };
}

/** How to run one preflight: where its progress goes, and how to cancel it. */
export interface PreflightRunOptions {
  readonly onProgress?: (progress: PreflightProgress) => void;
  readonly signal?: AbortSignal;
}

/** Preflight in worker threads: a fresh worker per document, both cores busy, each within its limits. */
export interface WorkerPreflight {
  preflight(bytes: Uint8Array, options: PreflightOptions, run?: PreflightRunOptions): Promise<PreflightReport>;
  close(): Promise<void>;
}

/** Builds the worker-backed preflight used by the CLI and the app. */
export function createWorkerPreflight(workerScriptPath: string, limits: WorkerLimits = defaultLimits): WorkerPreflight {
  const runner = createWorkerTaskRunner<PreflightTask, PreflightReport, PreflightProgress>(workerScriptPath, limits, describeFailure);
  return {
    preflight(bytes, options, run = {}) {
      // The worker gets its own copy; the caller's bytes stay usable.
      const copy = transferableCopy(bytes);
      return runner.run({ bytes: copy, options }, { transfer: [copy.buffer as ArrayBuffer], onProgress: run.onProgress, signal: run.signal });
    },
    close: () => runner.close(),
  };
}
