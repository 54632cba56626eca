import { isolatedTask } from '../isolation/isolated-tasks';
import { allChecks } from './checks/index';
import { preflightPdf } from './run-preflight';

/** In a child process: one document and the court's options in, progress per page, its report out. */
export default isolatedTask('preflight', {
  run: (task, reportProgress) => preflightPdf(task.bytes, task.options, allChecks, reportProgress),
  // Phase changes and the first and last page always reach the screen, whatever the throttle drops between them.
  isMilestone: (progress) =>
    progress.phase !== 'pages' || progress.pagesDone === 1 || progress.pagesDone === progress.pageCount,
});
