import type { CommandPlannerState } from '../../runner/state.js';

// The command planner's circuit breaker, kept in state.json: three failures in a row pause it for
// planner.cooldown, during which items go straight to the rules planner.

export const FAILURES_BEFORE_PAUSE = 3;

// Used before running the program: true while a pause is in force.
export function isPaused(state: CommandPlannerState, now: Date): boolean {
  return state.pausedUntil !== undefined && now.getTime() < Date.parse(state.pausedUntil);
}

// Used before running the program: true exactly once, when a pause has run out (the caller logs it).
export function takeResume(state: CommandPlannerState, now: Date): boolean {
  if (state.pausedUntil === undefined || isPaused(state, now)) return false;
  delete state.pausedUntil;
  state.failuresInRow = 0;
  return true;
}

// Used after the program gave a usable plan: the run of failures is over.
export function recordSuccess(state: CommandPlannerState): void {
  state.failuresInRow = 0;
}

// Used after the program failed; pausedNow is true only for the failure that starts a pause.
// A failure that lands while already paused (a run started before the pause) changes nothing more.
export function recordFailure(state: CommandPlannerState, now: Date, cooldownMs: number, reason: string): { pausedNow: boolean } {
  state.lastFailure = reason;
  if (isPaused(state, now)) return { pausedNow: false };
  state.failuresInRow += 1;
  if (state.failuresInRow < FAILURES_BEFORE_PAUSE) return { pausedNow: false };
  state.pausedUntil = new Date(now.getTime() + cooldownMs).toISOString();
  return { pausedNow: true };
}
