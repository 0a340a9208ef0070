import fs from 'node:fs/promises';
import os from 'node:os';
import type { LockOwner } from '../errors.js';

// The pid/host/start record kept beside proper-lockfile's lock directory (which stores none).

export function ownerFileOf(lockFile: string): string {
  return `${lockFile}.owner.json`;
}

export async function readLockOwner(lockFile: string): Promise<LockOwner | null> {
  try {
    const data = JSON.parse(await fs.readFile(ownerFileOf(lockFile), 'utf8')) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.startedAt !== 'string') return null;
    return { pid: data.pid, host: data.host, startedAt: data.startedAt };
  } catch {
    return null;
  }
}

// Is the owner an ai-employee process that is still alive on this host?
export async function isOwnerAlive(owner: LockOwner): Promise<boolean> {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const cmdline = await fs.readFile(`/proc/${owner.pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined || cmdline.includes('ai-employee');
}
