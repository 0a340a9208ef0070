// Local time is Europe/Berlin for this file (DST: 2024-03-31 02:00→03:00, 2024-10-27 03:00→02:00).
process.env.TZ = 'Europe/Berlin';

import { describe, expect, test } from 'vitest';
import type { JobSchedule } from '../../src/config/schema.js';
import { describeSchedule, latestRunAtOrBefore, nextRunAfter, toCronPattern } from '../../src/jobs/schedule.js';

// A local Berlin wall-clock time, e.g. local(2024, 3, 31, 8, 0).
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

test('the time zone of this file is Berlin, with DST', () => {
  expect(new Date('2024-01-15T12:00:00Z').getTimezoneOffset()).toBe(-60);
  expect(new Date('2024-07-15T12:00:00Z').getTimezoneOffset()).toBe(-120);
});

describe('nextRunAfter', () => {
  test.each<{ label: string; schedule: JobSchedule; after: Date; next: string }>([
    { label: 'daily, later today', schedule: { daily: '08:00' }, after: local(2024, 1, 5, 7, 59), next: '2024-01-05T07:00:00.000Z' },
    { label: 'daily, exactly at the time → tomorrow', schedule: { daily: '08:00' }, after: local(2024, 1, 5, 8, 0), next: '2024-01-06T07:00:00.000Z' },
    { label: 'daily across midnight', schedule: { daily: '00:15' }, after: local(2024, 1, 5, 23, 50), next: '2024-01-05T23:15:00.000Z' },
    { label: 'daily across a month and year end', schedule: { daily: '00:00' }, after: local(2024, 12, 31, 12, 0), next: '2024-12-31T23:00:00.000Z' },
    { label: 'daily across spring DST (23 h day)', schedule: { daily: '08:00' }, after: local(2024, 3, 30, 8, 0), next: '2024-03-31T06:00:00.000Z' },
    { label: 'daily across autumn DST (25 h day)', schedule: { daily: '08:00' }, after: local(2024, 10, 26, 8, 0), next: '2024-10-27T07:00:00.000Z' },
    { label: 'daily at a time DST skips → 03:00 that day', schedule: { daily: '02:30' }, after: local(2024, 3, 30, 12, 0), next: '2024-03-31T01:00:00.000Z' },
    { label: 'daily at a time DST repeats → once, the first', schedule: { daily: '02:30' }, after: local(2024, 10, 26, 12, 0), next: '2024-10-27T00:30:00.000Z' },
    { label: 'the repeated time does not run twice', schedule: { daily: '02:30' }, after: new Date('2024-10-27T00:30:00.000Z'), next: '2024-10-28T01:30:00.000Z' },
    { label: 'weekly, next listed day', schedule: { weekly: { days: ['mon', 'fri'], at: '09:00' } }, after: local(2024, 1, 5, 10, 0), next: '2024-01-08T08:00:00.000Z' },
    { label: 'weekly, same day before the time', schedule: { weekly: { days: ['fri'], at: '09:00' } }, after: local(2024, 1, 5, 8, 0), next: '2024-01-05T08:00:00.000Z' },
    { label: 'weekly sunday across DST', schedule: { weekly: { days: ['sun'], at: '04:00' } }, after: local(2024, 3, 30, 0, 0), next: '2024-03-31T02:00:00.000Z' },
    { label: 'cron hourly', schedule: { cron: '0 * * * *' }, after: local(2024, 1, 5, 10, 30), next: '2024-01-05T10:00:00.000Z' },
    { label: 'cron first of the month', schedule: { cron: '30 6 1 * *' }, after: local(2024, 1, 5), next: '2024-02-01T05:30:00.000Z' },
    { label: 'every adds the period', schedule: { every: 30 * 60_000 }, after: new Date('2024-03-31T00:45:00.000Z'), next: '2024-03-31T01:15:00.000Z' },
  ])('$label', ({ schedule, after, next }) => {
    expect(nextRunAfter(schedule, after)?.toISOString()).toBe(next);
  });

  test('a cron that never matches has no next run', () => {
    expect(nextRunAfter({ cron: '0 0 30 2 *' }, local(2024, 1, 1))).toBeNull();
  });

  test('an invalid cron names the pattern', () => {
    expect(() => nextRunAfter({ cron: 'every tuesday' }, local(2024, 1, 1))).toThrow(/cron "every tuesday" is not a valid cron pattern/);
  });
});

describe('latestRunAtOrBefore', () => {
  test.each<{ label: string; schedule: JobSchedule; at: Date; anchor: Date; latest: string | null }>([
    { label: 'daily, the time itself counts', schedule: { daily: '08:00' }, at: local(2024, 1, 5, 8, 0), anchor: local(2024, 1, 1), latest: '2024-01-05T07:00:00.000Z' },
    { label: 'daily, yesterday when before today’s time', schedule: { daily: '08:00' }, at: local(2024, 1, 5, 7, 0), anchor: local(2024, 1, 1), latest: '2024-01-04T07:00:00.000Z' },
    { label: 'daily, none after the anchor', schedule: { daily: '08:00' }, at: local(2024, 1, 5, 7, 0), anchor: local(2024, 1, 4, 9, 0), latest: null },
    { label: 'daily, the anchor itself does not count', schedule: { daily: '08:00' }, at: local(2024, 1, 5, 7, 0), anchor: local(2024, 1, 4, 8, 0), latest: null },
    { label: 'every, whole periods from the anchor', schedule: { every: 3_600_000 }, at: new Date('2024-01-05T10:59:00Z'), anchor: new Date('2024-01-05T07:30:00Z'), latest: '2024-01-05T10:30:00.000Z' },
    { label: 'every, less than one period', schedule: { every: 3_600_000 }, at: new Date('2024-01-05T08:29:00Z'), anchor: new Date('2024-01-05T07:30:00Z'), latest: null },
  ])('$label', ({ schedule, at, anchor, latest }) => {
    expect(latestRunAtOrBefore(schedule, at, anchor)?.toISOString() ?? null).toBe(latest);
  });
});

describe('describing schedules', () => {
  test.each<{ schedule: JobSchedule; text: string; cron?: string }>([
    { schedule: { every: 1_800_000 }, text: 'every 30m' },
    { schedule: { daily: '08:05' }, text: 'daily at 08:05', cron: '5 8 * * *' },
    { schedule: { weekly: { days: ['fri', 'mon'], at: '09:00' } }, text: 'weekly on mon, fri at 09:00', cron: '0 9 * * 5,1' },
    { schedule: { cron: '*/5 * * * *' }, text: 'cron "*/5 * * * *"', cron: '*/5 * * * *' },
  ])('$text', ({ schedule, text, cron }) => {
    expect(describeSchedule(schedule)).toBe(text);
    if (cron && !('every' in schedule)) expect(toCronPattern(schedule)).toBe(cron);
  });
});
