import type { ConstraintsConfig } from '../config/schema.js';
import type { WorkKind } from './gate.js';
import type { Readings } from './readings.js';

// Decides whether readings hold a piece of work (§12). Pure: the gate reads, this judges.

export type ConstraintName = keyof ConstraintsConfig;

export interface FailingConstraint {
  constraint: ConstraintName;
  reason: string;
}

export type ConstraintVerdict = { ok: true } | { ok: false; reason: string; failing: ConstraintName[] };

// Shown values are rounded away from the threshold, so a failing value never prints as equal to it.
const down = (value: number) => Math.floor(value);
const up2 = (value: number) => Math.ceil(value * 100) / 100;

// Every threshold the readings break for this kind of work; a null reading breaks none.
export function listFailingConstraints(readings: Readings, limits: ConstraintsConfig, kind: WorkKind): FailingConstraint[] {
  const failing: FailingConstraint[] = [];
  const { loadPerCpu, availableMemoryMB, battery, freeDiskMB } = readings;
  if (kind === 'heavy') {
    if (loadPerCpu !== null && loadPerCpu > limits.maxLoadPerCpu) {
      failing.push({ constraint: 'maxLoadPerCpu', reason: `load ${up2(loadPerCpu)} per CPU > ${limits.maxLoadPerCpu}` });
    }
    if (availableMemoryMB !== null && availableMemoryMB < limits.minFreeMemoryMB) {
      failing.push({ constraint: 'minFreeMemoryMB', reason: `available memory ${down(availableMemoryMB)} MB < ${limits.minFreeMemoryMB} MB` });
    }
    const discharging = battery !== null && battery.present && battery.discharging;
    if (discharging && battery.percent < limits.minBatteryPercent) {
      failing.push({ constraint: 'minBatteryPercent', reason: `battery ${down(battery.percent)}% < ${limits.minBatteryPercent}% and discharging` });
    }
    if (discharging && limits.requireCharging) {
      failing.push({ constraint: 'requireCharging', reason: `on battery (${down(battery.percent)}%, discharging) and requireCharging is set` });
    }
  }
  if (freeDiskMB !== null && freeDiskMB < limits.minFreeDiskMB) {
    failing.push({ constraint: 'minFreeDiskMB', reason: `free disk ${down(freeDiskMB)} MB < ${limits.minFreeDiskMB} MB` });
  }
  return failing;
}

// Cheap work (intake, dashboard, briefing) waits only for disk space; heavy work (command planner, jobs) for all.
export function evaluateConstraints(readings: Readings, limits: ConstraintsConfig, kind: WorkKind): ConstraintVerdict {
  const failing = listFailingConstraints(readings, limits, kind);
  if (failing.length === 0) return { ok: true };
  return { ok: false, reason: failing.map((item) => item.reason).join(', '), failing: failing.map((item) => item.constraint) };
}
