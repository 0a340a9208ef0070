import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { appendLine, ensureDir } from '../vault/files.js';

// Logs/jobs.jsonl: one JSON line per job run (§11), appended by runJob and read by `jobs history`.

export type JobTrigger = 'schedule' | 'catch-up' | 'manual';
export type JobResult = 'ok' | 'failed' | 'timeout';

export interface JobRunRecord {
  name: string;
  trigger: JobTrigger;
  start: string; // ISO
  end: string; // ISO
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  attempts: number;
  durationMs: number;
  result: JobResult;
  output: string; // the first 64 KiB of stdout followed by stderr, of the last attempt
  error?: string; // why the program could not start, when it could not
}

export const JOBS_FILE_NAME = 'jobs.jsonl';

// Where a vault's job runs are recorded.
export function jobsFile(logsDir: string): string {
  return path.join(logsDir, JOBS_FILE_NAME);
}

// Called once per finished run; JSON.stringify escapes control characters, so output cannot forge a line.
export async function appendJobRecord(logsDir: string, record: JobRunRecord): Promise<void> {
  await ensureDir(logsDir);
  await appendLine(jobsFile(logsDir), JSON.stringify(record));
}

const RESULTS = new Set<string>(['ok', 'failed', 'timeout']);

function parseRecord(line: string): JobRunRecord | null {
  try {
    const value = JSON.parse(line) as Partial<JobRunRecord> | null;
    if (!value || typeof value !== 'object') return null;
    if (typeof value.name !== 'string' || typeof value.start !== 'string' || !RESULTS.has(String(value.result))) return null;
    return value as JobRunRecord;
  } catch {
    return null;
  }
}

// The last `limit` runs (of one job, or of all), oldest first; damaged lines are passed over.
export async function readJobRecords(logsDir: string, options: { name?: string; limit: number }): Promise<JobRunRecord[]> {
  const kept: JobRunRecord[] = [];
  let stream;
  try {
    stream = createReadStream(jobsFile(logsDir), { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => stream!.once('open', () => resolve()).once('error', reject));
  } catch {
    return [];
  }
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const record = parseRecord(line);
    if (!record || (options.name !== undefined && record.name !== options.name)) continue;
    kept.push(record);
    if (kept.length > options.limit) kept.shift();
  }
  return kept;
}
