import fs from 'node:fs/promises';
import type { LockOwner } from '../errors.js';
import { isOwnerAlive, readLockOwner } from '../runner/lock-owner.js';
import type { AgentState } from '../runner/state.js';

export type RunnerState = 'running' | 'stopped' | 'stale' | 'stalled';

const FOREIGN_LOCK_STALE_MS = 30_000;

// §4: who holds the vault, and whether it is healthy — read from the lock and state only, never taking the lock.
export async function readRunnerState(lockFile: string, state: AgentState, now: Date): Promise<{ state: RunnerState; owner: LockOwner | null }> {
  const lock = await fs.stat(lockFile).catch(() => undefined);
  if (!lock) return { state: 'stopped', owner: null };
  const owner = await readLockOwner(lockFile);
  const lockAge = now.getTime() - lock.mtimeMs;
  if (!owner) return { state: lockAge > FOREIGN_LOCK_STALE_MS ? 'stale' : 'running', owner };
  if (!(await isOwnerAlive(owner))) return { state: 'stale', owner };
  if (lockAge > FOREIGN_LOCK_STALE_MS) return { state: 'stale', owner };
  if (isStalled(state, owner, now)) return { state: 'stalled', owner };
  return { state: 'running', owner };
}

// A daemon whose heartbeat is older than two intervals plus a minute is stalled.
function isStalled(state: AgentState, owner: LockOwner, now: Date): boolean {
  if (state.mode !== 'daemon' || state.pid !== owner.pid || !state.heartbeatAt || !state.intervalMinutes) return false;
  const limitMs = (2 * state.intervalMinutes + 1) * 60_000;
  return now.getTime() - new Date(state.heartbeatAt).getTime() > limitMs;
}

export function statusExitCode(state: RunnerState): number {
  return state === 'running' ? 0 : state === 'stopped' ? 3 : 1;
}
