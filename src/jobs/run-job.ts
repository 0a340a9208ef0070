import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';
import type { JobConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { notStartedResult, runCommand, type RunCommandResult } from '../system/run-command.js';
import { vaultLayout } from '../vault/layout.js';
import { appendJobRecord, type JobResult, type JobRunRecord, type JobTrigger } from './history.js';

// Runs one job to its end (§11): in the vault folder, no shell unless asked, a timeout that ends
// the whole process group, retries with a doubling delay, never two runs of one job at once.

// How much of a run's output is kept in Logs/jobs.jsonl.
export const JOB_OUTPUT_BYTES = 64 * 1024;
// §11: SIGTERM on timeout, SIGKILL 5 s later.
export const JOB_KILL_GRACE_MS = 5000;

// Waits between attempts; resolves early (without throwing) when the signal aborts.
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RunJobOptions {
  vaultRoot: string;
  now: () => Date;
  log: Logger;
  signal?: AbortSignal;
  trigger?: JobTrigger; // default 'manual'
  sleep?: Sleep;
  killGraceMs?: number;
}

// The jobs running in this process, by vault and name: the guard that keeps a job from overlapping
// itself. It is process-wide on purpose — the vault lock already keeps other processes out.
const runningJobs = new Set<string>();

const sleepUnlessAborted: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal }).catch(() => {});
};

function resultOf(run: RunCommandResult): JobResult {
  if (run.timedOut) return 'timeout';
  return run.exitCode === 0 && !run.spawnError ? 'ok' : 'failed';
}

function excerptOf(run: RunCommandResult): string {
  const combined = Buffer.from(run.stdout + run.stderr);
  return combined.length <= JOB_OUTPUT_BYTES ? combined.toString('utf8') : combined.subarray(0, JOB_OUTPUT_BYTES).toString('utf8');
}

function describeEnd(run: RunCommandResult): string {
  if (run.spawnError) return run.spawnError;
  if (run.timedOut) return 'timed out';
  if (run.signal) return `killed by ${run.signal}`;
  return `exit ${run.exitCode}`;
}

// A job whose string command lacks shell: true is refused at load; this guards the run as well.
function refuseStringWithoutShell(job: JobConfig): string | null {
  return typeof job.command === 'string' && !job.shell
    ? `job "${job.name}": a single string command needs shell: true (or write it as a list [program, args…])`
    : null;
}

async function attemptRuns(job: JobConfig, options: RunJobOptions): Promise<{ last: RunCommandResult; attempts: number }> {
  const sleep = options.sleep ?? sleepUnlessAborted;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const last = await runCommand(job.command, {
      cwd: options.vaultRoot,
      timeoutMs: job.timeout,
      killGraceMs: options.killGraceMs ?? JOB_KILL_GRACE_MS,
      maxOutputBytes: JOB_OUTPUT_BYTES,
      shell: job.shell && typeof job.command === 'string',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (resultOf(last) === 'ok' || attempts > job.retries || options.signal?.aborted) return { last, attempts };
    const wait = job.retryDelay * 2 ** (attempts - 1);
    options.log.warn(`job ${job.name}: attempt ${attempts} ended (${describeEnd(last)}); retrying in ${wait}ms`);
    await sleep(wait, options.signal);
    if (options.signal?.aborted) return { last, attempts };
  }
}

// Runs the job now and records the run; null when the same job is already running in this process.
export async function runJob(job: JobConfig, options: RunJobOptions): Promise<JobRunRecord | null> {
  const key = `${path.resolve(options.vaultRoot)}\0${job.name}`;
  if (runningJobs.has(key)) {
    options.log.info(`job ${job.name}: still running from before; this run is skipped`);
    return null;
  }
  runningJobs.add(key);
  try {
    return await runAndRecord(job, options);
  } finally {
    runningJobs.delete(key);
  }
}

async function runAndRecord(job: JobConfig, options: RunJobOptions): Promise<JobRunRecord> {
  const trigger = options.trigger ?? 'manual';
  const start = options.now();
  const t0 = performance.now();
  options.log.info(`job ${job.name}: started (${trigger})`);
  const refusal = refuseStringWithoutShell(job);
  const { last, attempts } = refusal
    ? { last: notStartedResult(refusal, start), attempts: 1 }
    : await attemptRuns(job, options);
  const end = options.now();
  const record: JobRunRecord = {
    name: job.name,
    trigger,
    start: start.toISOString(),
    end: end.toISOString(),
    exitCode: last.exitCode,
    signal: last.signal,
    timedOut: last.timedOut,
    attempts,
    durationMs: Math.round(performance.now() - t0),
    result: resultOf(last),
    output: excerptOf(last),
    ...(last.spawnError ? { error: last.spawnError } : {}),
  };
  await appendJobRecord(vaultLayout(options.vaultRoot).logs, record);
  const summary = `job ${job.name}: ${record.result} (${describeEnd(last)}) after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (record.result === 'ok') options.log.info(summary);
  else options.log.error(`${summary}; output in Logs/jobs.jsonl`);
  return record;
}

