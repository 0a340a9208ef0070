import { REAL_TIMERS, type Timers } from './timers.js';

// §5 "never two iterations at once": changes ask for an iteration; the scheduler debounces them,
// coalesces every request into one run, and turns any request made during a run into exactly one
// more run after it.

// How many distinct reasons one run remembers (for its log line); more are counted, not kept.
const MAX_REASONS = 5;

export interface SchedulerOptions {
  // Read at every request, so a reloaded configuration takes effect at once.
  debounceMs: () => number;
  // A steady stream of changes still gets a run this long after its first request.
  maxWaitMs: () => number;
  run: (reasons: string[]) => Promise<void>;
  // A run that throws is reported here; the scheduler goes on.
  onError: (error: unknown) => void;
  timers?: Timers;
}

export interface IterationScheduler {
  request(reason: string): void;
  readonly running: boolean;
  // Stops scheduling and resolves when the run in hand (if any) has ended.
  stop(): Promise<void>;
}

// The daemon's one iteration scheduler; each change, tick or backstop calls request().
export function createIterationScheduler(options: SchedulerOptions): IterationScheduler {
  const timers = options.timers ?? REAL_TIMERS;
  let timer: unknown;
  let firstRequestAt: number | null = null;
  let reasons: string[] = [];
  let current: Promise<void> | null = null;
  let stopped = false;

  const remember = (reason: string) => {
    if (reasons.includes(reason)) return;
    if (reasons.length < MAX_REASONS) reasons.push(reason);
    else if (reasons.length === MAX_REASONS) reasons.push('…');
  };

  const arm = () => {
    const now = timers.now();
    firstRequestAt ??= now;
    const due = Math.min(now + options.debounceMs(), firstRequestAt + options.maxWaitMs());
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(fire, Math.max(0, due - now));
  };

  const fire = () => {
    timer = undefined;
    firstRequestAt = null;
    if (stopped || current) return;
    const taken = reasons;
    reasons = [];
    current = runOnce(taken);
  };

  const runOnce = async (taken: string[]) => {
    try {
      await options.run(taken);
    } catch (error) {
      options.onError(error);
    } finally {
      current = null;
      // Requests made during the run wait for it, then get exactly one more run.
      if (!stopped && reasons.length > 0) arm();
    }
  };

  return {
    request(reason) {
      if (stopped) return;
      remember(reason);
      if (!current) arm();
    },
    get running() {
      return current !== null;
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      await current;
    },
  };
}
