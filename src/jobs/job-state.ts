import type { AgentState, JobState } from '../runner/state.js';
import type { JobRunRecord } from './history.js';

// What state.json remembers about each job (§11), kept in step with the runs.

// Called for every configured job on every iteration: the first sighting starts its catch-up window.
export function markJobSeen(state: AgentState, name: string, now: Date): JobState {
  const existing = state.jobs[name];
  if (existing?.firstSeenAt) return existing;
  const seen: JobState = { ...existing, firstSeenAt: now.toISOString() };
  state.jobs[name] = seen;
  return seen;
}

// Called after a run: a scheduled run also consumes its scheduled time, a manual one does not.
export function noteJobRun(state: AgentState, record: JobRunRecord, scheduledAt: Date | null): void {
  const current = state.jobs[record.name] ?? { firstSeenAt: record.start };
  state.jobs[record.name] = {
    ...current,
    lastRunAt: record.start,
    ...(scheduledAt ? { lastScheduledAt: scheduledAt.toISOString() } : {}),
    lastResult: record.result,
    lastExitCode: record.exitCode,
    running: false,
  };
}

// Called when catchUp: false passes over missed times: the next scheduled time is awaited instead.
export function noteJobSkipped(state: AgentState, name: string, skippedTo: Date): void {
  const current = state.jobs[name];
  if (current) state.jobs[name] = { ...current, lastScheduledAt: skippedTo.toISOString() };
}

// Marks a job as running (for --status) while its run is in hand.
export function markJobRunning(state: AgentState, name: string, running: boolean): void {
  const current = state.jobs[name];
  if (current) state.jobs[name] = { ...current, running };
}
