import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import type { LockOwner } from '../errors.js';

// The pid/host/start record kept beside proper-lockfile's lock directory (which stores none).
// Where /proc exists it also holds the boot id and the process's start in clock ticks since boot, so
// that a pid reused after a reboot or by another process is never mistaken for the owner. Both are
// immune to wall-clock jumps (a laptop waking, NTP), which a comparison of start times is not.
export interface OwnerRecord extends LockOwner {
  bootId?: string;
  procStart?: string;
}

// §5: a lock not refreshed for this long is stale (taken over if its owner is on another host).
export const STALE_MS = 30_000;

// §5's window, or AI_EMPLOYEE_TEST_LOCK_STALE_MS: for tests only (a suspend test then pauses a
// daemon for 3 s, not 35 s); the runner and cli.ts read it, nothing else does.
export function lockStaleMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.AI_EMPLOYEE_TEST_LOCK_STALE_MS);
  return Number.isInteger(value) && value >= 2000 ? value : STALE_MS;
}

export function ownerFileOf(lockFile: string): string {
  return `${lockFile}.owner.json`;
}

// This process as a lock owner.
export function ownOwnerRecord(startedAt: Date): OwnerRecord {
  const bootId = readBootId();
  const procStart = readProcStart(process.pid);
  return { pid: process.pid, host: os.hostname(), startedAt: startedAt.toISOString(), ...(bootId ? { bootId } : {}), ...(procStart ? { procStart } : {}) };
}

export function isSameOwner(a: OwnerRecord, b: OwnerRecord): boolean {
  return a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;
}

export async function readLockOwner(lockFile: string): Promise<OwnerRecord | null> {
  try {
    const data = JSON.parse(await fs.readFile(ownerFileOf(lockFile), 'utf8')) as Partial<OwnerRecord>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.startedAt !== 'string') return null;
    const extra = { ...(typeof data.bootId === 'string' ? { bootId: data.bootId } : {}), ...(typeof data.procStart === 'string' ? { procStart: data.procStart } : {}) };
    return { pid: data.pid, host: data.host, startedAt: data.startedAt, ...extra };
  } catch {
    return null;
  }
}

// Is the owner an ai-employee process that is still alive on this host? (Another host's: assumed so.)
// A stopped process (SIGSTOP, a suspended terminal) is alive.
export async function isOwnerAlive(owner: OwnerRecord): Promise<boolean> {
  if (owner.host !== os.hostname()) return true;
  const bootId = readBootId();
  if (owner.bootId && bootId && owner.bootId !== bootId) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const procStart = readProcStart(owner.pid);
  if (owner.procStart && procStart && owner.procStart !== procStart) return false;
  const cmdline = await fs.readFile(`/proc/${owner.pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined || cmdline.includes('ai-employee');
}

function readBootId(): string | undefined {
  try {
    return fsSync.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

// Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces).
function readProcStart(pid: number): string | undefined {
  try {
    const stat = fsSync.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
