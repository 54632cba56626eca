import type { ChildExit, ChildProcessHandle, ChildProcessLauncher } from '../ports';
import type { IsolatedTaskKind } from './isolated-tasks';

/** The child to start ahead of its pool: the script and flags the pool will ask for, and the jobs to load meanwhile. */
export interface PrelaunchOptions {
  readonly scriptPath: string;
  readonly execArgv: readonly string[];
  readonly name: string;
  /** The jobs whose code the child loads as soon as it starts, before any pool exists. */
  readonly preload: readonly IsolatedTaskKind[];
}

/** A launcher holding one child started ahead of need, which it hands to the first launch that asks for that child. */
export interface PrelaunchedChild extends ChildProcessLauncher {
  /** Ends the child started ahead unless a pool has taken it; a later launch starts a child of its own. */
  dismiss(): void;
}

/** Something the child said before the pool listened: whose listeners take it, and handing it to them. */
interface Waiting {
  readonly listeners: readonly unknown[];
  readonly handOver: () => void;
}

function isSameArguments(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((argument, index) => argument === right[index]);
}

/**
 * Starts a child now, through `launcher`, so that its start and the loading of its job's code overlap whatever the
 * caller still has to load before it makes its pool (the command line: its own chunks). The child is told `preload`
 * as it starts, so it loads that job's code at once rather than when the busy caller gets round to its `ready`. The
 * first launch for the same script and flags gets this child; everything the child said until then (its `ready`, its
 * error output, its exit) is kept and delivered, in order, once the pool listens, so the pool sees the child exactly
 * as one it had just started. Any other launch, and any launch after the child ended or was dismissed, goes to
 * `launcher`.
 */
export function prelaunchChild(options: PrelaunchOptions, launcher: ChildProcessLauncher): PrelaunchedChild {
  const handle = launcher.launch(options.scriptPath, {
    execArgv: options.execArgv,
    name: options.name,
    preload: options.preload,
  });
  const pending: Waiting[] = [];
  const messageListeners: ((message: unknown) => void)[] = [];
  const errorOutputListeners: ((text: string) => void)[] = [];
  const exitListeners: ((exit: ChildExit) => void)[] = [];
  let isAdopted = false;
  let hasEnded = false;

  /** Hands over what waits, in the order it came, up to the first event nobody listens for yet. */
  const deliver = (): void => {
    while (isAdopted && pending.length > 0) {
      const next = pending[0];
      if (!next || next.listeners.length === 0) {
        return;
      }
      pending.shift();
      next.handOver();
    }
  };

  const receive = <T>(listeners: readonly ((value: T) => void)[], value: T): void => {
    pending.push({ listeners, handOver: () => listeners.forEach((listener) => listener(value)) });
    deliver();
  };
  handle.onMessage((message) => receive(messageListeners, message));
  handle.onErrorOutput((text) => receive(errorOutputListeners, text));
  handle.onExit((exit) => {
    hasEnded = true;
    receive(exitListeners, exit);
  });

  // The pool attaches its listeners right after its launch returns; what waits is delivered after that, as a child's
  // events always come after its launch.
  const listen =
    <T>(listeners: T[]) =>
    (listener: T): void => {
      listeners.push(listener);
      queueMicrotask(deliver);
    };
  const adopted: ChildProcessHandle = {
    send: (message) => handle.send(message),
    onMessage: listen(messageListeners),
    onErrorOutput: listen(errorOutputListeners),
    onExit: listen(exitListeners),
    kill: () => handle.kill(),
  };

  return {
    launch(scriptPath, launchOptions) {
      if (
        !isAdopted &&
        !hasEnded &&
        scriptPath === options.scriptPath &&
        isSameArguments(launchOptions.execArgv, options.execArgv)
      ) {
        isAdopted = true;
        return adopted;
      }
      return launcher.launch(scriptPath, launchOptions);
    },
    dismiss() {
      if (!isAdopted && !hasEnded) {
        hasEnded = true;
        handle.kill();
      }
    },
  };
}
