import { parentPort } from 'node:worker_threads';
import type { WorkerMessage } from './worker-task-runner';

/**
 * The worker side of `createWorkerTaskRunner`: takes the one task, runs it with a progress reporter
 * (throttled to one report per 50 ms, so a 4,000-page document does not flood the main thread; reports
 * `isMilestone` picks, such as a new phase, always go through), and posts the result.
 */
export function serveOneTask<Input, Output, Progress>(
  work: (input: Input, reportProgress: (progress: Progress) => void) => Promise<Output>,
  isMilestone: (progress: Progress) => boolean = () => false,
): void {
  const port = parentPort;
  if (!port) return;
  let lastPosted = 0;
  const reportProgress = (progress: Progress): void => {
    const now = Date.now();
    if (now - lastPosted < 50 && !isMilestone(progress)) return;
    lastPosted = now;
    port.postMessage({ kind: 'progress', value: progress } satisfies WorkerMessage<Output, Progress>);
  };
  port.once('message', (input: Input) => {
    void work(input, reportProgress).then((output) => port.postMessage({ kind: 'result', value: output } satisfies WorkerMessage<Output, Progress>));
  });
}
