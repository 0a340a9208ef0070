import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { evaluateConstraints } from '../../src/system/evaluate-constraints.js';
import type { BatteryReading, Readings } from '../../src/system/readings.js';

// Limits: load 0.9 per CPU, memory 200 MB, battery 15 %, requireCharging false, disk 500 MB.
const limits = defaultConfig().constraints;

const healthy: Readings = {
  loadPerCpu: 0.2,
  availableMemoryMB: 4000,
  battery: { present: false },
  freeDiskMB: 50_000,
  unavailable: {},
};

const onBattery = (percent: number, discharging = true): BatteryReading => ({ present: true, percent, discharging });

describe('evaluateConstraints', () => {
  test.each<[string, Partial<Readings>, string | null]>([
    ['a healthy machine', {}, null],
    ['load equal to the limit', { loadPerCpu: 0.9 }, null],
    ['load just above the limit', { loadPerCpu: 0.9001 }, 'load 0.91 per CPU > 0.9'],
    ['load well above the limit', { loadPerCpu: 1.85 }, 'load 1.85 per CPU > 0.9'],
    ['memory equal to the limit', { availableMemoryMB: 200 }, null],
    ['memory just below the limit', { availableMemoryMB: 199.5 }, 'available memory 199 MB < 200 MB'],
    ['no battery (mains power)', { battery: { present: false } }, null],
    ['battery equal to the limit, discharging', { battery: onBattery(15) }, null],
    ['battery below the limit, discharging', { battery: onBattery(12) }, 'battery 12% < 15% and discharging'],
    ['battery below the limit, charging', { battery: onBattery(3, false) }, null],
    ['battery above the limit, discharging', { battery: onBattery(80) }, null],
    ['disk equal to the limit', { freeDiskMB: 500 }, null],
    ['disk just below the limit', { freeDiskMB: 499.9 }, 'free disk 499 MB < 500 MB'],
    ['disk well below the limit', { freeDiskMB: 120 }, 'free disk 120 MB < 500 MB'],
    ['every reading unavailable', { loadPerCpu: null, availableMemoryMB: null, battery: null, freeDiskMB: null }, null],
    ['several at once', { loadPerCpu: 2, freeDiskMB: 10 }, 'load 2 per CPU > 0.9, free disk 10 MB < 500 MB'],
  ])('heavy work, %s', (_name, changes, reason) => {
    const verdict = evaluateConstraints({ ...healthy, ...changes }, limits, 'heavy');
    expect(verdict.ok ? null : verdict.reason).toBe(reason);
  });

  test.each<[string, Partial<Readings>, string | null]>([
    ['busy, short of memory and on a low battery', { loadPerCpu: 5, availableMemoryMB: 10, battery: onBattery(2) }, null],
    ['disk equal to the limit', { freeDiskMB: 500 }, null],
    ['disk below the limit', { freeDiskMB: 120 }, 'free disk 120 MB < 500 MB'],
    ['disk unavailable', { freeDiskMB: null }, null],
  ])('cheap work waits only for disk: %s', (_name, changes, reason) => {
    const verdict = evaluateConstraints({ ...healthy, ...changes }, limits, 'cheap');
    expect(verdict.ok ? null : verdict.reason).toBe(reason);
  });

  test.each<[string, BatteryReading | null, boolean]>([
    ['discharging', onBattery(90), false],
    ['charging', onBattery(90, false), true],
    ['no battery', { present: false }, true],
    ['battery unreadable', null, true],
  ])('requireCharging, %s', (_name, battery, ok) => {
    const verdict = evaluateConstraints({ ...healthy, battery }, { ...limits, requireCharging: true }, 'heavy');
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toBe('on battery (90%, discharging) and requireCharging is set');
  });

  test('names every failing threshold', () => {
    const verdict = evaluateConstraints({ ...healthy, loadPerCpu: 3, availableMemoryMB: 1, battery: onBattery(1), freeDiskMB: 1 }, { ...limits, requireCharging: true }, 'heavy');
    expect(verdict).toMatchObject({ ok: false, failing: ['maxLoadPerCpu', 'minFreeMemoryMB', 'minBatteryPercent', 'requireCharging', 'minFreeDiskMB'] });
  });

  test('a limit of 0 battery lets work run on any charge', () => {
    expect(evaluateConstraints({ ...healthy, battery: onBattery(0) }, { ...limits, minBatteryPercent: 0 }, 'heavy')).toEqual({ ok: true });
  });
});
