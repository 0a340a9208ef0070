import { formatUptime } from '../system/uptime.js';
import type { Stats } from '../runner/state.js';

// The daemon's final log line (§5): what this run did, from the stats at its start and at its end.

export type StatsSnapshot = Pick<Stats, 'iterations' | 'errors' | 'watcherRuns' | 'plannerRuns'>;

// Taken when the daemon starts, to report only this run's share of the lifetime counters.
export function snapshotStats(stats: Stats): StatsSnapshot {
  return { iterations: stats.iterations, errors: stats.errors, watcherRuns: stats.watcherRuns, plannerRuns: stats.plannerRuns };
}

// "uptime 1h 02m 03s, 12 iterations, 0 errors, 4 watcher runs, 4 planner runs"
export function describeRunStats(startedAt: Date, endedAt: Date, start: StatsSnapshot, end: StatsSnapshot): string {
  const delta = (key: keyof StatsSnapshot) => end[key] - start[key];
  return [
    `uptime ${formatUptime((endedAt.getTime() - startedAt.getTime()) / 1000)}`,
    `${delta('iterations')} iterations`,
    `${delta('errors')} errors`,
    `${delta('watcherRuns')} watcher runs`,
    `${delta('plannerRuns')} planner runs`,
  ].join(', ');
}

