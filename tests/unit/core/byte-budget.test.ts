import { describe, expect, it } from 'vitest';
import { createByteBudget, type ByteHold } from '../../../src-main/core/byte-budget';

/** Whether a promise has settled, checked after every pending callback has run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('a byte budget', () => {
  it('holds at most its limit at once; the rest wait and come in as room is let go', async () => {
    const budget = createByteBudget(100);
    const first = await budget.hold(60);
    const second = budget.hold(60);
    expect(await isSettled(second)).toBe(false);
    expect(budget.state()).toEqual({ limitBytes: 100, heldBytes: 60, peakHeldBytes: 60, waitingCount: 1 });
    first.release();
    const admitted = await second;
    expect(admitted.bytes).toBe(60);
    expect(budget.state()).toMatchObject({ heldBytes: 60, peakHeldBytes: 60, waitingCount: 0 });
  });

  it('serves callers in the order they asked, so small ones never pass a large one for ever', async () => {
    const budget = createByteBudget(100);
    const first = await budget.hold(50);
    const large = budget.hold(80);
    const small = budget.hold(10);
    expect(await isSettled(small)).toBe(false);
    first.release();
    const admitted: ByteHold = await large;
    expect(await isSettled(small)).toBe(true);
    expect(budget.state().heldBytes).toBe(admitted.bytes + 10);
  });

  it('lets a caller larger than the whole limit go alone, once nothing else is held, and counts it as it is', async () => {
    const budget = createByteBudget(100);
    const small = await budget.hold(10);
    const oversized = budget.hold(1_000);
    expect(await isSettled(oversized)).toBe(false);
    small.release();
    const hold = await oversized;
    expect(budget.state()).toMatchObject({ heldBytes: 1_000, peakHeldBytes: 1_000 });
    const next = budget.hold(1);
    expect(await isSettled(next)).toBe(false);
    hold.release();
    hold.release();
    expect((await next).bytes).toBe(1);
    expect(budget.state().heldBytes).toBe(1);
  });

  it('lets a caller that gives up while waiting leave the queue, and lets the next one in', async () => {
    const budget = createByteBudget(100);
    const first = await budget.hold(90);
    const giveUp = new AbortController();
    const impatient = budget.hold(100, giveUp.signal);
    const patient = budget.hold(10);
    giveUp.abort(new Error('gone'));
    await expect(impatient).rejects.toThrow('gone');
    expect(await isSettled(patient)).toBe(true);
    expect(budget.state()).toMatchObject({ heldBytes: 100, waitingCount: 0 });
    first.release();
  });
});
