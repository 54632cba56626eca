/**
 * A small deterministic random source for fuzz tests: the same seed gives the same cases on every machine, so a
 * failure names its seed and case number and can be replayed exactly (mulberry32, 32-bit state).
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `length` random bytes. */
  bytes(length: number): Uint8Array;
  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string;
}

/** A random source seeded with `seed` (any 32-bit integer). */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) {
        throw new Error('pick needs at least one item');
      }
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
    string: (length, alphabet) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)] ?? '').join(''),
  };
}
