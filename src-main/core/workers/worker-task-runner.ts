import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Limits for one task: a hostile or huge document yields a result, never a hung or crashed app. */
export interface WorkerLimits {
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
}

/** Why a task ended without an answer from its worker. */
export type WorkerFailure = { readonly kind: 'timeout' } | { readonly kind: 'out-of-memory' } | { readonly kind: 'crashed'; readonly reason: string };

/** Runs tasks in workers and can stop all of them. */
export interface WorkerTaskRunner<Input, Output> {
  run(input: Input, transfer?: readonly ArrayBuffer[]): Promise<Output>;
  close(): Promise<void>;
}

/**
 * Runs each task in a fresh worker (so one document's damage stays with it), at most one per core at
 * a time, each stopped at its time or memory limit; a failure becomes a value through `describeFailure`.
 * The worker script answers with exactly one message.
 */
export function createWorkerTaskRunner<Input, Output>(
  workerScriptPath: string,
  limits: WorkerLimits,
  describeFailure: (failure: WorkerFailure, input: Input) => Output,
): WorkerTaskRunner<Input, Output> {
  const running = new Set<Worker>();
  const waiting: (() => void)[] = [];
  const slots = Math.max(1, availableParallelism());
  let busySlots = 0;

  // A finished task hands its slot straight to the next waiting one, so the count never overshoots.
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

  const runInWorker = (input: Input, transfer: readonly ArrayBuffer[]): Promise<Output> =>
    new Promise((resolve) => {
      const worker = new Worker(workerScriptPath, { resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });
      running.add(worker);
      let isSettled = false;
      const settle = (output: Output): void => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        running.delete(worker);
        void worker.terminate();
        releaseSlot();
        resolve(output);
      };
      const timer = setTimeout(() => settle(describeFailure({ kind: 'timeout' }, input)), limits.timeoutMs);
      worker.once('message', (output: Output) => settle(output));
      worker.once('error', (error) =>
        settle(describeFailure(/memory/i.test(error.message) ? { kind: 'out-of-memory' } : { kind: 'crashed', reason: error.message }, input)),
      );
      worker.once('exit', () => settle(describeFailure({ kind: 'crashed', reason: 'the worker stopped before it answered' }, input)));
      worker.postMessage(input, [...transfer]);
    });

  return {
    async run(input, transfer = []) {
      await acquireSlot();
      return runInWorker(input, transfer);
    },
    async close() {
      await Promise.all([...running].map((worker) => worker.terminate()));
      running.clear();
    },
  };
}
