import type { JobConfig } from '../config/schema.js';
import { DEFAULT_ON_TIME_MS, isDue, type DueCheck } from './due-jobs.js';
import type { JobRunRecord } from './history.js';
import { markJobRunning, markJobSeen, noteJobRun, noteJobSkipped } from './job-state.js';
import { runJob } from './run-job.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { emptyResult, type Stage, type StageContext, type StageResult } from '../pipeline/stage.js';

// Due jobs run side by side, so one slow job does not hold back the others.
const PARALLEL_JOBS = 4;

type DueJob = { job: JobConfig; check: Extract<DueCheck, { due: true }> };

// §11: runs the configured jobs that are due. Jobs come only from ctx.config: no note can add or start one.
export const jobsStage: Stage = {
  name: 'jobs',
  async run(ctx) {
    const result = emptyResult();
    const now = ctx.now();
    const due: DueJob[] = [];
    for (const job of ctx.config.jobs) {
      if (ctx.signal.aborted) break;
      const check = checkJob(ctx, job, now, result);
      if (!check) continue;
      const gate = await ctx.gate.check('heavy', job.constraints, `job ${job.name}`);
      if (!gate.ok) {
        result.skipped++;
        result.heldBecause ??= gate.reason;
        continue;
      }
      if (ctx.dryRun) {
        ctx.dryRun(`run job ${job.name}`);
        result.processed++;
        continue;
      }
      due.push({ job, check });
    }
    await mapWithLimit(due, PARALLEL_JOBS, (item) => runDueJob(ctx, item, result));
    return result;
  },
};

// The runner's own pace sets how late a scheduled time may be and still count as on time.
function onTimeWindow(ctx: StageContext): number {
  const interval = (ctx.state.intervalMinutes ?? 0) * 60_000;
  return Math.max(DEFAULT_ON_TIME_MS, 2 * interval);
}

function checkJob(ctx: StageContext, job: JobConfig, now: Date, result: StageResult): Extract<DueCheck, { due: true }> | null {
  const seen = markJobSeen(ctx.state, job.name, now);
  if (seen.running) {
    ctx.log.warn(`job ${job.name}: marked running by a run that never finished (the agent stopped?); clearing the mark`);
    markJobRunning(ctx.state, job.name, false);
  }
  let check: DueCheck;
  try {
    check = isDue(job, ctx.state.jobs[job.name], now, onTimeWindow(ctx));
  } catch (error) {
    ctx.log.error(`job ${job.name}: ${(error as Error).message}`);
    fail(ctx, job.name, (error as Error).message, result);
    return null;
  }
  if (check.due) return check;
  if (check.skippedTo && !ctx.dryRun) {
    noteJobSkipped(ctx.state, job.name, check.skippedTo);
    const detail = `missed time ${check.skippedTo.toISOString()} skipped (catchUp: false)`;
    ctx.log.info(`job ${job.name}: ${detail}`);
    ctx.audit.record({ action: 'job', item: job.name, result: 'skipped', detail });
  }
  return null;
}

async function runDueJob(ctx: StageContext, { job, check }: DueJob, result: StageResult): Promise<void> {
  const trigger = check.reason === 'catch-up' ? 'catch-up' : 'schedule';
  markJobRunning(ctx.state, job.name, true);
  let record: JobRunRecord | null;
  try {
    record = await runJob(job, { vaultRoot: ctx.vault.root, now: ctx.now, log: ctx.log, signal: ctx.signal, trigger });
  } catch (error) {
    markJobRunning(ctx.state, job.name, false);
    ctx.log.error(`job ${job.name}: could not run or record: ${(error as Error).message}`);
    fail(ctx, job.name, `could not run or record: ${(error as Error).message}`, result);
    return;
  }
  if (!record) {
    result.skipped++;
    return;
  }
  noteJobRun(ctx.state, record, check.scheduledAt);
  const detail = `${trigger}: exit ${record.exitCode ?? record.signal ?? 'none'}, ${record.attempts} attempt(s), ${record.durationMs}ms`;
  if (record.result === 'ok') {
    result.processed++;
    ctx.audit.record({ action: 'job', item: job.name, result: 'ok', detail });
    return;
  }
  fail(ctx, job.name, `${record.result} (${detail})`, result);
}

function fail(ctx: StageContext, name: string, reason: string, result: StageResult): void {
  result.failed++;
  ctx.state.stats.errors++;
  ctx.state.stats.lastError = `job ${name}: ${reason}`;
  ctx.audit.record({ action: 'job', item: name, result: 'failed', detail: reason });
}
