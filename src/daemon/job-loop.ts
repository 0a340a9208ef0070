import type { Session } from '../runner/session.js';
import { jobsStage } from '../jobs/stage.js';
import { startRepeating, type RepeatingTask } from './repeat-task.js';
import type { Timers } from './timers.js';

// Jobs run beside the item iterations, so a ten-minute job never holds back a drop. They share
// the one state object and its saves; this loop never overlaps itself, and runJob keeps one job
// from overlapping itself.

// Scheduled times are minutes (HH:MM, cron), so looking once a minute is on time.
const JOB_TICK_MS = 60_000;

export interface JobLoopOptions {
  session: Session;
  signal: AbortSignal;
  onError: (error: unknown) => void;
  tickMs?: number;
  timers?: Timers;
}

// Started by the daemon; looks for due jobs at once and then every minute.
export function startJobLoop(options: JobLoopOptions): RepeatingTask {
  const { session, signal } = options;
  return startRepeating({
    everyMs: () => options.tickMs ?? JOB_TICK_MS,
    runAtStart: true,
    onError: options.onError,
    timers: options.timers,
    task: async () => {
      if (signal.aborted || session.config.jobs.length === 0) return;
      await session.iterate([jobsStage], signal, { counted: false });
    },
  });
}
