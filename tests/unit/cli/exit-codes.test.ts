import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src-main/cli/exit-codes';

describe('the preflight command’s exit code', () => {
  it('is 0 when every file passes, 1 with warnings only, 2 when any is blocked, 3 when any could not be checked', () => {
    expect(exitCodeFor([{ verdict: 'pass' }, { verdict: 'pass' }])).toBe(0);
    expect(exitCodeFor([{ verdict: 'pass' }, { verdict: 'warn' }])).toBe(1);
    expect(exitCodeFor([{ verdict: 'warn' }, { verdict: 'block' }, { verdict: 'pass' }])).toBe(2);
    expect(exitCodeFor([{ verdict: 'block' }, { verdict: 'error' }])).toBe(3);
  });
});
