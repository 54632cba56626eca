import { format } from 'node:util';
import { Worker } from 'node:worker_threads';
import {
  isolatedTaskFiles,
  memoryLimitMarker,
  type FromChild,
  type IsolatedTask,
  type IsolatedTaskKind,
  type ToChild,
} from './isolated-tasks';
import { describeError } from '../../shared/describe-error';

/** How a child speaks to its parent: Electron's utility-process port, or Node's IPC channel. */
interface ParentChannel {
  post(message: FromChild): void;
  onMessage(listener: (message: ToChild) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentChannel(): ParentChannel {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as ToChild)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) {
    throw new Error('This script parses untrusted files for ECF Desk and runs only as its child process.');
  }
  // The parent went away (it quit or crashed): nothing will ask for this child's answers again.
  process.once('disconnect', () => process.exit(0));
  return {
    post: (message) => void send(message),
    onMessage: (listener) => void process.on('message', (message) => listener(message as ToChild)),
  };
}

/**
 * The memory guard: a thread of its own that looks at the whole process's resident memory every 20 ms while a task
 * runs (so it sees ArrayBuffers and native buffers too, which V8's heap limit does not count) and ends the process the
 * moment it passes the task's limit, saying so on the error output first. It runs while a parser holds the main thread,
 * and sleeps without waking while the child is idle (its limit is 0 then).
 */
function startMemoryGuard(): Int32Array {
  const limitMb = new Int32Array(new SharedArrayBuffer(4));
  const guard = new Worker(
    `const { workerData: limitMb } = require('node:worker_threads');
     const { writeSync } = require('node:fs');
     for (;;) {
       const limit = Atomics.load(limitMb, 0);
       if (limit === 0) {
         Atomics.wait(limitMb, 0, 0);
         continue;
       }
       if (process.memoryUsage.rss() > limit * 1048576) {
         writeSync(2, ${JSON.stringify(`${memoryLimitMarker}\n`)});
         process.kill(process.pid, 'SIGKILL');
       }
       Atomics.wait(limitMb, 0, limit, 20);
     }`,
    { eval: true, workerData: limitMb },
  );
  // The guard never keeps the child alive by itself.
  guard.unref();
  return limitMb;
}

/** Sets the guard's limit (0: no task, the guard sleeps) and wakes it to look at once. */
function guardLimit(limitMb: Int32Array, megabytes: number): void {
  Atomics.store(limitMb, 0, megabytes);
  Atomics.notify(limitMb, 0);
}

/** Progress reports at most every 50 ms, so a 4,000-page document does not flood the parent; milestones always go. */
function throttledReporter(
  post: (value: unknown) => void,
  isMilestone: (value: unknown) => boolean,
): (value: unknown) => void {
  let lastPosted = 0;
  return (value) => {
    const now = Date.now();
    if (now - lastPosted < 50 && !isMilestone(value)) {
      return;
    }
    lastPosted = now;
    post(value);
  };
}

/** How much of what libraries print the log keeps: a hostile file can make a parser warn once per object. */
const consoleLimits = { lineLength: 300, linesPerTask: 20 } as const;

/**
 * Sends what the parsers print (pdf-lib's `console.warn('Removing parsed object: 0 0 R')` and the like) to the parent
 * for the app's log instead of the child's own output, which a command line would show its user. At most
 * `linesPerTask` lines a task, each cut to `lineLength`; returns what starts a new task's count.
 */
function routeConsoleToParent(channel: ParentChannel): () => void {
  let lines = 0;
  const write = (...parts: unknown[]): void => {
    lines += 1;
    if (lines > consoleLimits.linesPerTask) {
      return;
    }
    const text = format(...parts)
      .replace(/\s+/g, ' ')
      .trim();
    const line =
      lines === consoleLimits.linesPerTask
        ? 'more library messages during this task were left out'
        : text.slice(0, consoleLimits.lineLength);
    channel.post({ kind: 'log', line });
  };
  const methods = ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const;
  Object.assign(globalThis.console, Object.fromEntries(methods.map((method) => [method, write])));
  return () => {
    lines = 0;
  };
}

/**
 * The child's side of the pool (`child-pool.ts`): says it is ready, loads the bundles of the jobs it is asked for, and
 * runs one task at a time under the memory guard, answering each with its result and the child's memory.
 */
export function serveIsolatedTasks(): void {
  const channel = parentChannel();
  const startConsoleCount = routeConsoleToParent(channel);
  const limitMb = startMemoryGuard();
  const loaded = new Map<IsolatedTaskKind, Promise<IsolatedTask<IsolatedTaskKind>>>();
  const load = (kind: IsolatedTaskKind): Promise<IsolatedTask<IsolatedTaskKind>> => {
    let task = loaded.get(kind);
    if (!task) {
      const file = isolatedTaskFiles[kind];
      task = import(new URL(`./${file}`, import.meta.url).href).then(
        (module: { default: IsolatedTask<IsolatedTaskKind> }) => module.default,
      );
      loaded.set(kind, task);
    }
    return task;
  };
  let queue = Promise.resolve();
  const runTask = async (message: Extract<ToChild, { kind: 'task' }>): Promise<void> => {
    guardLimit(limitMb, message.memoryLimitMb);
    startConsoleCount();
    try {
      const task = await load(message.task);
      const report = throttledReporter(
        (value) => channel.post({ kind: 'progress', id: message.id, value }),
        (value) => task.isMilestone?.(value as never) ?? false,
      );
      const value = await task.run(message.input as never, report);
      const { rss } = process.memoryUsage();
      channel.post({
        kind: 'result',
        id: message.id,
        value,
        rssMb: Math.round(rss / 1048576),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      });
    } catch (error) {
      channel.post({ kind: 'failed', id: message.id, reason: describeError(error).message });
    } finally {
      guardLimit(limitMb, 0);
    }
  };
  const preload = (kinds: readonly string[]): void => {
    for (const kind of kinds) {
      if (Object.hasOwn(isolatedTaskFiles, kind)) {
        void load(kind as IsolatedTaskKind).catch(() => undefined);
      }
    }
  };
  channel.onMessage((message) => {
    if (message.kind === 'preload') {
      preload(message.tasks);
      return;
    }
    if (message.kind === 'task' && Object.hasOwn(isolatedTaskFiles, message.task)) {
      queue = queue.then(() => runTask(message));
    }
  });
  channel.post({ kind: 'ready' });
  // Jobs named as the script's arguments load now, without waiting for a `preload` message: a command line that starts
  // its child early (`prelaunched-child.ts`) may still be too busy loading its own code to answer `ready` at once.
  preload(process.argv.slice(2));
}
