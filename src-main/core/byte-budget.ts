/** Room for some bytes, held until they are let go. */
export interface ByteHold {
  /** How many bytes this hold has. */
  readonly bytes: number;
  /** Lets the bytes go, so a waiting caller may come in. Once is enough; again does nothing. */
  release(): void;
}

/** What a budget holds now and has held at most. */
export interface ByteBudgetState {
  readonly limitBytes: number;
  readonly heldBytes: number;
  /** The most held at once since the budget was made: above the limit only while one caller larger than it went alone. */
  readonly peakHeldBytes: number;
  readonly waitingCount: number;
}

/** A limit on bytes held at once (request bodies being read and worked on), shared by every caller. */
export interface ByteBudget {
  /**
   * Waits until `bytes` fit beside what is held, then holds them. Callers come in strictly in the order they
   * asked, so a large hold is never passed over for ever by small ones. A caller larger than the whole limit
   * goes alone, once nothing else is held. When `abandon` fires first, the caller leaves the queue and the
   * promise rejects with its reason.
   */
  hold(bytes: number, abandon?: AbortSignal): Promise<ByteHold>;
  state(): ByteBudgetState;
}

interface Waiter {
  readonly bytes: number;
  readonly admit: (hold: ByteHold) => void;
}

/** A byte budget of `limitBytes`, first come first served. */
export function createByteBudget(limitBytes: number): ByteBudget {
  let heldBytes = 0;
  let peakHeldBytes = 0;
  const waiting: Waiter[] = [];

  const grant = (bytes: number): ByteHold => {
    heldBytes += bytes;
    peakHeldBytes = Math.max(peakHeldBytes, heldBytes);
    let isReleased = false;
    return {
      bytes,
      release() {
        if (isReleased) {
          return;
        }
        isReleased = true;
        heldBytes -= bytes;
        admitWaiters();
      },
    };
  };

  const fits = (bytes: number): boolean => heldBytes === 0 || heldBytes + bytes <= limitBytes;

  const admitWaiters = (): void => {
    for (let next = waiting[0]; next !== undefined && fits(next.bytes); next = waiting[0]) {
      waiting.shift();
      next.admit(grant(next.bytes));
    }
  };

  return {
    hold(bytes, abandon) {
      const wanted = Math.max(0, bytes);
      if (abandon?.aborted) {
        return Promise.reject(abandon.reason as Error);
      }
      if (waiting.length === 0 && fits(wanted)) {
        return Promise.resolve(grant(wanted));
      }
      return new Promise<ByteHold>((resolve, reject) => {
        const onAbandon = (): void => {
          const index = waiting.indexOf(waiter);
          if (index < 0) {
            return;
          }
          waiting.splice(index, 1);
          reject(abandon?.reason as Error);
          // The caller that left may have been the one blocking the queue.
          admitWaiters();
        };
        const waiter: Waiter = {
          bytes: wanted,
          admit: (hold) => {
            abandon?.removeEventListener('abort', onAbandon);
            resolve(hold);
          },
        };
        waiting.push(waiter);
        abandon?.addEventListener('abort', onAbandon, { once: true });
      });
    },
    state: () => ({ limitBytes, heldBytes, peakHeldBytes, waitingCount: waiting.length }),
  };
}
