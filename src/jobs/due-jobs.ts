import type { JobConfig } from '../config/schema.js';
import type { JobState } from '../runner/state.js';
import { latestRunAtOrBefore, nextRunAfter } from './schedule.js';

// Whether a job should run now (§11), from its schedule, its remembered state and the clock.
//
// A scheduled time counts as "on time" when it passed at most `onTimeMs` ago: the runner checks
// every few minutes, so a slightly late time is the normal case. An older one was missed (the
// agent was down, or the job was held): with catchUp it runs once, without it it is skipped and
// the next scheduled time is awaited. Only times after the job was first seen count at all.

export type DueReason = 'schedule' | 'catch-up' | 'first-run';

export type DueCheck =
  | { due: true; reason: DueReason; scheduledAt: Date }
  // skippedTo: the latest missed time passed over (catchUp: false), to be remembered as lastScheduledAt.
  | { due: false; nextAt: Date | null; skippedTo?: Date };

// How late a scheduled time may be seen and still count as on time, unless the runner says otherwise.
export const DEFAULT_ON_TIME_MS = 15 * 60_000;

function parseTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function later(a: Date, b: Date | undefined): Date {
  return b && b.getTime() > a.getTime() ? b : a;
}

// The moment scheduled times are counted from: the last one handled, else the last run, else first sight.
function anchorFor(job: JobConfig, state: JobState | undefined, now: Date): Date {
  const firstSeen = parseTime(state?.firstSeenAt) ?? now;
  const lastScheduled = parseTime(state?.lastScheduledAt);
  if ('every' in job.schedule) return lastScheduled ?? parseTime(state?.lastRunAt) ?? firstSeen;
  return later(firstSeen, lastScheduled);
}

// Called for each configured job on each iteration (and by `jobs list` for the next run time).
export function isDue(job: JobConfig, state: JobState | undefined, now: Date, onTimeMs = DEFAULT_ON_TIME_MS): DueCheck {
  if ('every' in job.schedule && !state?.lastRunAt && !state?.lastScheduledAt) {
    return { due: true, reason: 'first-run', scheduledAt: now };
  }
  const anchor = anchorFor(job, state, now);
  const latest = latestRunAtOrBefore(job.schedule, now, anchor);
  if (!latest) return { due: false, nextAt: nextRunAfter(job.schedule, anchor) };
  if (now.getTime() - latest.getTime() <= onTimeMs) return { due: true, reason: 'schedule', scheduledAt: latest };
  if (job.catchUp) return { due: true, reason: 'catch-up', scheduledAt: latest };
  return { due: false, nextAt: nextRunAfter(job.schedule, latest), skippedTo: latest };
}
