import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { memoryLogger } from '../../src/log/logger.js';
import { readQuickReadings } from '../../src/system/quick-readings.js';
import { readConstraintReadings, readWithin } from '../../src/system/readings.js';

let vault: string;

beforeEach(async () => {
  vault = await fs.mkdtemp(path.join(os.tmpdir(), 'ai-employee-readings-'));
});

afterEach(async () => {
  await fs.rm(vault, { recursive: true, force: true });
});

describe('readConstraintReadings on this machine', () => {
  test('gives numbers for load, memory and disk, and a battery or mains power, within its budget', async () => {
    const budgetMs = 5_000;
    const started = performance.now();
    const readings = await readConstraintReadings(vault, { budgetMs, log: memoryLogger() });
    // Every reading races the same budget, so the whole takes about one budget at most.
    expect(performance.now() - started).toBeLessThan(budgetMs + 1_000);
    expect(readings.freeDiskMB).toBeGreaterThan(0);
    expect(readings.loadPerCpu).toBeGreaterThanOrEqual(0);
    expect(readings.availableMemoryMB).toBeGreaterThan(0);
    expect(readings.battery === null || typeof readings.battery.present === 'boolean').toBe(true);
    if (readings.battery?.present) expect(readings.battery.percent).toBeGreaterThanOrEqual(0);
  });

  test('a vault that does not exist gives no disk reading, and says why', async () => {
    const log = memoryLogger();
    const readings = await readConstraintReadings(path.join(vault, 'missing'), { budgetMs: 5_000, log });
    expect(readings.freeDiskMB).toBeNull();
    expect(readings.unavailable.disk).toMatch(/ENOENT/);
    expect(log.lines.some((line) => line.includes('constraint reading disk unavailable'))).toBe(true);
  });
});

describe('readWithin', () => {
  test('a reading that never answers is given up after the budget', async () => {
    expect(await readWithin(() => new Promise<number>(() => {}), 20)).toEqual({ failure: 'took longer than 20ms' });
  });

  test('a reading that fails gives its message', async () => {
    expect(await readWithin(async () => Promise.reject(new Error('no battery driver')), 1_000)).toEqual({ failure: 'no battery driver' });
  });

  test('a reading that answers in time gives its value', async () => {
    expect(await readWithin(async () => 42, 1_000)).toEqual({ value: 42 });
  });
});

describe('readQuickReadings', () => {
  test('gives load, memory and disk without reading the battery', async () => {
    const readings = await readQuickReadings(vault);
    expect(readings.freeDiskMB).toBeGreaterThan(0);
    expect(readings.loadPerCpu).toBeGreaterThanOrEqual(0);
    expect(readings.availableMemoryMB).toBeGreaterThan(0);
    expect(readings.battery).toBeNull();
  });

  test('a missing vault gives a null disk reading instead of failing', async () => {
    const readings = await readQuickReadings(path.join(vault, 'missing'));
    expect(readings.freeDiskMB).toBeNull();
    expect(readings.unavailable.disk).toMatch(/ENOENT/);
  });
});

describe.runIf(process.platform === 'linux')('the kernel’s own figures (Linux, without systeminformation)', () => {
  test('agree with what systeminformation reads on this machine', async () => {
    const { readLinuxAvailableMemoryMB, readLinuxBattery } = await import('../../src/system/linux-readings.js');
    const si = await import('systeminformation');
    const [ours, theirs] = [await readLinuxAvailableMemoryMB(), (await si.mem()).available / 1024 / 1024];
    expect(ours).toBeGreaterThan(0);
    // Both read MemAvailable; memory moves a little between the two reads.
    expect(Math.abs(ours! - theirs) / theirs).toBeLessThan(0.1);
    const battery = await readLinuxBattery();
    expect(battery?.present).toBe((await si.battery()).hasBattery);
  });
});
