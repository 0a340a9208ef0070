// Local time is Europe/Berlin for this file (DST: 2024-03-31 02:00→03:00, 2024-10-27 03:00→02:00).
process.env.TZ = 'Europe/Berlin';

import { describe, expect, test } from 'vitest';
import { jobSchema, type JobConfig } from '../../src/config/schema.js';
import { isDue } from '../../src/jobs/due-jobs.js';
import type { JobState } from '../../src/runner/state.js';

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);
const iso = (date: Date) => date.toISOString();

function job(schedule: Record<string, unknown>, extra: Record<string, unknown> = {}): JobConfig {
  return jobSchema.parse({ name: 'backup', command: ['true'], schedule, ...extra });
}

type Case = {
  label: string;
  job: JobConfig;
  state: JobState | undefined;
  now: Date;
  expected: { due: true; reason: string; scheduledAt: string } | { due: false; nextAt: string | null; skippedTo?: string };
};

describe('isDue', () => {
  test.each<Case>([
    {
      label: 'every, never run → due at once',
      job: job({ every: '30m' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 10, 0)) },
      now: local(2024, 1, 5, 10, 0),
      expected: { due: true, reason: 'first-run', scheduledAt: iso(local(2024, 1, 5, 10, 0)) },
    },
    {
      label: 'every, never run, catchUp false → still due at once',
      job: job({ every: '30m' }, { catchUp: false }),
      state: undefined,
      now: local(2024, 1, 5, 10, 0),
      expected: { due: true, reason: 'first-run', scheduledAt: iso(local(2024, 1, 5, 10, 0)) },
    },
    {
      label: 'every, within the period → not due',
      job: job({ every: '30m' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 9)), lastRunAt: iso(local(2024, 1, 5, 10)), lastScheduledAt: iso(local(2024, 1, 5, 10)) },
      now: local(2024, 1, 5, 10, 20),
      expected: { due: false, nextAt: iso(local(2024, 1, 5, 10, 30)) },
    },
    {
      label: 'every, a period passed → due on schedule',
      job: job({ every: '30m' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 9)), lastRunAt: iso(local(2024, 1, 5, 10)), lastScheduledAt: iso(local(2024, 1, 5, 10)) },
      now: local(2024, 1, 5, 10, 34),
      expected: { due: true, reason: 'schedule', scheduledAt: iso(local(2024, 1, 5, 10, 30)) },
    },
    {
      label: 'every, down for hours → one catch-up run',
      job: job({ every: '1h' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 7)), lastRunAt: iso(local(2024, 1, 5, 8)), lastScheduledAt: iso(local(2024, 1, 5, 8)) },
      now: local(2024, 1, 5, 14, 40),
      expected: { due: true, reason: 'catch-up', scheduledAt: iso(local(2024, 1, 5, 14, 0)) },
    },
    {
      label: 'every, down for hours, catchUp false → skipped, next period awaited',
      job: job({ every: '1h' }, { catchUp: false }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 7)), lastRunAt: iso(local(2024, 1, 5, 8)), lastScheduledAt: iso(local(2024, 1, 5, 8)) },
      now: local(2024, 1, 5, 14, 40),
      expected: { due: false, nextAt: iso(local(2024, 1, 5, 15, 0)), skippedTo: iso(local(2024, 1, 5, 14, 0)) },
    },
    {
      label: 'daily, the time passed a few minutes ago → due on schedule',
      job: job({ daily: '08:00' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 7)) },
      now: local(2024, 1, 5, 8, 5),
      expected: { due: true, reason: 'schedule', scheduledAt: iso(local(2024, 1, 5, 8)) },
    },
    {
      label: 'daily, first seen after today’s time → not due until tomorrow',
      job: job({ daily: '08:00' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 9)) },
      now: local(2024, 1, 5, 9, 10),
      expected: { due: false, nextAt: iso(local(2024, 1, 6, 8)) },
    },
    {
      label: 'daily, never seen before → not due (catch-up covers only times since first sight)',
      job: job({ daily: '08:00' }),
      state: undefined,
      now: local(2024, 1, 5, 23, 0),
      expected: { due: false, nextAt: iso(local(2024, 1, 6, 8)) },
    },
    {
      label: 'daily, already ran today → not due',
      job: job({ daily: '08:00' }),
      state: { firstSeenAt: iso(local(2024, 1, 1)), lastRunAt: iso(local(2024, 1, 5, 8, 1)), lastScheduledAt: iso(local(2024, 1, 5, 8)) },
      now: local(2024, 1, 5, 20, 0),
      expected: { due: false, nextAt: iso(local(2024, 1, 6, 8)) },
    },
    {
      label: 'daily, two days missed → one catch-up run for the latest time',
      job: job({ daily: '08:00' }),
      state: { firstSeenAt: iso(local(2024, 1, 3, 7)) },
      now: local(2024, 1, 5, 14, 0),
      expected: { due: true, reason: 'catch-up', scheduledAt: iso(local(2024, 1, 5, 8)) },
    },
    {
      label: 'daily, missed, catchUp false → skipped',
      job: job({ daily: '08:00' }, { catchUp: false }),
      state: { firstSeenAt: iso(local(2024, 1, 3, 7)) },
      now: local(2024, 1, 5, 14, 0),
      expected: { due: false, nextAt: iso(local(2024, 1, 6, 8)), skippedTo: iso(local(2024, 1, 5, 8)) },
    },
    {
      label: 'daily 23:55, checked just after midnight → due on schedule',
      job: job({ daily: '23:55' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 23, 50)) },
      now: local(2024, 1, 6, 0, 2),
      expected: { due: true, reason: 'schedule', scheduledAt: iso(local(2024, 1, 5, 23, 55)) },
    },
    {
      label: 'daily 00:00 across midnight → due',
      job: job({ daily: '00:00' }),
      state: { firstSeenAt: iso(local(2024, 1, 5, 23, 58)) },
      now: local(2024, 1, 6, 0, 1),
      expected: { due: true, reason: 'schedule', scheduledAt: iso(local(2024, 1, 6, 0, 0)) },
    },
    {
      label: 'daily 02:30 on the spring DST day runs at 03:00',
      job: job({ daily: '02:30' }),
      state: { firstSeenAt: iso(local(2024, 3, 30, 12)), lastScheduledAt: '2024-03-30T01:30:00.000Z' },
      now: new Date('2024-03-31T01:05:00.000Z'), // 03:05 CEST
      expected: { due: true, reason: 'schedule', scheduledAt: '2024-03-31T01:00:00.000Z' },
    },
    {
      label: 'daily 02:30 on the autumn DST day does not run again at the repeated 02:30',
      job: job({ daily: '02:30' }),
      state: { firstSeenAt: iso(local(2024, 10, 20)), lastScheduledAt: '2024-10-27T00:30:00.000Z' },
      now: new Date('2024-10-27T01:35:00.000Z'), // the second 02:35, CET
      expected: { due: false, nextAt: '2024-10-28T01:30:00.000Z' },
    },
    {
      label: 'every 1h over the autumn DST change counts real hours',
      job: job({ every: '1h' }),
      state: { firstSeenAt: '2024-10-27T00:00:00.000Z', lastRunAt: '2024-10-27T00:00:00.000Z', lastScheduledAt: '2024-10-27T00:00:00.000Z' },
      now: new Date('2024-10-27T01:05:00.000Z'),
      expected: { due: true, reason: 'schedule', scheduledAt: '2024-10-27T01:00:00.000Z' },
    },
    {
      label: 'weekly, on a listed day after the time → due',
      job: job({ weekly: { days: ['mon', 'fri'], at: '09:00' } }),
      state: { firstSeenAt: iso(local(2024, 1, 1)), lastScheduledAt: iso(local(2024, 1, 1, 9)) },
      now: local(2024, 1, 5, 9, 3),
      expected: { due: true, reason: 'schedule', scheduledAt: iso(local(2024, 1, 5, 9)) },
    },
    {
      label: 'cron, between matches → not due',
      job: job({ cron: '0 */6 * * *' }),
      state: { firstSeenAt: iso(local(2024, 1, 1)), lastScheduledAt: iso(local(2024, 1, 5, 6)) },
      now: local(2024, 1, 5, 11, 59),
      expected: { due: false, nextAt: iso(local(2024, 1, 5, 12)) },
    },
  ])('$label', ({ job, state, now, expected }) => {
    const check = isDue(job, state, now);
    const plain = check.due
      ? { due: true, reason: check.reason, scheduledAt: iso(check.scheduledAt) }
      : { due: false, nextAt: check.nextAt ? iso(check.nextAt) : null, ...(check.skippedTo ? { skippedTo: iso(check.skippedTo) } : {}) };
    expect(plain).toEqual(expected);
  });

  test('the on-time window decides between schedule and catch-up', () => {
    const daily = job({ daily: '08:00' }, { catchUp: false });
    const state = { firstSeenAt: iso(local(2024, 1, 5, 7)) };
    const now = local(2024, 1, 5, 8, 40);
    expect(isDue(daily, state, now, 15 * 60_000)).toMatchObject({ due: false });
    expect(isDue(daily, state, now, 60 * 60_000)).toMatchObject({ due: true, reason: 'schedule' });
  });
});
