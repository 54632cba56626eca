/** A task that runs one pass at a time. */
export interface OneAtATime<T> {
  /**
   * Starts a pass, or answers the one under way. Asked during a pass, it also asks for one more pass right after,
   * since the pass under way may have looked before the caller's reason to ask (a notice just stored) existed.
   * Once closed it starts none: it answers the pass under way, or `undefined`.
   */
  run(): Promise<T | undefined>;
  /** The pass under way, or null. */
  current(): Promise<T> | null;
  /** Starts no pass again (nor the one asked for after the pass under way), and resolves once that pass has ended. */
  close(): Promise<void>;
}

/**
 * Runs `task` one pass at a time. The pass is forgotten in a `finally` that runs after it is recorded, so a
 * pass that ends without ever waiting (nothing to do) cannot leave itself behind as the pass "under way".
 * A pass asked for again while it ran is followed by exactly one more, whatever the number of asks.
 */
export function oneAtATime<T>(task: () => Promise<T>): OneAtATime<T> {
  let running: Promise<T> | null = null;
  let isAskedAgain = false;
  let isClosed = false;
  const run = (): Promise<T | undefined> => {
    if (running) {
      isAskedAgain = !isClosed;
      return running;
    }
    if (isClosed) {
      return Promise.resolve(undefined);
    }
    const pass = task().finally(() => {
      if (running !== pass) {
        return;
      }
      running = null;
      if (isAskedAgain && !isClosed) {
        isAskedAgain = false;
        // Nobody awaits this pass; the task reports its own failures.
        run().catch(() => undefined);
      }
    });
    running = pass;
    return pass;
  };
  return {
    run,
    current: () => running,
    async close() {
      isClosed = true;
      isAskedAgain = false;
      // The pass's failure was its caller's to hear; closing only waits for it to end.
      await running?.catch(() => undefined);
    },
  };
}
