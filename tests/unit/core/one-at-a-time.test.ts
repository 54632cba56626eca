import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../src-main/core/one-at-a-time';

/** A task whose passes each wait until released. */
function gatedTask() {
  let passes = 0;
  const gates: (() => void)[] = [];
  const task = oneAtATime(async () => {
    passes += 1;
    await new Promise<void>((resolve) => gates.push(resolve));
    return passes;
  });
  return { task, passes: () => passes, release: () => gates.shift()?.() };
}

describe('oneAtATime', () => {
  it('a call while a pass runs gets that pass, and one more pass follows it', async () => {
    const { task, passes, release } = gatedTask();
    const first = task.run();
    expect(task.run()).toBe(first);
    expect(task.run()).toBe(first);
    release();
    expect(await first).toBe(1);
    // Asked twice during the first pass: exactly one more pass runs.
    const follow = task.current();
    expect(follow).not.toBeNull();
    release();
    expect(await follow).toBe(2);
    expect(task.current()).toBeNull();
    expect(passes()).toBe(2);
  });

  it('without a call during a pass, no other pass runs', async () => {
    const { task, passes, release } = gatedTask();
    const first = task.run();
    release();
    await first;
    expect(task.current()).toBeNull();
    expect(passes()).toBe(1);
  });

  it('a pass that ends without waiting (nothing to do) does not stay "under way"', async () => {
    let passes = 0;
    const task = oneAtATime(async () => ++passes);
    expect(await task.run()).toBe(1);
    expect(task.current()).toBeNull();
    expect(await task.run()).toBe(2);
  });

  it('a failed pass is forgotten too, so the next call tries again', async () => {
    let fails = true;
    const task = oneAtATime(async () => {
      if (fails) {
        throw new Error('court unreachable');
      }
      return 'done';
    });
    await expect(task.run()).rejects.toThrow('court unreachable');
    fails = false;
    expect(await task.run()).toBe('done');
  });

  it('close waits for the pass under way, starts not the one asked for during it, and starts none after', async () => {
    const { task, passes, release } = gatedTask();
    const first = task.run();
    expect(task.run()).toBe(first);
    let isClosed = false;
    const closing = task.close().then(() => (isClosed = true));
    await Promise.resolve();
    expect(isClosed).toBe(false);
    release();
    await closing;
    expect(await first).toBe(1);
    expect(task.current()).toBeNull();
    expect(await task.run()).toBeUndefined();
    expect(passes()).toBe(1);
  });

  it('close resolves after a pass that fails, and at once when no pass runs', async () => {
    const task = oneAtATime(async () => {
      throw new Error('court unreachable');
    });
    const failing = task.run();
    await task.close();
    await expect(failing).rejects.toThrow('court unreachable');
    await task.close();
  });
});
