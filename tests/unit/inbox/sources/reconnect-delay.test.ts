import { describe, expect, it } from 'vitest';
import { createPause, reconnectDelay } from '../../../../src-main/core/inbox/sources/reconnect-delay';

describe('reconnectDelay', () => {
  it('waits 1 s after the first failure, doubling after each further one, never more than a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(reconnectDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
  });
});

describe('createPause', () => {
  it('ends a wait at once when cancelled, and every later wait too, so closing never waits out a backoff', async () => {
    const pause = createPause();
    const started = Date.now();
    const waiting = pause.wait(60_000);
    pause.cancel();
    await waiting;
    await pause.wait(60_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
