/** A task that runs one pass at a time. */
export interface OneAtATime<T> {
  /**
   * Starts a pass, or answers the one under way. Asked during a pass, it also asks for one more pass right after,
   * since the pass under way may have looked before the caller's reason to ask (a notice just stored) existed.
   */
  run(): Promise<T>;
  /** The pass under way, or null. */
  current(): Promise<T> | null;
}

/**
 * Runs `task` one pass at a time. The pass is forgotten in a `finally` that runs after it is recorded, so a
 * pass that ends without ever waiting (nothing to do) cannot leave itself behind as the pass "under way".
 * A pass asked for again while it ran is followed by exactly one more, whatever the number of asks.
 */
export function oneAtATime<T>(task: () => Promise<T>): OneAtATime<T> {
  let running: Promise<T> | null = null;
  let isAskedAgain = false;
  const run = (): Promise<T> => {
    if (running) {
      isAskedAgain = true;
      return running;
    }
    const pass = task().finally(() => {
      if (running !== pass) return;
      running = null;
      if (isAskedAgain) {
        isAskedAgain = false;
        // Nobody awaits this pass; the task reports its own failures.
        run().catch(() => undefined);
      }
    });
    running = pass;
    return pass;
  };
  return { run, current: () => running };
}
