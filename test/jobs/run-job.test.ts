import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { jobSchema, type JobConfig } from '../../src/config/schema.js';
import { readJobRecords } from '../../src/jobs/history.js';
import { runJob, type Sleep } from '../../src/jobs/run-job.js';
import { createLogger, memoryLogger } from '../../src/log/logger.js';
import { isProcessGone, waitUntil } from '../fixtures/run-command/process-watch.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, '../fixtures/jobs', name);
const runCommandFixture = (name: string) => path.join(here, '../fixtures/run-command', name);
const node = process.execPath;
const clock = () => new Date('2024-01-05T08:00:00.000Z');

let vault: string;
beforeEach(async () => {
  vault = await fs.mkdtemp(path.join(os.tmpdir(), 'run-job-'));
});
afterEach(async () => {
  await fs.rm(vault, { recursive: true, force: true });
});

function job(fields: Record<string, unknown>): JobConfig {
  return jobSchema.parse({ name: 'backup', schedule: { every: '1h' }, ...fields });
}

async function jsonlLines(): Promise<unknown[]> {
  const text = await fs.readFile(path.join(vault, 'Logs', 'jobs.jsonl'), 'utf8');
  return text.trimEnd().split('\n').map((line) => JSON.parse(line));
}

describe('runJob', () => {
  test('runs in the vault folder and records the run in Logs/jobs.jsonl', async () => {
    const log = memoryLogger();
    const record = await runJob(job({ command: [node, fixture('print-cwd.mjs')] }), { vaultRoot: vault, now: clock, log, trigger: 'schedule' });
    expect(record).toMatchObject({ name: 'backup', trigger: 'schedule', result: 'ok', exitCode: 0, signal: null, timedOut: false, attempts: 1 });
    expect(await fs.realpath(record!.output)).toBe(await fs.realpath(vault));
    const [line] = await jsonlLines();
    expect(line).toEqual(record);
    expect(line).toMatchObject({ start: '2024-01-05T08:00:00.000Z', end: '2024-01-05T08:00:00.000Z' });
    expect(log.lines.some((l) => l.includes('job backup: started (schedule)'))).toBe(true);
    expect(log.lines.some((l) => l.includes('job backup: ok (exit 0) after 1 attempt'))).toBe(true);
  });

  test('keeps the first 64 KiB of output and never logs it', async () => {
    const log = memoryLogger();
    const record = await runJob(job({ command: [node, fixture('noisy.mjs'), '3'] }), { vaultRoot: vault, now: clock, log });
    expect(record).toMatchObject({ result: 'failed', exitCode: 3 });
    expect(record!.output).toBe('o'.repeat(64 * 1024));
    expect(log.lines.join('\n')).not.toContain('ooo');
  });

  test('retries with a doubling delay until it succeeds', async () => {
    const counter = path.join(vault, 'count');
    const waits: number[] = [];
    const sleep: Sleep = async (ms) => {
      waits.push(ms);
    };
    const record = await runJob(job({ command: [node, fixture('fail-until.mjs'), counter, '3'], retries: 5, retryDelay: '10ms' }), {
      vaultRoot: vault,
      now: clock,
      log: memoryLogger(),
      sleep,
    });
    expect(record).toMatchObject({ result: 'ok', exitCode: 0, attempts: 3 });
    expect(record!.output).toBe('succeeded on attempt 3\n');
    expect(waits).toEqual([10, 20]);
    expect(await fs.readFile(counter, 'utf8')).toBe('3');
  });

  test('gives up after the last retry, with real (tiny) waits', async () => {
    const counter = path.join(vault, 'count');
    const record = await runJob(job({ command: [node, fixture('fail-until.mjs'), counter, '99'], retries: 2, retryDelay: '10ms' }), {
      vaultRoot: vault,
      now: clock,
      log: memoryLogger(),
    });
    expect(record).toMatchObject({ result: 'failed', exitCode: 7, attempts: 3 });
    expect(record!.output).toBe('attempt 3 of 99: failing\n');
  });

  test('an abort during the backoff stops the retries at once', async () => {
    const controller = new AbortController();
    const log = createLogger([(line) => line.includes('retrying') && controller.abort()]);
    const started = Date.now();
    const record = await runJob(job({ command: [node, fixture('fail-until.mjs'), path.join(vault, 'count'), '99'], retries: 5, retryDelay: '1h' }), {
      vaultRoot: vault,
      now: clock,
      log,
      signal: controller.signal,
    });
    expect(record).toMatchObject({ result: 'failed', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a timeout ends the job and the grandchild it started, promptly', async () => {
    const pidFile = path.join(vault, 'grandchild.pid');
    const started = Date.now();
    const record = await runJob(job({ command: [node, runCommandFixture('spawn-grandchild.mjs'), pidFile, 'stay'], timeout: '300ms' }), {
      vaultRoot: vault,
      now: clock,
      log: memoryLogger(),
      killGraceMs: 1000,
    });
    expect(Date.now() - started).toBeLessThan(300 + 1000 + 2000);
    expect(record).toMatchObject({ result: 'timeout', timedOut: true, exitCode: null, signal: 'SIGTERM' });
    const grandchild = Number(await fs.readFile(pidFile, 'utf8'));
    expect(await waitUntil(() => isProcessGone(grandchild), 3000)).toBe(true);
  });

  test('never overlaps itself: a second run while the first is going is skipped', async () => {
    const startedFile = path.join(vault, 'started');
    const releaseFile = path.join(vault, 'release');
    const backup = job({ command: [node, fixture('wait-for-file.mjs'), startedFile, releaseFile] });
    const log = memoryLogger();
    const first = runJob(backup, { vaultRoot: vault, now: clock, log });
    expect(await waitUntil(async () => (await fs.stat(startedFile).catch(() => null)) !== null)).toBe(true);
    expect(await runJob(backup, { vaultRoot: vault, now: clock, log })).toBeNull();
    expect(log.lines.some((l) => l.includes('job backup: still running from before; this run is skipped'))).toBe(true);
    await fs.writeFile(releaseFile, '');
    expect(await first).toMatchObject({ result: 'ok', output: 'released\n' });
    expect((await readJobRecords(path.join(vault, 'Logs'), { limit: 10 })).records).toHaveLength(1);
    const again = await runJob(backup, { vaultRoot: vault, now: clock, log });
    expect(again).toMatchObject({ result: 'ok' });
  });

  test('a string command without shell: true is refused, not run', async () => {
    const marker = path.join(vault, 'ran');
    const unsafe = { ...job({ command: [node] }), command: `touch ${marker}`, shell: false };
    const record = await runJob(unsafe, { vaultRoot: vault, now: clock, log: memoryLogger() });
    expect(record).toMatchObject({ result: 'failed', exitCode: null, attempts: 1 });
    expect(record!.error).toMatch(/single string command needs shell: true/);
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  test('a string command with shell: true runs through the shell in the vault', async () => {
    const record = await runJob(job({ command: 'echo one > out.txt && echo two', shell: true }), { vaultRoot: vault, now: clock, log: memoryLogger() });
    expect(record).toMatchObject({ result: 'ok', output: 'two\n' });
    expect(await fs.readFile(path.join(vault, 'out.txt'), 'utf8')).toBe('one\n');
  });

  test('a missing program is a failed run with the reason recorded', async () => {
    const record = await runJob(job({ command: ['no-such-program-ai-employee'] }), { vaultRoot: vault, now: clock, log: memoryLogger() });
    expect(record).toMatchObject({ result: 'failed', exitCode: null, error: 'ENOENT: program "no-such-program-ai-employee" not found' });
  });
});
