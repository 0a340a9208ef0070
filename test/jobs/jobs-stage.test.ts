import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { readJobRecords } from '../../src/jobs/history.js';
import { memoryAuditLog } from '../../src/log/audit.js';
import { memoryLogger } from '../../src/log/logger.js';
import { emptyState, type AgentState } from '../../src/runner/state.js';
import { jobsStage } from '../../src/jobs/stage.js';
import type { StageContext } from '../../src/pipeline/stage.js';
import { OPEN_GATE, type Gate } from '../../src/system/gate.js';
import { vaultLayout } from '../../src/vault/layout.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, '../fixtures/jobs', name);
const node = process.execPath;

let vault: string;
beforeEach(async () => {
  vault = await fs.mkdtemp(path.join(os.tmpdir(), 'jobs-stage-'));
});
afterEach(async () => {
  await fs.rm(vault, { recursive: true, force: true });
});

function contextFor(jobs: Record<string, unknown>[], at: Date, extra: Partial<StageContext> = {}) {
  const audit = memoryAuditLog();
  const log = memoryLogger();
  const state: AgentState = emptyState();
  const ctx: StageContext = {
    vault: vaultLayout(vault),
    config: configSchema.parse({ jobs }),
    now: () => at,
    log,
    audit,
    gate: OPEN_GATE,
    signal: new AbortController().signal,
    state,
    ...extra,
  };
  return { ctx, audit, log, state, setNow: (next: Date) => (ctx.now = () => next) };
}

const cwdJob = (schedule: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'report',
  command: [node, fixture('print-cwd.mjs')],
  schedule,
  ...extra,
});

const records = async () => (await readJobRecords(path.join(vault, 'Logs'), { limit: 100 })).records;

describe('jobsStage', () => {
  test('an `every` job never run before runs at once, and is recorded in jobs.jsonl and state', async () => {
    const at = new Date('2024-01-05T10:00:00.000Z');
    const { ctx, audit, state } = contextFor([cwdJob({ every: '30m' })], at);
    expect(await jobsStage.run(ctx)).toEqual({ processed: 1, skipped: 0, failed: 0 });
    const [record] = await records();
    expect(record).toMatchObject({ name: 'report', trigger: 'schedule', result: 'ok', exitCode: 0, start: at.toISOString() });
    expect(state.jobs.report).toEqual({
      firstSeenAt: at.toISOString(),
      lastRunAt: at.toISOString(),
      lastScheduledAt: at.toISOString(),
      lastResult: 'ok',
      lastExitCode: 0,
      running: false,
    });
    expect(audit.entries).toEqual([{ action: 'job', item: 'report', result: 'ok', detail: expect.stringMatching(/^schedule: exit 0, 1 attempt/) }]);
  });

  test('a job that is not due does not run', async () => {
    const at = new Date('2024-01-05T10:00:00.000Z');
    const { ctx, state } = contextFor([cwdJob({ every: '30m' })], at);
    state.jobs.report = { firstSeenAt: '2024-01-05T09:00:00.000Z', lastRunAt: '2024-01-05T09:50:00.000Z', lastScheduledAt: '2024-01-05T09:50:00.000Z' };
    expect(await jobsStage.run(ctx)).toEqual({ processed: 0, skipped: 0, failed: 0 });
    expect(await records()).toEqual([]);
  });

  test('after missed times, catch-up runs once, and not again on the next iteration', async () => {
    const { ctx, state, setNow } = contextFor([cwdJob({ every: '1h' })], new Date('2024-01-05T14:40:00.000Z'));
    state.jobs.report = { firstSeenAt: '2024-01-05T07:00:00.000Z', lastRunAt: '2024-01-05T08:00:00.000Z', lastScheduledAt: '2024-01-05T08:00:00.000Z' };
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 1 });
    setNow(new Date('2024-01-05T14:45:00.000Z'));
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 0 });
    const runs = await records();
    expect(runs.map((r) => r.trigger)).toEqual(['catch-up']);
    expect(state.jobs.report?.lastScheduledAt).toBe('2024-01-05T14:00:00.000Z');
  });

  test('with catchUp: false, missed times are skipped and the next one awaited', async () => {
    const { ctx, state, audit, setNow } = contextFor([cwdJob({ every: '1h' }, { catchUp: false })], new Date('2024-01-05T14:40:00.000Z'));
    state.jobs.report = { firstSeenAt: '2024-01-05T07:00:00.000Z', lastRunAt: '2024-01-05T08:00:00.000Z', lastScheduledAt: '2024-01-05T08:00:00.000Z' };
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 0, failed: 0 });
    expect(await records()).toEqual([]);
    expect(audit.entries[0]).toMatchObject({ action: 'job', item: 'report', result: 'skipped' });
    setNow(new Date('2024-01-05T15:02:00.000Z'));
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 1 });
    expect((await records()).map((r) => r.trigger)).toEqual(['schedule']);
  });

  test('a job held by the constraints does not run and says why', async () => {
    const seen: { kind: string; label?: string }[] = [];
    const gate: Gate = {
      check: async (kind, _overrides, label) => {
        seen.push({ kind, ...(label ? { label } : {}) });
        return { ok: false, reason: 'battery 10% < 15%' };
      },
    };
    const { ctx } = contextFor([cwdJob({ every: '1h' })], new Date('2024-01-05T10:00:00.000Z'), { gate });
    expect(await jobsStage.run(ctx)).toEqual({ processed: 0, skipped: 1, failed: 0, heldBecause: 'battery 10% < 15%' });
    expect(seen).toEqual([{ kind: 'heavy', label: 'job report' }]);
    expect(await records()).toEqual([]);
  });

  test('a dry run reports the job and runs nothing', async () => {
    const lines: string[] = [];
    const { ctx } = contextFor([cwdJob({ every: '1h' })], new Date('2024-01-05T10:00:00.000Z'), { dryRun: (line) => lines.push(line) });
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 1 });
    expect(lines).toEqual(['run job report']);
    await expect(fs.stat(path.join(vault, 'Logs'))).rejects.toThrow();
  });

  test('a failing job counts as failed and is recorded', async () => {
    const failing = { name: 'broken', command: [node, fixture('noisy.mjs'), '2'], schedule: { every: '1h' } };
    const { ctx, state, audit } = contextFor([failing, cwdJob({ every: '1h' })], new Date('2024-01-05T10:00:00.000Z'));
    expect(await jobsStage.run(ctx)).toEqual({ processed: 1, skipped: 0, failed: 1 });
    expect(state.jobs.broken).toMatchObject({ lastResult: 'failed', lastExitCode: 2 });
    expect(state.stats.errors).toBe(1);
    expect(audit.entries.find((e) => e.item === 'broken')).toMatchObject({ result: 'failed' });
  });

  test('a daily job first seen today runs at its time on a later iteration', async () => {
    const { ctx, setNow } = contextFor([cwdJob({ daily: '08:00' })], new Date(2024, 0, 5, 7, 0));
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 0 });
    setNow(new Date(2024, 0, 5, 8, 3));
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 1 });
    setNow(new Date(2024, 0, 5, 8, 8));
    expect(await jobsStage.run(ctx)).toMatchObject({ processed: 0 });
    expect(await records()).toHaveLength(1);
  });
});
