// Local time is fixed so the printed tables are the same everywhere.
process.env.TZ = 'Europe/Berlin';

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { formatJobHistory, formatJobList, listJobs, readJobHistory, runJobNow } from '../../src/commands/jobs.js';
import { configSchema } from '../../src/config/schema.js';
import { UsageError } from '../../src/errors.js';
import type { JobRunRecord } from '../../src/jobs/history.js';
import { memoryLogger } from '../../src/log/logger.js';
import { emptyState } from '../../src/runner/state.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const node = process.execPath;
const printCwd = path.join(here, '../fixtures/jobs/print-cwd.mjs');

let vault: string;
beforeEach(async () => {
  vault = await fs.mkdtemp(path.join(os.tmpdir(), 'jobs-command-'));
});
afterEach(async () => {
  await fs.rm(vault, { recursive: true, force: true });
});

const config = configSchema.parse({
  jobs: [
    { name: 'report', command: [node, printCwd], schedule: { daily: '08:00' } },
    { name: 'sync', command: [node, printCwd], schedule: { every: '30m' } },
  ],
});

function record(name: string, start: string, result: JobRunRecord['result'] = 'ok'): JobRunRecord {
  return { name, trigger: 'schedule', start, end: start, exitCode: result === 'ok' ? 0 : 1, signal: null, timedOut: false, attempts: 1, durationMs: 1500, result, output: '' };
}

describe('jobs commands', () => {
  test('listJobs shows schedule, last run and next run', () => {
    const state = emptyState();
    state.jobs.report = { firstSeenAt: '2024-01-01T00:00:00.000Z', lastRunAt: '2024-01-05T07:00:10.000Z', lastScheduledAt: '2024-01-05T07:00:00.000Z', lastResult: 'ok' };
    const rows = listJobs({ vault, config, state, now: () => new Date('2024-01-05T12:00:00.000Z') });
    expect(rows).toEqual([
      { name: 'report', schedule: 'daily at 08:00', lastRunAt: '2024-01-05T07:00:10.000Z', lastResult: 'ok', nextRunAt: '2024-01-06T07:00:00.000Z', dueNow: false },
      { name: 'sync', schedule: 'every 30m', lastRunAt: null, lastResult: null, nextRunAt: '2024-01-05T12:00:00.000Z', dueNow: true },
    ]);
    expect(formatJobList(rows)).toBe(
      [
        'NAME    SCHEDULE        LAST RUN          RESULT  NEXT RUN',
        'report  daily at 08:00  2024-01-05 08:00  ok      2024-01-06 08:00',
        'sync    every 30m       -                 -       due now',
        '',
      ].join('\n'),
    );
    expect(formatJobList([])).toMatch(/No jobs configured/);
  });

  test('runJobNow runs the job in the vault, records it in jobs.jsonl and in the given state', async () => {
    const at = new Date('2024-01-05T12:00:00.000Z');
    const state = emptyState();
    const result = await runJobNow({ vault, config, state, name: 'report', now: () => at, log: memoryLogger() });
    expect(result).toMatchObject({ name: 'report', trigger: 'manual', result: 'ok' });
    expect(await fs.realpath(result.output)).toBe(await fs.realpath(vault));
    expect(state.jobs.report).toMatchObject({ firstSeenAt: at.toISOString(), lastRunAt: at.toISOString(), lastResult: 'ok', lastExitCode: 0 });
    expect(state.jobs.report?.lastScheduledAt).toBeUndefined();
    expect(await readJobHistory({ vault, limit: 10 })).toEqual([result]);
  });

  test('runJobNow with an unknown name is a usage error listing the known jobs', async () => {
    const run = runJobNow({ vault, config, state: emptyState(), name: 'nope', now: () => new Date(), log: memoryLogger() });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow('no job named "nope" (known jobs: report, sync)');
  });

  test('readJobHistory filters by name, keeps the last N and passes over damaged lines', async () => {
    await fs.mkdir(path.join(vault, 'Logs'));
    const lines = [
      JSON.stringify(record('report', '2024-01-03T07:00:00.000Z')),
      'not json at all',
      JSON.stringify(record('sync', '2024-01-04T07:00:00.000Z')),
      '{"name": 5}',
      '',
      JSON.stringify(record('report', '2024-01-04T07:00:00.000Z', 'failed')),
      JSON.stringify(record('report', '2024-01-05T07:00:00.000Z')),
      '{"name":"report","start":"2024-01-06T07:00:00.000Z","res', // a torn last line
    ];
    await fs.writeFile(path.join(vault, 'Logs', 'jobs.jsonl'), lines.join('\n'));
    const history = await readJobHistory({ vault, name: 'report', limit: 2 });
    expect(history.map((r) => [r.start, r.result])).toEqual([
      ['2024-01-04T07:00:00.000Z', 'failed'],
      ['2024-01-05T07:00:00.000Z', 'ok'],
    ]);
    expect(await readJobHistory({ vault, limit: 100 })).toHaveLength(4);
    expect(formatJobHistory(history)).toBe(
      [
        'START             NAME    TRIGGER   RESULT  EXIT    ATTEMPTS  DURATION',
        '2024-01-04 08:00  report  schedule  failed  exit 1  1         1.5s',
        '2024-01-05 08:00  report  schedule  ok      exit 0  1         1.5s',
        '',
      ].join('\n'),
    );
  });

  test('readJobHistory on a vault without runs is empty', async () => {
    expect(await readJobHistory({ vault, limit: 10 })).toEqual([]);
    expect(formatJobHistory([])).toMatch(/No job runs recorded yet/);
  });
});
