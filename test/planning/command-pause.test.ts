import { describe, expect, test } from 'vitest';
import { isPaused, recordFailure, recordSuccess, takeResume } from '../../src/planning/command/command-pause.js';
import type { CommandPlannerState } from '../../src/runner/state.js';

const T0 = new Date('2030-01-07T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const COOLDOWN = 15 * 60_000;

describe('command-pause', () => {
  test('the third failure in a row pauses for the cooldown, and says so once', () => {
    const state: CommandPlannerState = { failuresInRow: 0 };
    expect([1, 2, 3].map((i) => recordFailure(state, at(i), COOLDOWN, `exit code ${i}`).pausedNow)).toEqual([false, false, true]);
    expect(state).toEqual({ failuresInRow: 3, lastFailure: 'exit code 3', pausedUntil: at(3 + COOLDOWN).toISOString() });
    expect(isPaused(state, at(3 + COOLDOWN - 1))).toBe(true);
    expect(isPaused(state, at(3 + COOLDOWN))).toBe(false);
  });

  test('a failure landing while paused (a run started before the pause) neither extends it nor re-announces it', () => {
    const state: CommandPlannerState = { failuresInRow: 2 };
    recordFailure(state, at(0), COOLDOWN, 'a');
    const until = state.pausedUntil;
    expect(recordFailure(state, at(1000), COOLDOWN, 'late')).toEqual({ pausedNow: false });
    expect(state.pausedUntil).toBe(until);
    expect(state.lastFailure).toBe('late');
  });

  test('a success in between resets the count', () => {
    const state: CommandPlannerState = { failuresInRow: 0 };
    recordFailure(state, at(0), COOLDOWN, 'a');
    recordFailure(state, at(1), COOLDOWN, 'b');
    recordSuccess(state);
    expect(recordFailure(state, at(2), COOLDOWN, 'c').pausedNow).toBe(false);
    expect(state.failuresInRow).toBe(1);
  });

  test.each([
    ['no pause', { failuresInRow: 0 }, false],
    ['a pause still running', { failuresInRow: 3, pausedUntil: at(1).toISOString() }, false],
    ['a pause that ran out', { failuresInRow: 3, pausedUntil: at(0).toISOString() }, true],
    ['a damaged pausedUntil in state.json', { failuresInRow: 3, pausedUntil: 'soon' }, true],
  ])('takeResume with %s', (_name, start: CommandPlannerState, resumed) => {
    const state = { ...start };
    expect(takeResume(state, at(0))).toBe(resumed);
    expect(takeResume(state, at(0))).toBe(false);
    if (resumed) expect(state).toEqual({ failuresInRow: 0 });
  });
});
