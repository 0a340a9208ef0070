import fs from 'node:fs/promises';
import path from 'node:path';
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

// One line as a run record, or null when it is not one (cut short, edited, from another program).
function parseRecord(line: string): JobRunRecord | null {
  try {
    const value = JSON.parse(line) as Partial<JobRunRecord> | null;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    if (typeof value.name !== 'string' || typeof value.start !== 'string' || Number.isNaN(Date.parse(value.start)) || !RESULTS.has(String(value.result))) return null;
    return value as JobRunRecord;
  } catch {
    return null;
  }
}

export interface JobRecordFilter {
  name?: string;
  // Runs that started in [since, until].
  since?: Date;
  until?: Date;
  // Only the last `limit` of the runs that pass.
  limit?: number;
}

export interface JobRecords {
  records: JobRunRecord[];
  // Lines that were not a run record.
  badLines: number;
}

// The one reader of Logs/jobs.jsonl (`jobs history`, the briefing): the runs that pass the filter,
// oldest first; never through a symlink; a missing file, a damaged line or a read error part-way
// keeps what could be read.
export async function readJobRecords(logsDir: string, filter: JobRecordFilter = {}): Promise<JobRecords> {
  const found: JobRecords = { records: [], badLines: 0 };
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(jobsFile(logsDir), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return found;
  }
  try {
    for await (const line of handle.readLines()) {
      if (line.trim() === '') continue;
      const record = parseRecord(line);
      if (!record) found.badLines++;
      else if (passes(record, filter)) found.records.push(record);
      if (filter.limit !== undefined && found.records.length > filter.limit) found.records.shift();
    }
  } catch {
    // A read error part-way (the file rotated, a bad disk block) keeps what was read so far.
  } finally {
    await handle.close().catch(() => {});
  }
  return found;
}

function passes(record: JobRunRecord, { name, since, until }: JobRecordFilter): boolean {
  const start = Date.parse(record.start);
  return (name === undefined || record.name === name) && (!since || start >= since.getTime()) && (!until || start <= until.getTime());
}
