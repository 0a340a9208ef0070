import os from 'node:os';
import { MB, type Readings, readFreeDiskMB, readLoadPerCpu } from './readings.js';

// For --status, which must answer fast: only what the OS answers at once; no battery (that needs systeminformation).
export async function readQuickReadings(vaultRoot: string): Promise<Readings> {
  const unavailable: Record<string, string> = { battery: 'not read by --status' };
  let freeDiskMB: number | null = null;
  try {
    freeDiskMB = await readFreeDiskMB(vaultRoot);
  } catch (error) {
    unavailable.disk = (error as Error).message;
  }
  return { loadPerCpu: readLoadPerCpu(), availableMemoryMB: os.freemem() / MB, battery: null, freeDiskMB, unavailable };
}
