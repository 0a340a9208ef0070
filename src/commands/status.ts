import fs from 'node:fs/promises';
import path from 'node:path';
import { readState, readStateNotSavedAt } from '../runner/state.js';
import { countItems, type FolderCounts } from '../status/count-items.js';
import { readRunnerState, statusExitCode, type RunnerState } from '../status/runner-state.js';
import { readQuickReadings } from '../system/quick-readings.js';
import { vaultLayout } from '../vault/layout.js';

// --status: a fast, read-only health check. It never takes the lock and never writes.

export interface StatusReport {
  state: RunnerState | 'unknown';
  pid: number | null;
  host: string | null;
  startedAt: string | null;
  heartbeatAt: string | null;
  vault: string;
  counts: FolderCounts;
  stats: { iterations: number; errors: number; lastRunAt: string | null; lastError: string | null; watcherRuns: number; plannerRuns: number; uptimeSeconds: number | null };
  deferred: { stage: string; reason: string }[];
  constraints: Record<string, unknown>;
  log: { file: string; sizeBytes: number };
  commandPlanner?: { pausedUntil: string | null; failuresInRow: number };
  // The lock as --status found it: when its holder last refreshed it, and whether that holder is a
  // live process on this host that stopped refreshing it (suspended or stopped: never taken over).
  lock?: { refreshedAt: string; ownerPaused: boolean } | null;
  // Set when the last run could not save its state: the figures are older than that run.
  stateNotSavedAt?: string;
  error?: string;
}

export interface StatusOptions {
  vault: string;
  lockFile: string;
  logFile: string;
  now: Date;
  // The lock's stale window (§5: 30 s).
  lockStaleMs?: number;
}

export async function readStatus(options: StatusOptions): Promise<{ report: StatusReport; exitCode: number }> {
  const layout = vaultLayout(options.vault);
  const readable = await fs.readdir(layout.root).then(() => true, () => false);
  if (!readable) return { report: unknownReport(layout.root, options.logFile, `vault folder ${layout.root} is missing or unreadable`), exitCode: 4 };
  const state = await readState(layout.stateFile);
  const [runner, counts, logStat, readings, notSavedAt] = await Promise.all([
    readRunnerState(options.lockFile, state, options.now, options.lockStaleMs),
    countItems(layout),
    fs.stat(options.logFile).catch(() => undefined),
    readQuickReadings(layout.root),
    readStateNotSavedAt(layout.stateFile),
  ]);
  const live = runner.state === 'running' || runner.state === 'stalled';
  const startedAt = live ? (runner.owner?.startedAt ?? state.startedAt) : state.startedAt;
  const report: StatusReport = {
    state: runner.state,
    pid: runner.owner?.pid ?? null,
    host: runner.owner?.host ?? null,
    startedAt,
    heartbeatAt: state.heartbeatAt,
    vault: layout.root,
    counts,
    stats: { ...state.stats, uptimeSeconds: live && startedAt ? Math.max(0, Math.round((options.now.getTime() - Date.parse(startedAt)) / 1000)) : null },
    deferred: state.deferred.map(({ stage, reason }) => ({ stage, reason })),
    constraints: { now: readings, lastChecked: state.constraints },
    log: { file: options.logFile, sizeBytes: logStat?.size ?? 0 },
    lock: runner.lockRefreshedAt ? { refreshedAt: runner.lockRefreshedAt.toISOString(), ownerPaused: runner.pausedOwner } : null,
    commandPlanner: { pausedUntil: state.commandPlanner.pausedUntil ?? null, failuresInRow: state.commandPlanner.failuresInRow },
  };
  if (notSavedAt) reportNotSaved(report, notSavedAt);
  return { report, exitCode: statusExitCode(runner.state) };
}

// The last save failed: the figures are from the save before, and that failure is an error they miss.
function reportNotSaved(report: StatusReport, at: Date): void {
  report.stateNotSavedAt = at.toISOString();
  report.stats.errors += 1;
  report.stats.lastError = `the state could not be saved at ${at.toISOString()} (a full disk or a folder that cannot be written?); these figures are from the save before`;
}

function unknownReport(vault: string, logFile: string, error: string): StatusReport {
  return {
    state: 'unknown',
    pid: null,
    host: null,
    startedAt: null,
    heartbeatAt: null,
    vault,
    counts: { inbox: 0, needsAction: 0, plans: 0, done: 0 },
    stats: { iterations: 0, errors: 0, lastRunAt: null, lastError: null, watcherRuns: 0, plannerRuns: 0, uptimeSeconds: null },
    deferred: [],
    constraints: {},
    log: { file: path.resolve(logFile), sizeBytes: 0 },
    error,
  };
}
