import fs from 'node:fs/promises';
import os from 'node:os';
import type { Logger } from '../log/logger.js';
import { readLinuxAvailableMemoryMB, readLinuxBattery } from './linux-readings.js';

// What the machine looks like right now (§12), each reading bounded in time; a reading that fails is null.

export type BatteryReading = { present: false } | { present: true; percent: number; discharging: boolean };

export interface Readings {
  // 1-minute load average divided by the number of CPUs.
  loadPerCpu: number | null;
  availableMemoryMB: number | null;
  // { present: false }: no battery, so mains power.
  battery: BatteryReading | null;
  // On the vault's filesystem, for an unprivileged user.
  freeDiskMB: number | null;
  // Why a reading is null, by reading name.
  unavailable: Record<string, string>;
}

export const MB = 1024 * 1024;

export interface ReadingOptions {
  budgetMs: number;
  log?: Logger;
}

type Outcome<T> = { value: T } | { failure: string };

// Races one reading against its time budget; the timer never keeps the process alive.
export async function readWithin<T>(read: () => Promise<T>, budgetMs: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ failure: `took longer than ${budgetMs}ms` }), budgetMs);
    timer.unref();
  });
  const reading = read().then(
    (value): Outcome<T> => ({ value }),
    (error: unknown): Outcome<T> => ({ failure: error instanceof Error ? error.message : String(error) }),
  );
  try {
    return await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Sub-millisecond: the OS's own load average.
export function readLoadPerCpu(): number {
  return os.loadavg()[0]! / Math.max(1, os.availableParallelism());
}

// Free space an unprivileged user may write on the filesystem holding `dir`.
export async function readFreeDiskMB(dir: string): Promise<number> {
  const stats = await fs.statfs(dir);
  return (Number(stats.bavail) * Number(stats.bsize)) / MB;
}

async function readAvailableMemoryMB(): Promise<number> {
  const fromKernel = await readLinuxAvailableMemoryMB();
  if (fromKernel !== undefined) return fromKernel;
  const si = await import('systeminformation');
  try {
    const { available } = await si.mem();
    if (Number.isFinite(available) && available > 0) return available / MB;
  } catch {
    // Fall through to the OS's own figure.
  }
  return os.freemem() / MB;
}

async function readBattery(): Promise<BatteryReading> {
  const fromKernel = await readLinuxBattery();
  if (fromKernel !== undefined) return fromKernel;
  const si = await import('systeminformation');
  const battery = await si.battery();
  if (!battery.hasBattery) return { present: false };
  if (!Number.isFinite(battery.percent)) throw new Error('the battery reports no charge level');
  return { present: true, percent: battery.percent, discharging: !battery.isCharging && !battery.acConnected };
}

// Before heavy work, through the gate: every reading at once, none longer than budgetMs. Never uses si.currentLoad (500 ms).
export async function readConstraintReadings(vaultRoot: string, { budgetMs, log }: ReadingOptions): Promise<Readings> {
  const [load, memory, battery, disk] = await Promise.all([
    readWithin(async () => readLoadPerCpu(), budgetMs),
    readWithin(readAvailableMemoryMB, budgetMs),
    readWithin(readBattery, budgetMs),
    readWithin(() => readFreeDiskMB(vaultRoot), budgetMs),
  ]);
  const unavailable: Record<string, string> = {};
  const take = <T>(name: string, outcome: Outcome<T>): T | null => {
    if ('value' in outcome) return outcome.value;
    unavailable[name] = outcome.failure;
    log?.debug(`constraint reading ${name} unavailable: ${outcome.failure}`);
    return null;
  };
  return {
    loadPerCpu: take('load', load),
    availableMemoryMB: take('memory', memory),
    battery: take('battery', battery),
    freeDiskMB: take('disk', disk),
    unavailable,
  };
}
