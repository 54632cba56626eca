import { readFile } from 'node:fs/promises';
import { isolatedTask } from '../isolation/isolated-tasks';
import { allChecks } from './checks/index';
import { preflightPdf } from './run-preflight';
import { unreadableFileReport } from './unreadable-file';

/** In a child process: one document (its bytes, or a file to read) and the court's options in, progress per page, its report out. */
export default isolatedTask('preflight', {
  async run(task, reportProgress) {
    if ('bytes' in task) {
      return preflightPdf(task.bytes, task.options, allChecks, reportProgress);
    }
    // Read whole, as the command line read it before it named files instead: the `too-large` check counts every byte.
    let bytes: Uint8Array;
    try {
      bytes = await readFile(task.file.path);
    } catch (error) {
      return unreadableFileReport((error as NodeJS.ErrnoException).code ?? String(error));
    }
    return preflightPdf(bytes, task.options, allChecks, reportProgress);
  },
  // Phase changes and the first and last page always reach the screen, whatever the throttle drops between them.
  isMilestone: (progress) =>
    progress.phase !== 'pages' || progress.pagesDone === 1 || progress.pagesDone === progress.pageCount,
});
