import { z } from 'zod';
import { describeCronProblem } from './cron-pattern.js';
import { parseDuration } from './duration.js';

// One schema for ai-employee.yaml: validation, defaults and the Config type all come from here.
const toMilliseconds = (value: string | number, ctx: z.RefinementCtx) => {
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration (write it like 500ms, 2s, 10m, 1h)` });
    return z.NEVER;
  }
  return ms;
};

const duration = (fallback: string) => z.union([z.string(), z.number()]).default(fallback).transform(toMilliseconds);

// `every:` has no default: a schedule must always say its period, and a period of 0 would never end.
const period = z
  .union([z.string(), z.number()])
  .transform(toMilliseconds)
  .refine((ms) => ms > 0, 'must be longer than 0');

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time written HH:MM, e.g. "08:00"');
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const constraintFields = {
  maxLoadPerCpu: z.number().positive(),
  minFreeMemoryMB: z.number().nonnegative(),
  minBatteryPercent: z.number().min(0).max(100),
  requireCharging: z.boolean(),
  minFreeDiskMB: z.number().nonnegative(),
};

export const constraintsSchema = z
  .object({
    maxLoadPerCpu: constraintFields.maxLoadPerCpu.default(0.9),
    minFreeMemoryMB: constraintFields.minFreeMemoryMB.default(200),
    minBatteryPercent: constraintFields.minBatteryPercent.default(15),
    requireCharging: constraintFields.requireCharging.default(false),
    minFreeDiskMB: constraintFields.minFreeDiskMB.default(500),
  })
  .strict();

// A job's overrides carry only the keys the user wrote (no defaults), so the rest come from constraints: above.
const constraintOverridesSchema = z.object(constraintFields).partial().strict();

// Checked here, not when the job first runs, so a bad pattern is a configuration error (exit 2).
const cronPattern = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    const problem = describeCronProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const scheduleSchema = z.union([
  z.object({ every: period }).strict(),
  z.object({ daily: clock }).strict(),
  z.object({ weekly: z.object({ days: z.array(weekday).min(1), at: clock }).strict() }).strict(),
  z.object({ cron: cronPattern }).strict(),
]);

export const jobSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-", at most 64'),
    command: z.union([z.array(z.string().min(1)).min(1), z.string().min(1)]),
    shell: z.boolean().default(false),
    schedule: scheduleSchema,
    timeout: duration('10m'),
    retries: z.number().int().min(0).max(10).default(0),
    retryDelay: duration('1s'),
    catchUp: z.boolean().default(true),
    constraints: constraintOverridesSchema.prefault({}),
  })
  .strict()
  .superRefine((job, ctx) => {
    if (typeof job.command === 'string' && !job.shell) {
      ctx.addIssue({
        code: 'custom',
        path: ['command'],
        message: 'a single string runs through a shell: write a list [program, args…], or set shell: true',
      });
    }
  });

export const DEFAULT_IGNORE = ['*.tmp', '*.part', '*.crdownload', '*.download', '*.partial', '*.swp', '*~', '~$*', 'Thumbs.db', 'desktop.ini'];

export const configSchema = z
  .object({
    intake: z
      .object({
        ignore: z.array(z.string().min(1)).default(DEFAULT_IGNORE),
        settleTime: duration('500ms'),
        openNoteQuiet: duration('5m'),
        editQuiet: duration('30s'),
        emptyNoteWait: duration('10m'),
        ocr: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    planner: z
      .object({
        engine: z.enum(['rules', 'command']).default('rules'),
        command: z.array(z.string().min(1)).min(1).optional(),
        timeout: duration('120s'),
        concurrency: z.number().int().min(1).max(16).default(2),
        cooldown: duration('15m'),
        maxReadKB: z.number().int().min(1).max(10_240).default(256),
        maxOutputKB: z.number().int().min(1).max(10_240).default(64),
        highKeywords: z.array(z.string().min(1)).default([]),
        taskTag: z.string().regex(/^#?[\p{L}\p{N}_/-]{1,60}$/u, 'a tag such as #task').optional(),
      })
      .strict()
      .superRefine((planner, ctx) => {
        if (planner.engine === 'command' && !planner.command) {
          ctx.addIssue({ code: 'custom', path: ['command'], message: 'engine: command needs command: [program, args…]' });
        }
      })
      .prefault({}),
    briefing: z
      .object({ time: clock.default('08:00'), staleDays: z.number().int().min(1).max(365).default(3) })
      .strict()
      .prefault({}),
    daemon: z
      .object({ debounce: duration('50ms'), heartbeat: duration('1m') })
      .strict()
      .prefault({}),
    constraints: constraintsSchema.prefault({}),
    jobs: z.array(jobSchema).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.jobs.forEach((job, index) => {
      if (seen.has(job.name)) ctx.addIssue({ code: 'custom', path: ['jobs', index, 'name'], message: `job name "${job.name}" is used twice` });
      seen.add(job.name);
    });
  });

export type Config = z.output<typeof configSchema>;
export type ConstraintsConfig = z.output<typeof constraintsSchema>;
export type JobConfig = z.output<typeof jobSchema>;
export type JobSchedule = JobConfig['schedule'];

export function defaultConfig(): Config {
  return configSchema.parse({});
}
