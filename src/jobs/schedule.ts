import { Cron } from 'croner';
import { formatDuration } from '../config/duration.js';
import type { JobSchedule } from '../config/schema.js';
import { ConfigError } from '../errors.js';

// A job's schedule as times on the clock: the next one after a moment, the latest one before it.
// Calendar schedules (daily, weekly, cron) are read in local time; `every` counts from an anchor.

const WEEKDAY_NUMBER = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;

type CalendarSchedule = Exclude<JobSchedule, { every: number }>;

function isEvery(schedule: JobSchedule): schedule is { every: number } {
  return 'every' in schedule;
}

// Daily and weekly become cron patterns, so one well-tested engine handles DST and month ends.
export function toCronPattern(schedule: CalendarSchedule): string {
  if ('cron' in schedule) return schedule.cron;
  const at = 'daily' in schedule ? schedule.daily : schedule.weekly.at;
  const [hour, minute] = at.split(':').map(Number);
  const days = 'daily' in schedule ? '*' : schedule.weekly.days.map((day) => WEEKDAY_NUMBER[day]).join(',');
  return `${minute} ${hour} * * ${days}`;
}

function cronFor(schedule: CalendarSchedule): Cron {
  const pattern = toCronPattern(schedule);
  try {
    return new Cron(pattern, { paused: true });
  } catch (error) {
    throw new ConfigError(`schedule cron "${pattern}" is not a valid cron pattern: ${(error as Error).message}`, { cause: error });
  }
}

function everyMs(schedule: { every: number }): number {
  if (!(schedule.every > 0)) throw new ConfigError(`schedule every: ${schedule.every}ms must be longer than 0`);
  return schedule.every;
}

// The first scheduled time strictly after `after` (for `every`: `after` plus the period); null if none ever comes.
export function nextRunAfter(schedule: JobSchedule, after: Date): Date | null {
  if (isEvery(schedule)) return new Date(after.getTime() + everyMs(schedule));
  return cronFor(schedule).nextRun(after);
}

// The latest scheduled time at or before `at`, counting `every` periods from `anchor`; null if none.
export function latestRunAtOrBefore(schedule: JobSchedule, at: Date, anchor: Date): Date | null {
  if (isEvery(schedule)) {
    const period = everyMs(schedule);
    const periods = Math.floor((at.getTime() - anchor.getTime()) / period);
    return periods >= 1 ? new Date(anchor.getTime() + periods * period) : null;
  }
  const [latest] = cronFor(schedule).previousRuns(1, new Date(at.getTime() + 1));
  return latest && latest.getTime() > anchor.getTime() ? latest : null;
}

const DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

// How `jobs list` shows a schedule to a person.
export function describeSchedule(schedule: JobSchedule): string {
  if (isEvery(schedule)) return `every ${formatDuration(schedule.every)}`;
  if ('daily' in schedule) return `daily at ${schedule.daily}`;
  if ('weekly' in schedule) {
    const days = DAY_ORDER.filter((day) => schedule.weekly.days.includes(day));
    return `weekly on ${days.join(', ')} at ${schedule.weekly.at}`;
  }
  return `cron "${schedule.cron}"`;
}
