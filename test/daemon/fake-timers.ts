import type { Timers } from '../../src/daemon/timers.js';

// A hand-driven clock for the daemon's schedulers: time moves only when a test calls advance().
export function fakeTimers(): Timers & { advance(ms: number): Promise<void>; pending(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    set(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clear(handle) {
      timers.delete(handle as number);
    },
    pending: () => timers.size,
    // Moves the clock forward, firing due timers in order and letting the promises they start settle.
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        await flush();
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
      await flush();
    },
  };
}
