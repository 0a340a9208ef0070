import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { memoryLogger } from '../../src/log/logger.js';
import { createGate, type GateOptions } from '../../src/system/gate.js';
import type { Readings } from '../../src/system/readings.js';

const healthy: Readings = { loadPerCpu: 0.2, availableMemoryMB: 4000, battery: { present: false }, freeDiskMB: 50_000, unavailable: {} };

// A gate over readings the test changes at will, with a clock it moves by hand.
function makeGate(options: Partial<GateOptions> = {}) {
  const machine = { readings: healthy, reads: 0 };
  let clock = Date.parse('2025-03-01T09:00:00Z');
  const log = memoryLogger();
  const gate = createGate({
    vaultRoot: '/unused',
    config: defaultConfig(),
    ignore: false,
    log,
    now: () => new Date(clock),
    maxAgeMs: 10_000,
    readings: async () => {
      machine.reads += 1;
      return machine.readings;
    },
    ...options,
  });
  const advance = (ms: number) => {
    clock += ms;
  };
  const messages = () => log.lines.map((line) => line.replace(/^\S+ \S+ - /, ''));
  return { gate, machine, advance, messages };
}

describe('createGate', () => {
  test('logs "held" once per episode and "resumed" once when it passes again', async () => {
    const { gate, machine, advance, messages } = makeGate();
    machine.readings = { ...healthy, loadPerCpu: 1.85 };
    for (let i = 0; i < 3; i += 1) {
      expect(await gate.check('heavy', undefined, 'planning')).toEqual({ ok: false, reason: 'load 1.85 per CPU > 0.9' });
      advance(60_000);
    }
    machine.readings = healthy;
    for (let i = 0; i < 3; i += 1) {
      expect(await gate.check('heavy', undefined, 'planning')).toEqual({ ok: true });
      advance(60_000);
    }
    expect(messages()).toEqual(['INFO - planning held: load 1.85 per CPU > 0.9', 'INFO - planning resumed: constraints pass again']);
  });

  test('each label has its own episode; without a label the kind is used', async () => {
    const { gate, machine, messages } = makeGate();
    machine.readings = { ...healthy, freeDiskMB: 100 };
    await gate.check('cheap', undefined, 'intake');
    await gate.check('cheap', undefined, 'dashboard');
    await gate.check('heavy');
    await gate.check('cheap', undefined, 'intake');
    expect(messages()).toEqual([
      'INFO - intake held: free disk 100 MB < 500 MB',
      'INFO - dashboard held: free disk 100 MB < 500 MB',
      'INFO - heavy held: free disk 100 MB < 500 MB',
    ]);
  });

  test('a job\'s overrides replace only the keys they name', async () => {
    const { gate, machine } = makeGate();
    machine.readings = { ...healthy, loadPerCpu: 1.5, battery: { present: true, percent: 5, discharging: true } };
    expect((await gate.check('heavy')).ok).toBe(false);
    expect(await gate.check('heavy', { minBatteryPercent: 0 }, 'job backup')).toEqual({ ok: false, reason: 'load 1.5 per CPU > 0.9' });
    expect(await gate.check('heavy', { minBatteryPercent: 0, maxLoadPerCpu: 2 }, 'job backup')).toEqual({ ok: true });
  });

  test('readings are reused while younger than maxAgeMs, then read again', async () => {
    const { gate, machine, advance } = makeGate();
    await gate.check('heavy');
    await gate.check('cheap');
    advance(9_999);
    await gate.check('heavy');
    expect(machine.reads).toBe(1);
    advance(1);
    await gate.check('heavy');
    expect(machine.reads).toBe(2);
  });

  test('checks made at the same moment share one reading', async () => {
    const { gate, machine } = makeGate();
    await Promise.all([gate.check('heavy'), gate.check('heavy'), gate.check('cheap')]);
    expect(machine.reads).toBe(1);
  });

  test('ignore: every check passes and the machine is not read', async () => {
    const { gate, machine, messages } = makeGate({ ignore: true });
    machine.readings = { ...healthy, freeDiskMB: 0 };
    expect(await gate.check('cheap', undefined, 'intake')).toEqual({ ok: true });
    expect(await gate.check('heavy')).toEqual({ ok: true });
    expect(machine.reads).toBe(0);
    expect(gate.latest()).toBeNull();
    expect(messages()).toEqual([]);
  });

  test('latest() gives the readings, when they were taken and which thresholds fail', async () => {
    const { gate, machine } = makeGate();
    expect(gate.latest()).toBeNull();
    machine.readings = { ...healthy, availableMemoryMB: 150, freeDiskMB: 120 };
    await gate.check('cheap');
    expect(gate.latest()).toEqual({
      ...machine.readings,
      readAt: '2025-03-01T09:00:00.000Z',
      failing: { minFreeMemoryMB: 'available memory 150 MB < 200 MB', minFreeDiskMB: 'free disk 120 MB < 500 MB' },
    });
  });

  test('an unavailable reading holds nothing and is logged once while it stays unavailable', async () => {
    const { gate, machine, advance, messages } = makeGate();
    machine.readings = { ...healthy, battery: null, unavailable: { battery: 'took longer than 2000ms' } };
    expect(await gate.check('heavy')).toEqual({ ok: true });
    advance(20_000);
    expect(await gate.check('heavy')).toEqual({ ok: true });
    expect(messages()).toEqual(['WARNING - constraint reading "battery" unavailable (took longer than 2000ms); it holds no work']);
  });

  test('readings that throw hold nothing', async () => {
    const { gate } = makeGate({
      readings: async () => {
        throw new Error('no /proc');
      },
    });
    expect(await gate.check('heavy')).toEqual({ ok: true });
    expect(gate.latest()?.unavailable).toEqual({ all: 'no /proc' });
  });
});
