import fs from 'node:fs/promises';
import { exists, removeFile, writeFileAtomic } from '../vault/files.js';

// .ai-employee/state.json: what the agent remembers between runs, and what --status reports.

export interface Stats {
  iterations: number;
  errors: number;
  lastRunAt: string | null;
  lastError: string | null;
  watcherRuns: number;
  plannerRuns: number;
}

export interface Deferral {
  stage: string;
  reason: string;
  since: string;
}

export interface JobState {
  firstSeenAt: string;
  lastRunAt?: string;
  lastScheduledAt?: string;
  lastResult?: 'ok' | 'failed' | 'timeout';
  lastExitCode?: number | null;
  running?: boolean;
}

export interface CommandPlannerState {
  failuresInRow: number;
  pausedUntil?: string;
  lastFailure?: string;
}

export interface AgentState {
  version: 1;
  mode: 'once' | 'daemon' | null;
  pid: number | null;
  startedAt: string | null;
  heartbeatAt: string | null;
  intervalMinutes: number | null;
  stats: Stats;
  deferred: Deferral[];
  constraints: Record<string, unknown> | null;
  // Items that failed (or, with `notice`, were left alone on purpose: a sub-folder, a symlink), for the dashboard.
  failedItems: { item: string; reason: string; at: string; notice?: true }[];
  jobs: Record<string, JobState>;
  briefing: { lastDate: string | null; lastWrittenAt: string | null };
  commandPlanner: CommandPlannerState;
}

export function emptyState(): AgentState {
  return {
    version: 1,
    mode: null,
    pid: null,
    startedAt: null,
    heartbeatAt: null,
    intervalMinutes: null,
    stats: { iterations: 0, errors: 0, lastRunAt: null, lastError: null, watcherRuns: 0, plannerRuns: 0 },
    deferred: [],
    constraints: null,
    failedItems: [],
    jobs: {},
    briefing: { lastDate: null, lastWrittenAt: null },
    commandPlanner: { failuresInRow: 0 },
  };
}

// A missing or damaged state file starts fresh: it holds only bookkeeping, never user data.
export async function readState(file: string): Promise<AgentState> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return emptyState();
  }
  try {
    const parsed = JSON.parse(text) as Partial<AgentState>;
    const base = emptyState();
    return {
      ...base,
      ...parsed,
      stats: { ...base.stats, ...parsed.stats },
      briefing: { ...base.briefing, ...parsed.briefing },
      commandPlanner: { ...base.commandPlanner, ...parsed.commandPlanner },
      jobs: { ...parsed.jobs },
      deferred: Array.isArray(parsed.deferred) ? parsed.deferred : [],
      failedItems: Array.isArray(parsed.failedItems) ? parsed.failedItems : [],
    };
  } catch {
    return emptyState();
  }
}

export async function writeState(file: string, state: AgentState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

// When state.json cannot be saved (a full disk), an empty marker beside it says so: an empty file
// needs no data block, so it can usually be created when nothing else can. --status reads it, so
// it never shows the figures of an older save as if they were current.
function notSavedMarkerOf(stateFile: string): string {
  return `${stateFile}.not-saved`;
}

export async function markStateNotSaved(stateFile: string): Promise<void> {
  await writeFileAtomic(notSavedMarkerOf(stateFile), '').catch(() => {});
}

export async function clearStateNotSaved(stateFile: string): Promise<void> {
  await removeFile(notSavedMarkerOf(stateFile));
}

export async function hasStateNotSavedMark(stateFile: string): Promise<boolean> {
  return exists(notSavedMarkerOf(stateFile));
}

// When the last save failed (the marker is newer than state.json), that time; else null.
export async function readStateNotSavedAt(stateFile: string): Promise<Date | null> {
  const marker = await fs.stat(notSavedMarkerOf(stateFile)).catch(() => undefined);
  if (!marker) return null;
  const saved = await fs.stat(stateFile).catch(() => undefined);
  return !saved || marker.mtimeMs >= saved.mtimeMs ? marker.mtime : null;
}
