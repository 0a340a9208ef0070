import fs from 'node:fs/promises';
import { compareText } from '../../items/compare-text.js';

// The runs recorded in Logs/jobs.jsonl since a moment, tolerating a missing file and damaged lines.

export interface JobRun {
  name: string;
  trigger: string;
  start: string;
  result: 'ok' | 'failed' | 'timeout';
  exitCode: number | null;
  durationMs: number | null;
}

export interface JobRunsSince {
  runs: JobRun[];
  // Lines that were not a job run record (cut short, edited, or from another version).
  badLines: number;
}

const RESULTS = new Set(['ok', 'failed', 'timeout']);

// One line of jobs.jsonl as a run, or undefined when it is not one.
export function parseJobRun(line: string): JobRun | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const { name, start, result } = record;
  if (typeof name !== 'string' || typeof start !== 'string' || Number.isNaN(Date.parse(start))) return undefined;
  if (typeof result !== 'string' || !RESULTS.has(result)) return undefined;
  return {
    name,
    trigger: typeof record.trigger === 'string' ? record.trigger : 'schedule',
    start: new Date(start).toISOString(),
    result: result as JobRun['result'],
    exitCode: typeof record.exitCode === 'number' ? record.exitCode : null,
    durationMs: typeof record.durationMs === 'number' ? record.durationMs : null,
  };
}

// Runs that started at or after `since` and not after `until`, oldest first; never throws for a bad file.
export async function readJobRunsSince(file: string, since: Date, until: Date): Promise<JobRunsSince> {
  const found: JobRunsSince = { runs: [], badLines: 0 };
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return found;
  }
  try {
    for await (const line of handle.readLines()) {
      if (line.trim() === '') continue;
      const run = parseJobRun(line);
      if (!run) found.badLines++;
      else if (Date.parse(run.start) >= since.getTime() && Date.parse(run.start) <= until.getTime()) found.runs.push(run);
    }
  } catch {
    // A read error part-way (the file rotated, a bad disk block) keeps what was read so far.
  } finally {
    await handle.close().catch(() => {});
  }
  found.runs.sort((a, b) => compareText(a.start, b.start));
  return found;
}
