import { parentPort } from 'node:worker_threads';
import type { PreflightOptions } from './check';
import { preflightPdf } from './run-preflight';

/** What the preflight worker receives: one document and the court's options. */
export interface PreflightTask {
  readonly bytes: Uint8Array;
  readonly options: PreflightOptions;
}

/** The worker side of `createWorkerPreflight`: one document in, its report out. */
parentPort?.once('message', (task: PreflightTask) => {
  void preflightPdf(task.bytes, task.options).then((report) => parentPort?.postMessage(report));
});
