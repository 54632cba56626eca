import type { ChildExit, ChildProcessHandle, ChildProcessLauncher } from '../ports';
import { childExecArgv } from './child-start';
import {
  memoryLimitMarker,
  type FromChild,
  type IsolatedTaskKind,
  type TaskInput,
  type TaskOutput,
  type TaskProgress,
  type ToChild,
} from './isolated-tasks';

/** Why a task ended without an answer from its child. */
export type TaskFailure =
  | { readonly kind: 'timeout' }
  | { readonly kind: 'out-of-memory' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'crashed'; readonly reason: string };

/** A task's answer, or why there is none. */
export type TaskOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: TaskFailure };

/** The most one task may take: time, and the child's whole memory (heap, buffers and all). */
export interface TaskLimits {
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
}

/** How one task runs: its limits, where its progress goes, and how to cancel it. */
export interface PoolRunOptions<Progress> {
  readonly limits: TaskLimits;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

/** How a pool keeps its children. */
export interface ChildPoolOptions {
  /** For the log and the OS's process list. */
  readonly name: string;
  /** The child script (`dist/workers/isolated-child.js`). */
  readonly scriptPath: string;
  readonly launcher: ChildProcessLauncher;
  /** Tasks at once. */
  readonly slots: number;
  /** Children kept started and idle, so a task does not wait for one to start (default 1). */
  readonly warm?: number;
  /** The jobs whose code a warm child loads before its first task. */
  readonly preload?: readonly IsolatedTaskKind[];
  /** V8's heap limit in each child; each task's own limit (`maxMemoryMb`) is the whole process's memory. */
  readonly heapMb: number;
  /** A child is replaced after this many tasks (default 200). */
  readonly maxTasksPerChild?: number;
  /** A child whose memory is above this after a task is replaced, so one large file's leftovers go with it (default 256). */
  readonly recycleAboveMb?: number;
  /** Children beyond `warm` end after this long idle (default 30 s). */
  readonly idleExitMs?: number;
  readonly log?: (line: string, level: 'warn' | 'debug') => void;
}

/** Runs untrusted-input tasks in child processes. */
export interface ChildPool {
  run<K extends IsolatedTaskKind>(
    kind: K,
    input: TaskInput<K>,
    options: PoolRunOptions<TaskProgress<K>>,
  ): Promise<TaskOutcome<TaskOutput<K>>>;
  /** What the pool holds now, and the most memory any of its children has used. */
  stats(): { readonly children: number; readonly idle: number; readonly busy: number; readonly peakChildRssMb: number };
  /** Cancels every task and resolves once every child has ended. */
  close(): Promise<void>;
}

interface Job {
  readonly kind: IsolatedTaskKind;
  readonly input: unknown;
  readonly options: PoolRunOptions<unknown>;
  readonly resolve: (outcome: TaskOutcome<unknown>) => void;
}

interface RunningJob extends Job {
  readonly id: number;
  isSettled: boolean;
  timer: NodeJS.Timeout | null;
  cancel: (() => void) | null;
}

interface Child {
  readonly handle: ChildProcessHandle;
  state: 'starting' | 'idle' | 'busy' | 'ending';
  /** The job that waits for this child to start, or runs in it. */
  job: RunningJob | null;
  tasksServed: number;
  errorTail: string;
  /** Set when the pool itself ends a busy child (timeout, cancel), so its death is not taken for a crash. */
  endReason: TaskFailure | null;
  idleTimer: NodeJS.Timeout | null;
  readonly exited: Promise<void>;
}

/** Most lines V8 and Node write when a process dies for want of memory (heap limit, or an array grown past its maximum). */
const outOfMemoryOutput =
  /heap out of memory|Reached heap limit|Allocation failed|invalid size error|invalid array length|Array buffer allocation failed/i;

/** What a child's death means, from its last words and how it ended. */
export function classifyChildExit(errorTail: string, exit: ChildExit): TaskFailure {
  if (errorTail.includes(memoryLimitMarker) || outOfMemoryOutput.test(errorTail)) {
    return { kind: 'out-of-memory' };
  }
  return {
    kind: 'crashed',
    reason: exit.signal
      ? `it was stopped by the system (${exit.signal})`
      : `it stopped with exit code ${exit.code ?? 'unknown'}`,
  };
}

/**
 * A pool of child processes for untrusted input (security rules: PDFs, emails and court pages are hostile). A task that
 * crashes, hangs or runs out of memory ends its child and that one task, never the app: V8's fatal errors cannot be
 * caught in a worker thread, but they end only the child here. Children are reused one task at a time, so a document
 * does not pay for a process start; one that failed, grew large or served many tasks is replaced, and `warm` children
 * are kept started ahead of need.
 */
export function createChildPool(options: ChildPoolOptions): ChildPool {
  const warm = options.warm ?? 1;
  const maxTasksPerChild = options.maxTasksPerChild ?? 200;
  const recycleAboveMb = options.recycleAboveMb ?? 256;
  const idleExitMs = options.idleExitMs ?? 30_000;
  const children = new Set<Child>();
  const queue: Job[] = [];
  let busySlots = 0;
  let nextId = 1;
  let isClosed = false;
  let failedStarts = 0;
  let peakChildRssMb = 0;

  const idleChildren = (): Child[] => [...children].filter((child) => child.state === 'idle');

  const spawn = (): Child => {
    let markExited = (): void => undefined;
    const handle = options.launcher.launch(options.scriptPath, {
      execArgv: childExecArgv(options.heapMb),
      name: options.name,
    });
    const child: Child = {
      handle,
      state: 'starting',
      job: null,
      tasksServed: 0,
      errorTail: '',
      endReason: null,
      idleTimer: null,
      exited: new Promise((resolve) => (markExited = resolve)),
    };
    children.add(child);
    handle.onErrorOutput((text) => (child.errorTail = (child.errorTail + text).slice(-8192)));
    handle.onMessage((message) => onMessage(child, message as FromChild));
    handle.onExit((exit) => {
      onExit(child, exit);
      markExited();
    });
    return child;
  };

  const end = (child: Child): void => {
    if (child.state === 'ending') {
      return;
    }
    child.state = 'ending';
    if (child.idleTimer) {
      clearTimeout(child.idleTimer);
    }
    child.handle.kill();
  };

  const settle = (job: RunningJob, outcome: TaskOutcome<unknown>): void => {
    if (job.isSettled) {
      return;
    }
    job.isSettled = true;
    if (job.timer) {
      clearTimeout(job.timer);
    }
    if (job.cancel) {
      job.options.signal?.removeEventListener('abort', job.cancel);
    }
    job.resolve(outcome);
  };

  /** The pool's own stop of a busy child: the task is answered now, its slot freed once the child is gone. */
  const stopJob = (child: Child, job: RunningJob, reason: TaskFailure): void => {
    child.endReason = reason;
    settle(job, { ok: false, failure: reason });
    end(child);
  };

  const send = (child: Child, message: ToChild): void => child.handle.send(message);

  const startTask = (child: Child, job: RunningJob): void => {
    child.state = 'busy';
    if (child.idleTimer) {
      clearTimeout(child.idleTimer);
    }
    send(child, {
      kind: 'task',
      id: job.id,
      task: job.kind,
      input: job.input,
      memoryLimitMb: job.options.limits.maxMemoryMb,
    });
  };

  const becomeIdle = (child: Child): void => {
    child.state = 'idle';
    if (idleChildren().length > warm) {
      child.idleTimer = setTimeout(() => {
        if (child.state === 'idle' && idleChildren().length > warm) {
          end(child);
        }
      }, idleExitMs);
      child.idleTimer.unref();
    }
  };

  const releaseSlot = (): void => {
    busySlots -= 1;
    pump();
    topUp();
  };

  const onMessage = (child: Child, message: FromChild): void => {
    if (message.kind === 'ready') {
      failedStarts = 0;
      if (options.preload?.length) {
        send(child, { kind: 'preload', tasks: options.preload });
      }
      if (child.job) {
        startTask(child, child.job);
      } else {
        becomeIdle(child);
      }
      return;
    }
    if (message.kind === 'log') {
      // A child's console, bounded again here: the child reads hostile files.
      options.log?.(`${options.name}: ${String(message.line).slice(0, 300)}`, 'debug');
      return;
    }
    const job = child.job;
    if (!job || message.id !== job.id) {
      return;
    }
    if (message.kind === 'progress') {
      if (!job.isSettled) {
        job.options.onProgress?.(message.value);
      }
      return;
    }
    child.job = null;
    if (message.kind === 'result') {
      child.tasksServed += 1;
      peakChildRssMb = Math.max(peakChildRssMb, message.peakRssMb);
      settle(job, { ok: true, value: message.value });
      if (isClosed || message.rssMb > recycleAboveMb || child.tasksServed >= maxTasksPerChild) {
        end(child);
      } else {
        becomeIdle(child);
      }
    } else {
      // A parser's own error names its internals (`Trying to parse invalid object: {"line":12,…}`): the log keeps it, the user reads plain words.
      options.log?.(`${options.name}: a ${job.kind} task failed: ${String(message.reason).slice(0, 300)}`, 'warn');
      settle(job, {
        ok: false,
        failure: { kind: 'crashed', reason: 'it met something in the file it could not handle' },
      });
      // A job that threw may have left its child in any state: it is not trusted with another.
      end(child);
    }
    releaseSlot();
  };

  const onExit = (child: Child, exit: ChildExit): void => {
    children.delete(child);
    if (child.idleTimer) {
      clearTimeout(child.idleTimer);
    }
    const job = child.job;
    const wasStarting = child.state === 'starting';
    child.state = 'ending';
    child.job = null;
    if (wasStarting && child.endReason === null) {
      failedStarts += 1;
      options.log?.(
        `${options.name}: a child process ended before it was ready (${child.errorTail.trim().split('\n').at(-1) ?? 'no output'})`,
        'warn',
      );
    } else if (child.endReason === null && job) {
      options.log?.(
        `${options.name}: a child process ended during a ${job.kind} task: ${classifyChildExit(child.errorTail, exit).kind}`,
        'warn',
      );
    }
    if (job) {
      settle(job, {
        ok: false,
        failure:
          child.endReason ??
          (wasStarting
            ? { kind: 'crashed', reason: 'the process that reads it could not start' }
            : classifyChildExit(child.errorTail, exit)),
      });
      releaseSlot();
    } else {
      topUp();
    }
  };

  const assign = (job: Job): void => {
    const running: RunningJob = { ...job, id: nextId++, isSettled: false, timer: null, cancel: null };
    const child =
      idleChildren()[0] ??
      [...children].find((candidate) => candidate.state === 'starting' && candidate.job === null) ??
      spawn();
    child.job = running;
    running.timer = setTimeout(() => stopJob(child, running, { kind: 'timeout' }), job.options.limits.timeoutMs);
    running.cancel = () => stopJob(child, running, { kind: 'cancelled' });
    job.options.signal?.addEventListener('abort', running.cancel, { once: true });
    if (child.state === 'idle') {
      startTask(child, running);
    }
  };

  const pump = (): void => {
    while (!isClosed && busySlots < options.slots && queue.length > 0) {
      const job = queue.shift();
      if (!job) {
        break;
      }
      if (job.options.signal?.aborted) {
        job.resolve({ ok: false, failure: { kind: 'cancelled' } });
        continue;
      }
      busySlots += 1;
      assign(job);
    }
  };

  /** Keeps `warm` children started and free; a script that keeps failing to start is not retried for ever. */
  const topUp = (): void => {
    if (isClosed || failedStarts >= 3) {
      return;
    }
    let free = [...children].filter(
      (child) => child.state === 'idle' || (child.state === 'starting' && child.job === null),
    ).length;
    while (free < warm) {
      spawn();
      free += 1;
    }
  };

  topUp();

  return {
    run(kind, input, runOptions) {
      if (isClosed || runOptions.signal?.aborted) {
        return Promise.resolve({ ok: false, failure: { kind: 'cancelled' } });
      }
      return new Promise((resolve) => {
        queue.push({
          kind,
          input,
          options: runOptions as PoolRunOptions<unknown>,
          resolve: resolve as (outcome: TaskOutcome<unknown>) => void,
        });
        pump();
      });
    },
    stats: () => ({ children: children.size, idle: idleChildren().length, busy: busySlots, peakChildRssMb }),
    async close() {
      isClosed = true;
      for (const job of queue.splice(0)) {
        job.resolve({ ok: false, failure: { kind: 'cancelled' } });
      }
      const ending = [...children];
      for (const child of ending) {
        if (child.job) {
          stopJob(child, child.job, { kind: 'cancelled' });
        } else {
          end(child);
        }
      }
      await Promise.all(ending.map((child) => child.exited));
    },
  };
}
