import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../support/seeded-random';

describe('the fuzz tests’ seeded random source', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = seededRandom(42);
    const again = seededRandom(42);
    const other = seededRandom(43);
    const a = Array.from({ length: 20 }, () => first.next());
    expect(Array.from({ length: 20 }, () => again.next())).toEqual(a);
    expect(Array.from({ length: 20 }, () => other.next())).not.toEqual(a);
  });

  it('keeps integers within their bounds and reaches both ends', () => {
    const random = seededRandom(7);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(3, 9)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('spreads floats over [0, 1) without falling outside it', () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 10_000 }, () => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('builds strings and bytes of the asked length from the asked alphabet', () => {
    const random = seededRandom(9);
    expect(random.string(50, 'ab')).toMatch(/^[ab]{50}$/);
    expect(random.bytes(17)).toHaveLength(17);
    expect(() => random.pick([])).toThrow();
  });
});
