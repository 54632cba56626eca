import type { PreflightProgress, PreflightReport } from '../../shared/preflight';
import { serveOneTask } from '../workers/worker-side';
import { allChecks } from './checks/index';
import type { PreflightOptions } from './check';
import { preflightPdf } from './run-preflight';

/** What the preflight worker receives: one document and the court's options. */
export interface PreflightTask {
  readonly bytes: Uint8Array;
  readonly options: PreflightOptions;
}

/** Phase changes and the first and last page always reach the screen, whatever the throttle drops between them. */
function isMilestone(progress: PreflightProgress): boolean {
  return progress.phase !== 'pages' || progress.pagesDone === 1 || progress.pagesDone === progress.pageCount;
}

/** The worker side of `createWorkerPreflight`: one document in, progress per page, its report out. */
serveOneTask<PreflightTask, PreflightReport, PreflightProgress>(
  (task, reportProgress) => preflightPdf(task.bytes, task.options, allChecks, reportProgress),
  isMilestone,
);
