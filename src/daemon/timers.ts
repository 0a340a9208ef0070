// The clock and timers the daemon's schedulers use, injected so tests can drive them by hand.

export interface Timers {
  now(): number;
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

// The real clock: ref'd timers, so a waiting daemon keeps its process alive until it stops them.
export const REAL_TIMERS: Timers = {
  now: () => Date.now(),
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
