import fs from 'node:fs/promises';
import type { AgentState } from '../../runner/state.js';

// How the agent itself is doing, for the briefing's health section.

export interface AgentHealth {
  startedAt: string | null;
  uptimeSeconds: number | null;
  iterations: number;
  errors: number;
  lastError: string | null;
  deferred: { stage: string; reason: string }[];
  failedItems: number;
  diskFreeMB: number | null;
  logFile: string;
  logSizeBytes: number | null;
}

async function readDiskFreeMB(dir: string): Promise<number | null> {
  try {
    const stats = await fs.statfs(dir);
    return Math.floor((Number(stats.bavail) * Number(stats.bsize)) / (1024 * 1024));
  } catch {
    return null;
  }
}

async function readFileSize(file: string): Promise<number | null> {
  try {
    const stat = await fs.lstat(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

// Reads disk free on the vault's file system and the log's size; the rest comes from state.
export async function readAgentHealth(vaultRoot: string, logFile: string, state: AgentState, now: Date): Promise<AgentHealth> {
  const [diskFreeMB, logSizeBytes] = await Promise.all([readDiskFreeMB(vaultRoot), readFileSize(logFile)]);
  const started = state.startedAt ? Date.parse(state.startedAt) : Number.NaN;
  return {
    startedAt: Number.isNaN(started) ? null : state.startedAt,
    uptimeSeconds: Number.isNaN(started) ? null : Math.max(0, Math.floor((now.getTime() - started) / 1000)),
    iterations: state.stats.iterations,
    errors: state.stats.errors,
    lastError: state.stats.lastError,
    deferred: state.deferred.map(({ stage, reason }) => ({ stage, reason })),
    failedItems: state.failedItems.filter((failed) => !failed.notice).length,
    diskFreeMB,
    logFile,
    logSizeBytes,
  };
}
