import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Limits for one task: a hostile or huge document yields a result, never a hung or crashed app. */
export interface WorkerLimits {
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
  /** A larger young generation for tasks that allocate many short-lived objects (parsing), so collection runs less often. */
  readonly youngGenerationMb?: number;
}

/**
 * The bytes in an ArrayBuffer of their own, ready to transfer to a worker. `slice()` is not enough: on a Buffer
 * it is a view of the same memory (often Node's shared pool), and transferring that would empty the caller's bytes.
 */
export function transferableCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** Why a task ended without an answer from its worker. */
export type WorkerFailure =
  | { readonly kind: 'timeout' }
  | { readonly kind: 'out-of-memory' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'crashed'; readonly reason: string };

/** What a worker script posts: any number of progress reports, then exactly one result. */
export type WorkerMessage<Output, Progress> = { readonly kind: 'progress'; readonly value: Progress } | { readonly kind: 'result'; readonly value: Output };

/** How one task is run: what to move to the worker, where progress goes, and how to cancel it. */
export interface TaskOptions<Progress> {
  readonly transfer?: readonly ArrayBuffer[];
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

/** Runs tasks in workers and can stop all of them. */
export interface WorkerTaskRunner<Input, Output, Progress = never> {
  run(input: Input, options?: TaskOptions<Progress>): Promise<Output>;
  close(): Promise<void>;
}

/**
 * Runs each task in a fresh worker (so one document's damage stays with it), at most one per core at
 * a time, each stopped at its time or memory limit or when cancelled; a failure becomes a value through
 * `describeFailure`.
 */
export function createWorkerTaskRunner<Input, Output, Progress = never>(
  workerScriptPath: string,
  limits: WorkerLimits,
  describeFailure: (failure: WorkerFailure, input: Input) => Output,
): WorkerTaskRunner<Input, Output, Progress> {
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

  const runInWorker = (input: Input, options: TaskOptions<Progress>): Promise<Output> =>
    new Promise((resolve) => {
      const worker = new Worker(workerScriptPath, {
        resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, ...(limits.youngGenerationMb ? { maxYoungGenerationSizeMb: limits.youngGenerationMb } : {}) },
      });
      running.add(worker);
      let isSettled = false;
      const settle = (output: Output): void => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', cancel);
        running.delete(worker);
        void worker.terminate();
        releaseSlot();
        resolve(output);
      };
      const cancel = (): void => settle(describeFailure({ kind: 'cancelled' }, input));
      const timer = setTimeout(() => settle(describeFailure({ kind: 'timeout' }, input)), limits.timeoutMs);
      options.signal?.addEventListener('abort', cancel, { once: true });
      worker.on('message', (message: WorkerMessage<Output, Progress>) => {
        if (message.kind === 'progress') {
          if (!isSettled) options.onProgress?.(message.value);
        } else settle(message.value);
      });
      worker.once('error', (error) =>
        settle(describeFailure(/memory/i.test(error.message) ? { kind: 'out-of-memory' } : { kind: 'crashed', reason: error.message }, input)),
      );
      worker.once('exit', () => settle(describeFailure({ kind: 'crashed', reason: 'the worker stopped before it answered' }, input)));
      worker.postMessage(input, [...(options.transfer ?? [])]);
    });

  return {
    async run(input, options = {}) {
      if (options.signal?.aborted) return describeFailure({ kind: 'cancelled' }, input);
      await acquireSlot();
      if (options.signal?.aborted) {
        releaseSlot();
        return describeFailure({ kind: 'cancelled' }, input);
      }
      return runInWorker(input, options);
    },
    async close() {
      await Promise.all([...running].map((worker) => worker.terminate()));
      running.clear();
    },
  };
}
