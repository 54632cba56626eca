/** The first wait after a dropped connection; each further failure doubles it. */
const firstDelayMs = 1_000;
/** The longest wait: a mail server that is down for hours is still tried every minute. */
const longestDelayMs = 60_000;

/** How long to wait before connecting again after `failures` failures in a row (1 s, 2 s, 4 s … 60 s). */
export function reconnectDelay(failures: number): number {
  return Math.min(longestDelayMs, firstDelayMs * 2 ** Math.max(0, failures - 1));
}

/** A wait that `cancel()` ends early, so closing a source never waits out a backoff. */
export interface Pause {
  wait(milliseconds: number): Promise<void>;
  cancel(): void;
}

/** A pause for one source; after `cancel()` every wait, current or later, ends at once. */
export function createPause(): Pause {
  let isCancelled = false;
  const waiting = new Set<() => void>();
  return {
    wait(milliseconds) {
      if (isCancelled) {
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const finish = (): void => {
          clearTimeout(timer);
          waiting.delete(finish);
          resolve();
        };
        const timer = setTimeout(finish, milliseconds);
        waiting.add(finish);
      });
    },
    cancel() {
      isCancelled = true;
      for (const finish of [...waiting]) {
        finish();
      }
    },
  };
}
