import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { isDue } from '../jobs/due-jobs.js';
import type { JobListRow } from '../jobs/format-jobs.js';
import { readJobRecords, type JobRunRecord } from '../jobs/history.js';
import { markJobSeen, noteJobRun } from '../jobs/job-state.js';
import { runJob } from '../jobs/run-job.js';
import { describeSchedule } from '../jobs/schedule.js';
import type { Logger } from '../log/logger.js';
import type { AgentState } from '../runner/state.js';
import { vaultLayout } from '../vault/layout.js';

// `ai-employee jobs list | run NAME | history [NAME]`: each returns data; the CLI prints it
// with formatJobList / formatJobHistory.
export { formatJobHistory, formatJobList, type JobListRow } from '../jobs/format-jobs.js';

export interface ListJobsOptions {
  vault: string;
  config: Config;
  state: AgentState;
  now: () => Date;
}

// `jobs list`: every configured job with its schedule, last run and next run.
export function listJobs({ config, state, now }: ListJobsOptions): JobListRow[] {
  const at = now();
  return config.jobs.map((job) => {
    const jobState = state.jobs[job.name];
    let nextRunAt: string | null = null;
    let dueNow = false;
    try {
      const check = isDue(job, jobState, at);
      dueNow = check.due;
      nextRunAt = check.due ? at.toISOString() : (check.nextAt?.toISOString() ?? null);
    } catch {
      // A schedule the loader let through but croner refuses: shown as never.
    }
    return {
      name: job.name,
      schedule: describeSchedule(job.schedule),
      lastRunAt: jobState?.lastRunAt ?? null,
      lastResult: jobState?.lastResult ?? null,
      nextRunAt,
      dueNow,
    };
  });
}

export interface RunJobNowOptions {
  vault: string;
  config: Config;
  // The session's state (the caller holds the vault lock and saves it).
  state: AgentState;
  name: string;
  now: () => Date;
  log: Logger;
  signal?: AbortSignal;
}

// `jobs run NAME`: runs one job at once, records it in Logs/jobs.jsonl and in the given state.
export async function runJobNow({ vault, config, state, name, now, log, signal }: RunJobNowOptions): Promise<JobRunRecord> {
  const job = config.jobs.find((candidate) => candidate.name === name);
  if (!job) {
    const known = config.jobs.map((candidate) => candidate.name);
    const listed = known.length > 0 ? `known jobs: ${known.join(', ')}` : 'no jobs are configured in ai-employee.yaml';
    throw new UsageError(`no job named "${name}" (${listed})`);
  }
  const layout = vaultLayout(vault);
  const record = await runJob(job, { vaultRoot: layout.root, now, log, trigger: 'manual', ...(signal ? { signal } : {}) });
  if (!record) throw new UsageError(`job "${name}" is already running`);
  markJobSeen(state, job.name, new Date(record.start));
  noteJobRun(state, record, null);
  return record;
}

export interface ReadJobHistoryOptions {
  vault: string;
  name?: string;
  limit: number;
}

// `jobs history [NAME]`: the last `limit` recorded runs, oldest first; damaged lines are passed over.
export async function readJobHistory({ vault, name, limit }: ReadJobHistoryOptions): Promise<JobRunRecord[]> {
  return (await readJobRecords(vaultLayout(vault).logs, { ...(name !== undefined ? { name } : {}), limit })).records;
}
