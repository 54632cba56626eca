/** How the login throttle counts. */
export interface LoginThrottleLimits {
  /** Logins allowed per login id in any minute; the next one is refused. */
  readonly perMinute: number;
  /** Login ids tracked at once. A full table refuses new ids until the oldest window ends, rather than forget one. */
  readonly trackedLoginIds: number;
}

/** Counts login attempts per login id over a sliding minute, in memory bounded whatever the callers send. */
export interface LoginThrottle {
  /** Records an attempt; null when it may go ahead, or the seconds to wait before the next one would be let through. */
  attempt(loginId: string): number | null;
  /** How many login ids the table holds now. */
  readonly trackedCount: number;
}

const windowMs = 60_000;

/**
 * A sliding-minute throttle per login id. Each id keeps only the times of its last `perMinute` attempts (refused ones
 * count too, so hammering keeps the door shut): an attempt is refused when the oldest of those is less than a minute
 * old, which is exactly "more than `perMinute` in a minute". An id with no attempt in the last minute can no longer
 * refuse anything and is dropped; the table is kept in order of last attempt, so the dropping stops at the first live id.
 */
export function createLoginThrottle(limits: LoginThrottleLimits, now: () => number): LoginThrottle {
  const recentAttempts = new Map<string, number[]>();

  const dropEndedWindows = (at: number): void => {
    for (const [loginId, times] of recentAttempts) {
      if (at - (times.at(-1) ?? 0) < windowMs) {
        return;
      }
      recentAttempts.delete(loginId);
    }
  };

  const secondsUntil = (endsAt: number, at: number): number => Math.max(1, Math.ceil((endsAt - at) / 1000));

  return {
    attempt(loginId) {
      const at = now();
      dropEndedWindows(at);
      const times = recentAttempts.get(loginId);
      if (times === undefined && recentAttempts.size >= limits.trackedLoginIds) {
        // Forgetting a live id would let it start a fresh minute: a new id waits until the oldest window ends.
        const [oldest] = recentAttempts.values();
        return secondsUntil((oldest?.at(-1) ?? at) + windowMs, at);
      }
      const kept = (times ?? []).filter((time) => at - time < windowMs);
      const isRefused = kept.length >= limits.perMinute;
      kept.push(at);
      if (kept.length > limits.perMinute) {
        kept.shift();
      }
      recentAttempts.delete(loginId);
      recentAttempts.set(loginId, kept);
      return isRefused ? secondsUntil((kept[0] ?? at) + windowMs, at) : null;
    },
    get trackedCount() {
      return recentAttempts.size;
    },
  };
}
