import { describe, expect, test } from 'vitest';
import { startRepeating } from '../../src/daemon/repeat-task.js';
import { fakeTimers } from './fake-timers.js';

describe('startRepeating', () => {
  test('runs every period, never overlapping itself: the next wait starts when a run ends', async () => {
    const timers = fakeTimers();
    const starts: number[] = [];
    let finish = () => {};
    const task = startRepeating({ everyMs: () => 1000, timers, onError: () => {}, task: () => new Promise<void>((resolve) => { starts.push(timers.now()); finish = resolve; }) });
    await timers.advance(1000);
    expect(starts).toEqual([1000]);
    await timers.advance(5000);
    expect(starts).toEqual([1000]);
    finish();
    await timers.advance(1000);
    expect(starts).toEqual([1000, 7000]);
    finish();
    await task.stop();
    expect(timers.pending()).toBe(0);
  });

  test('a run that throws is reported and the repetition goes on; runAtStart runs at once', async () => {
    const timers = fakeTimers();
    const errors: string[] = [];
    let n = 0;
    const task = startRepeating({ everyMs: () => 100, runAtStart: true, timers, onError: (e) => errors.push((e as Error).message), task: async () => { n++; throw new Error(`run ${n}`); } });
    await timers.advance(250);
    expect(errors).toEqual(['run 1', 'run 2', 'run 3']);
    await task.stop();
    await timers.advance(1000);
    expect(n).toBe(3);
  });
});
