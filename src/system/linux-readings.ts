import fs from 'node:fs/promises';
import type { BatteryReading } from './readings.js';

// On Linux the kernel answers the gate's memory and battery questions in two small files, the same
// ones systeminformation reads; reading them directly spares every run loading that library
// (~0.7 MB of code, most of a --once's start-up). Elsewhere, or when a file is missing, undefined:
// the caller falls back to systeminformation.

const POWER_SUPPLY = '/sys/class/power_supply';

export async function readLinuxAvailableMemoryMB(): Promise<number | undefined> {
  if (process.platform !== 'linux') return undefined;
  const meminfo = await fs.readFile('/proc/meminfo', 'utf8').catch(() => undefined);
  const kb = meminfo && /^MemAvailable:\s+(\d+)\s+kB$/m.exec(meminfo)?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}

export async function readLinuxBattery(): Promise<BatteryReading | undefined> {
  if (process.platform !== 'linux') return undefined;
  const supplies = await fs.readdir(POWER_SUPPLY).catch(() => undefined);
  if (!supplies) return undefined;
  const read = (name: string, file: string) => fs.readFile(`${POWER_SUPPLY}/${name}/${file}`, 'utf8').then((text) => text.trim(), () => undefined);
  for (const name of supplies) {
    if ((await read(name, 'type')) !== 'Battery' || (await read(name, 'present')) === '0') continue;
    const percent = Number(await read(name, 'capacity'));
    if (!Number.isFinite(percent)) return undefined;
    return { present: true, percent, discharging: (await read(name, 'status')) === 'Discharging' };
  }
  return { present: false };
}
