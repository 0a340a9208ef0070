import fs from 'node:fs/promises';
import os from 'node:os';
import type { LockOwner } from '../errors.js';
import { isOwnerAlive, readLockOwner, STALE_MS } from '../runner/lock-owner.js';
import type { AgentState } from '../runner/state.js';

export type RunnerState = 'running' | 'stopped' | 'stale' | 'stalled';

export interface RunnerReading {
  state: RunnerState;
  owner: LockOwner | null;
  // When the holder last refreshed the lock (null without a lock).
  lockRefreshedAt: Date | null;
  // A live holder on this host whose lock is older than the stale window: stopped or suspended, not gone.
  pausedOwner: boolean;
}

// §4: who holds the vault, and whether it is healthy — read from the lock and state only, never taking the lock.
// A live owner on this host is never called gone, however old its lock (it was stopped: it is stalled).
export async function readRunnerState(lockFile: string, state: AgentState, now: Date, staleMs = STALE_MS): Promise<RunnerReading> {
  const lock = await fs.stat(lockFile).catch(() => undefined);
  if (!lock) return { state: 'stopped', owner: null, lockRefreshedAt: null, pausedOwner: false };
  const owner = await readLockOwner(lockFile);
  const lockAge = now.getTime() - lock.mtimeMs;
  const reading = (runner: RunnerState, pausedOwner = false): RunnerReading => ({ state: runner, owner, lockRefreshedAt: lock.mtime, pausedOwner });
  if (!owner) return reading(lockAge > staleMs ? 'stale' : 'running');
  if (!(await isOwnerAlive(owner))) return reading('stale');
  if (lockAge > staleMs) return owner.host === os.hostname() ? reading('stalled', true) : reading('stale');
  if (isStalled(state, owner, now)) return reading('stalled');
  return reading('running');
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
