import { REAL_TIMERS, type Timers } from './timers.js';

// A task that runs every `everyMs`, never overlapping itself: the next wait starts when a run ends.

export interface RepeatOptions {
  // Read before every wait, so a reloaded configuration takes effect from the next run.
  everyMs: () => number;
  task: () => Promise<void>;
  // A run that throws is reported here; the repetition goes on.
  onError: (error: unknown) => void;
  // Run once at start instead of after the first wait.
  runAtStart?: boolean;
  timers?: Timers;
}

export interface RepeatingTask {
  // Stops the repetition and resolves when the run in hand (if any) has ended.
  stop(): Promise<void>;
}

// The daemon's heartbeat, backstop and job tick each repeat through this.
export function startRepeating(options: RepeatOptions): RepeatingTask {
  const timers = options.timers ?? REAL_TIMERS;
  let timer: unknown;
  let current: Promise<void> | null = null;
  let stopped = false;

  const runNow = () => {
    timer = undefined;
    if (stopped) return;
    current = (async () => {
      try {
        await options.task();
      } catch (error) {
        options.onError(error);
      } finally {
        current = null;
        wait();
      }
    })();
  };
  const wait = () => {
    if (!stopped) timer = timers.set(runNow, options.everyMs());
  };

  if (options.runAtStart) runNow();
  else wait();
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      await current;
    },
  };
}
